import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyList } from '../../../server/src/cli/verify-list';
import { UsageError } from '../../../server/src/cli/io';
import { tempDir } from './helpers';

/**
 * Paths that name the wrong kind of thing (a file for --out, a folder for the list, a missing
 * suppression file) are usage errors whose message names the path and the fix, not crashes.
 */

const quiet = { stdout: () => undefined, stderr: () => undefined };

async function usageError(argv: string[], cwd: string): Promise<string> {
  let message = '';
  await assert.rejects(runVerifyList(argv, { ...quiet, cwd }), (error: Error) => {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${error.stack}`);
    message = error.message;
    return true;
  });
  return message;
}

test('--out naming an existing file asks for a folder and writes nothing', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'basic.csv'), 'email\nann@clinic-sample.org\n');
    writeFileSync(join(dir.path, 'basic.csv.orig'), 'kept as is');
    const message = await usageError(['basic.csv', '--out', 'basic.csv.orig'], dir.path);
    assert.equal(
      message,
      `${join(dir.path, 'basic.csv.orig')} is a file, not a folder. --out names the folder that receives sendable.csv and excluded.csv; give a folder (it is created when missing).`,
    );
    assert.deepEqual(readdirSync(dir.path).sort(), ['basic.csv', 'basic.csv.orig']);
  } finally {
    dir.remove();
  }
});

test('--out below a file names the path', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'basic.csv'), 'email\nann@clinic-sample.org\n');
    const message = await usageError(['basic.csv', '--out', 'basic.csv/split'], dir.path);
    assert.equal(message, `Cannot create the folder ${join(dir.path, 'basic.csv/split')}: part of its path is a file. Give a folder for --out.`);
  } finally {
    dir.remove();
  }
});

test('a missing suppression file is named, with the fix', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'basic.csv'), 'email\nann@clinic-sample.org\n');
    const message = await usageError(['basic.csv', '--suppression', 'nope.csv'], dir.path);
    assert.equal(message, `Suppression file ${join(dir.path, 'nope.csv')} was not found; check the path.`);
  } finally {
    dir.remove();
  }
});

test('a folder as list or suppression file', async () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir.path, 'somefolder'));
    writeFileSync(join(dir.path, 'basic.csv'), 'email\nann@clinic-sample.org\n');
    assert.equal(await usageError(['somefolder'], dir.path), `List file ${join(dir.path, 'somefolder')} is a folder; give the path of a CSV file.`);
    assert.equal(
      await usageError(['basic.csv', '--suppression', 'somefolder'], dir.path),
      `Suppression file ${join(dir.path, 'somefolder')} is a folder; give the path of a CSV file.`,
    );
  } finally {
    dir.remove();
  }
});
