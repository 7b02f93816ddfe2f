import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { verifyList } from '../../../server/src/core/list/verify';
import { EmailColumnError } from '../../../server/src/core/list/columns';
import { FIXTURES, ROOT, verifyText } from './helpers';

const lines = (report: { rows: { line: number; email: string }[] }) => report.rows.map((row) => [row.line, row.email]);

test('UTF-8 with BOM, semicolons, CRLF and a quoted line break', async () => {
  const report = await verifyList({ path: join(FIXTURES, 'bom-semicolon-crlf.csv') }, {});
  assert.equal(report.summary.encoding, 'utf-8-bom');
  assert.equal(report.summary.delimiter, ';');
  assert.deepEqual(report.summary.headers, ['Email', 'Name', 'Notiz']);
  assert.deepEqual(lines(report), [
    [2, 'lea@praxis-beispiel.de'],
    [4, 'max@praxis-beispiel.de'],
  ]);
  assert.deepEqual(report.summary.notices, []);
});

test('Windows-1252 falls back with a notice and decodes é and €', async () => {
  const cells: string[][] = [];
  const report = await verifyList({ path: join(FIXTURES, 'windows-1252.csv') }, { onRow: (_row, row) => void cells.push([...row]) });
  assert.equal(report.summary.encoding, 'windows-1252');
  assert.equal(report.summary.notices.length, 1);
  assert.match(report.summary.notices[0], /Windows-1252/);
  assert.deepEqual(cells[0], ['josé@clinic-sample.fr', 'José', 'coût 5€']);
  assert.deepEqual(report.rows.map((row) => row.verdict), ['ok', 'ok']);
});

test('valid UTF-8 followed by invalid bytes stays UTF-8 and invalidates the damaged address', async () => {
  const content = Buffer.concat([Buffer.from('email,name\nzoë@clinic-sample.fr,Zoë\nbad'), Buffer.from([0xe9]), Buffer.from('@clinic-sample.fr,X\n')]);
  const report = await verifyText(content);
  assert.equal(report.summary.encoding, 'utf-8');
  assert.match(report.summary.notices[0], /mixes UTF-8/);
  assert.deepEqual(report.rows.map((row) => row.reasons), [[], ['invalid-syntax']]);
});

test('UTF-8 split across tiny chunks of a stream is decoded intact', async () => {
  const bytes = Buffer.from('email,name\nrené@clinic-sample.fr,René €\n');
  const chunks = [...bytes].map((byte) => Buffer.from([byte]));
  const cells: string[][] = [];
  const report = await verifyList({ stream: Readable.from(chunks), name: 'stream' }, { onRow: (_row, row) => void cells.push([...row]) });
  assert.equal(report.summary.encoding, 'utf-8');
  assert.deepEqual(cells, [['rené@clinic-sample.fr', 'René €']]);
});

test('UTF-16 with a byte order mark is decoded', async () => {
  const text = 'email\tname\r\nava@clinic-sample.org\tAva\r\n';
  const report = await verifyText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  assert.equal(report.summary.encoding, 'utf-16le');
  assert.equal(report.summary.delimiter, '\t');
  assert.deepEqual(lines(report), [[2, 'ava@clinic-sample.org']]);
});

test('an Excel sep= line sets the delimiter and counts as a line', async () => {
  const report = await verifyList({ path: join(FIXTURES, 'excel-sep-line.csv') }, {});
  assert.equal(report.summary.delimiter, ';');
  assert.equal(report.summary.emailColumn, 'E-Mail-Adresse');
  assert.deepEqual(lines(report), [[3, 'anna@clinic.test-provider.de']]);
});

test('tab-separated with display names in the address cells', async () => {
  const report = await verifyList({ path: join(FIXTURES, 'tab-display-names.csv') }, {});
  assert.equal(report.summary.delimiter, '\t');
  assert.equal(report.summary.emailColumn, 'Email Address');
  assert.deepEqual(report.rows.map((row) => [row.email, row.normalized, row.verdict]), [
    ['Jane Doe <jane@clinic-sample.org>', 'jane@clinic-sample.org', 'ok'],
    ['omar@clinic-sample.org', 'omar@clinic-sample.org', 'ok'],
  ]);
});

test('the delimiter is the most frequent candidate outside quotes', async () => {
  const report = await verifyText('"a,b,c";email;name\n"x,y,z";ida@clinic-sample.org;Ida\n');
  assert.equal(report.summary.delimiter, ';');
  assert.equal(report.rows[0].normalized, 'ida@clinic-sample.org');
});

test('quoted line breaks, blank lines and CRLF keep physical line numbers', async () => {
  const report = await verifyText('email,note\r\na@clinic-sample.org,"one\r\ntwo\r\nthree"\r\n\r\nb@clinic-sample.org,x\r\nc@clinic-sample.org,"\n"\r\nd@clinic-sample.org,y');
  assert.deepEqual(lines(report), [
    [2, 'a@clinic-sample.org'],
    [6, 'b@clinic-sample.org'],
    [7, 'c@clinic-sample.org'],
    [9, 'd@clinic-sample.org'],
  ]);
});

test('duplicate headers give a notice and the first column is used', async () => {
  const report = await verifyText('email,name,email\na@clinic-sample.org,A,b@clinic-sample.org\n');
  assert.deepEqual(report.summary.notices, ['The header "email" appears more than once; the first such column is used.']);
  assert.equal(report.rows[0].normalized, 'a@clinic-sample.org');
});

test('ragged rows are reported, not fatal', async () => {
  const report = await verifyText('email,name\na@clinic-sample.org\nb@clinic-sample.org,B,extra\nc@clinic-sample.org,C\n');
  assert.equal(report.summary.rows, 3);
  assert.deepEqual(report.summary.notices, [
    '2 rows have a different number of cells than the header row (the first at line 2); cells were matched to headers by position.',
  ]);
});

test('a stray quote does not end the read', async () => {
  const report = await verifyText('email,name\na@clinic-sample.org,Jo "JJ" Doe\nb@clinic-sample.org,B\n');
  assert.deepEqual(lines(report), [
    [2, 'a@clinic-sample.org'],
    [3, 'b@clinic-sample.org'],
  ]);
});

test('address column header variants are recognised', async () => {
  for (const header of ['email', 'E-mail', 'Email Address', 'email_address', 'mail', 'Recipient', 'E-Mail-Adresse', ' EMAIL ']) {
    const report = await verifyText(`id,${header}\n1,a@clinic-sample.org\n`);
    // Leading spaces go with ltrim, which the parser needs for `a, "b"` cells.
    assert.equal(report.summary.emailColumn, header.trimStart(), header);
  }
});

test('without an address column the error names the headers and the fix', async () => {
  await assert.rejects(verifyText('name,phone\nA,1\n'), (error: Error) => {
    assert.ok(error instanceof EmailColumnError);
    assert.equal(error.message, 'No address column found. Headers found: "name", "phone". Name the column with --email-column NAME, or rename it to "email".');
    return true;
  });
  const report = await verifyText('name,contact\nA,a@clinic-sample.org\n', { emailColumn: 'contact' });
  assert.equal(report.rows[0].normalized, 'a@clinic-sample.org');
  await assert.rejects(verifyText('name,contact\nA,a@clinic-sample.org\n', { emailColumn: 'kontakt' }), /No column "kontakt" in the header row\. Headers found: "name", "contact"\. Pass one of them to --email-column\./);
});

test('an empty file is a clear error', async () => {
  await assert.rejects(verifyText(''), /has no header row: the file is empty/);
});

// The corpus contains copyleft files, so it stays outside the repository; CI has it beside the clone.
const CORPUS = join(ROOT, '../shared/corpus/csv');

test('every CSV in the shared corpus reads without a crash', { skip: existsSync(CORPUS) ? false : 'shared corpus folder is absent' }, async () => {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.csv'));
  assert.ok(files.length >= 30);
  let read = 0;
  for (const file of files) {
    const path = join(CORPUS, file);
    if (!statSync(path).isFile()) continue;
    try {
      const report = await verifyList({ path }, {});
      assert.equal(report.rows.length, report.summary.rows);
      read++;
    } catch (error) {
      // Files that are not recipient lists (a template export) must fail with the column error.
      assert.ok(error instanceof EmailColumnError, `${file}: ${(error as Error).stack}`);
    }
  }
  assert.ok(read >= 30, `read ${read} lists`);
});
