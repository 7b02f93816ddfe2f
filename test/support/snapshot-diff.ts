import * as fs from 'node:fs';

/**
 * Compares text with a committed snapshot, line by line, and describes the difference as the
 * lines removed and added, so a changed finding reads as one `-` and one `+` line.
 * `UPDATE_SNAPSHOTS=1` rewrites the snapshot instead.
 */
export function compareWithSnapshot(snapshotPath: string, actual: string): string | undefined {
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snapshotPath)) {
    fs.writeFileSync(snapshotPath, actual);
    return undefined;
  }
  const expected = fs.readFileSync(snapshotPath, 'utf8');
  if (expected === actual) {
    return undefined;
  }

  const expectedLines = new Set(expected.split('\n'));
  const actualLines = new Set(actual.split('\n'));
  const removed = [...expectedLines].filter((line) => !actualLines.has(line)).map((line) => `- ${line}`);
  const added = [...actualLines].filter((line) => !expectedLines.has(line)).map((line) => `+ ${line}`);
  const shown = [...removed, ...added].slice(0, 80);
  return [
    `${snapshotPath} differs (${removed.length} lines removed, ${added.length} added):`,
    ...shown,
    shown.length < removed.length + added.length ? `… ${removed.length + added.length - shown.length} more` : '',
    'Review the change; if it is right, rerun with UPDATE_SNAPSHOTS=1 and commit the snapshot.',
  ].join('\n');
}
