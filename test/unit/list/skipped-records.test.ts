import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyList } from '../../../server/src/cli/verify-list';
import { tempDir, verifyText } from './helpers';

/**
 * A record the parser cannot read (an unclosed quote swallows the rest of the file) is
 * skipped. The notice names the line the record starts on, the summary counts it, and the
 * CLI exits 1, because rows that were never read were never verified.
 */

const UNCLOSED = 'email,name\n"a@gmail.com,Ann\nb@gmail.com,Bo\n';

test('the notice names the line where the unreadable record starts', async () => {
  const report = await verifyText(UNCLOSED);
  assert.equal(report.summary.rows, 0);
  assert.equal(report.summary.skippedRecords, 1);
  assert.deepEqual(report.summary.notices, [
    'The record starting on line 2 opens a quote that is never closed, so lines 2 to 3 were read as one record and skipped. Close or remove that quote.',
  ]);
});

test('lines count sep= and blank lines before a skip', async () => {
  const report = await verifyText('sep=,\nemail\nann@clinic-sample.org\n\n"ben@clinic-sample.org\ncy@clinic-sample.org\n');
  assert.deepEqual(
    report.rows.map((row) => [row.line, row.email]),
    [[3, 'ann@clinic-sample.org']],
  );
  assert.equal(report.summary.skippedRecords, 1);
  assert.match(report.summary.notices[0], /^The record starting on line 5 opens a quote that is never closed, so lines 5 to 6 were read/);
});

test('a list that reads cleanly has no skipped records', async () => {
  const report = await verifyText('email\nann@clinic-sample.org\n');
  assert.equal(report.summary.skippedRecords, 0);
});

test('the CLI exits 1 and says the list was not fully verified', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'q.csv'), UNCLOSED);
    let stdout = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: () => undefined, cwd: dir.path };

    assert.equal(await runVerifyList(['q.csv'], io), 1);
    assert.equal(
      stdout,
      [
        'q.csv: 0 rows, utf-8, delimiter ",", address column "email"',
        '',
        '  verdict  rows',
        '  ok       0',
        '  review   0',
        '  exclude  0',
        '',
        'Not fully verified: 1 record could not be read and was skipped, so those lines are missing from the result. Fix the quoting the notices name and run again.',
        '',
        'Notices:',
        '  The record starting on line 2 opens a quote that is never closed, so lines 2 to 3 were read as one record and skipped. Close or remove that quote.',
        '',
      ].join('\n'),
    );

    stdout = '';
    assert.equal(await runVerifyList(['q.csv', '--format', 'json'], io), 1);
    assert.equal(JSON.parse(stdout).summary.skippedRecords, 1);
  } finally {
    dir.remove();
  }
});
