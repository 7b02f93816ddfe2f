import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A lock file that serializes audit appends across processes. Each append reads the last
 * line to link the new record to it, so two unserialized appends would both link to the
 * same line and fork the chain. The lock is created with O_EXCL and holds the owner's pid.
 */

/** A lock older than this is left over from a crashed process; appends hold it for milliseconds. */
const STALE_AFTER_MS = 30_000;
const WAIT_TIMEOUT_MS = 10_000;

export async function withFileLock<T>(lockPath: string, run: () => T): Promise<T> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;

  while (!tryCreate(lockPath)) {
    if (isStale(lockPath)) {
      // NOTE: two processes that find the same stale lock can both remove it, and the second
      // removal may delete the lock the first just created. Only a crash leaves a stale lock.
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${WAIT_TIMEOUT_MS} ms waiting for the audit lock ${lockPath}. If no presend process is running, delete that file.`);
    }
    await delay(5 + Math.random() * 20);
  }

  try {
    return run();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** True when the lock's owner has exited (same host) or the lock is older than STALE_AFTER_MS. */
function isStale(lockPath: string): boolean {
  let pid: number;
  let modified: number;
  try {
    pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    modified = statSync(lockPath).mtimeMs;
  } catch {
    // The owner released it between our attempts; the next attempt decides.
    return false;
  }

  if (Date.now() - modified > STALE_AFTER_MS) {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    // The owner has created the file but not written its pid yet.
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
