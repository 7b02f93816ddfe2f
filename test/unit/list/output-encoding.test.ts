import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyList } from '../../../server/src/cli/verify-list';
import { FIXTURES, tempDir } from './helpers';

/**
 * `--out` writes UTF-8. Excel reads a CSV without a byte order mark in the system's code
 * page, so the output carries one whenever the source was not plain UTF-8; a Windows-1252
 * list would otherwise come back as "JosÃ©".
 */

const BOM = '\uFEFF';

async function split(dir: string, list: string, extra: string[] = []): Promise<{ code: number; stdout: string; sendable: string }> {
  let stdout = '';
  const code = await runVerifyList([list, '--out', 'out', ...extra], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: dir });
  return { code, stdout, sendable: readFileSync(join(dir, 'out', 'sendable.csv'), 'utf8') };
}

test('a Windows-1252 source gives UTF-8 output with a byte order mark', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), readFileSync(join(FIXTURES, 'windows-1252.csv')));
    const { sendable } = await split(dir.path, 'list.csv');
    assert.equal(sendable.startsWith(BOM), true);
    assert.match(sendable, /José/);
    assert.equal(readFileSync(join(dir.path, 'out', 'excluded.csv'), 'utf8').startsWith(BOM), true);
  } finally {
    dir.remove();
  }
});

test('late Windows-1252 byte adds the mark at the end', async () => {
  const dir = tempDir();
  try {
    // 3,000 ASCII rows fill the first 64 KB read, so the header is written before the é shows up.
    const rows = Array.from({ length: 3000 }, (_, index) => `patient${index}@clinic-sample.org,Row ${index}`);
    const text = ['email,name', ...rows, 'jose@clinic-sample.org,Jos\xe9', ''].join('\n');
    writeFileSync(join(dir.path, 'list.csv'), Buffer.from(text, 'latin1'));
    const { sendable } = await split(dir.path, 'list.csv');
    assert.equal(sendable.slice(0, 12), `${BOM}email,name\r`);
    assert.equal(sendable.endsWith('jose@clinic-sample.org,José\r\n'), true);
    assert.deepEqual(readdirSync(join(dir.path, 'out')).sort(), ['excluded.csv', 'sendable.csv']);
  } finally {
    dir.remove();
  }
});

test('a UTF-16 source gets a byte order mark; plain UTF-8 gets none', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email,name\r\nlea@clinic-sample.de,Léa\r\n', 'utf16le')]));
    assert.equal((await split(dir.path, 'utf16.csv')).sendable, `${BOM}email,name\r\nlea@clinic-sample.de,Léa\r\n`);

    writeFileSync(join(dir.path, 'utf8.csv'), 'email,name\nlea@clinic-sample.de,Léa\n');
    assert.equal((await split(dir.path, 'utf8.csv')).sendable, 'email,name\r\nlea@clinic-sample.de,Léa\r\n');
  } finally {
    dir.remove();
  }
});

test('addresses that had to be neutralised as formulas are counted in a notice', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), 'email\n-cmd@clinic-sample.org\n+tag@clinic-sample.org\nann@clinic-sample.org\n');
    const { code, stdout, sendable } = await split(dir.path, 'list.csv', ['--format', 'json']);
    assert.equal(code, 0);
    assert.equal(sendable, "email\r\n'-cmd@clinic-sample.org\r\n'+tag@clinic-sample.org\r\nann@clinic-sample.org\r\n");
    assert.deepEqual(JSON.parse(stdout).summary.notices, [
      "2 addresses in sendable.csv start with a character spreadsheets read as a formula (=, +, -, @, tab) and were written with a leading ' so spreadsheets do not run them as a formula. Remove the ' before importing into your sending service, or the service gets a different address.",
    ]);
  } finally {
    dir.remove();
  }
});
