import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyList } from '../../../server/src/core/list/verify';
import { ListInputError } from '../../../server/src/core/list/errors';
import { tempDir } from './helpers';

async function writeRows(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = 'email,first_name\n';
  for (let index = 0; index < count; index++) {
    // In every ten rows, the sixth is malformed and the tenth repeats the ninth.
    let address = `p${index}@clinic-sample.org`;
    if (index % 10 === 9) address = `p${index - 1}@clinic-sample.org`;
    if (index % 10 === 5) address = `p${index}-at-clinic-sample.org`;
    chunk += `${address},P${index}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).once('error', reject));
}

test('a 200,000-row list streams without collecting rows', async () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'big.csv');
    await writeRows(file, 200_000);
    let last = 0;
    const report = await verifyList({ path: file }, { collectRows: false, onRow: (row) => void (last = row.line) });

    const duplicates = 20_000;
    const invalid = 20_000;
    assert.equal(report.rows.length, 0);
    assert.equal(report.summary.rows, 200_000);
    assert.equal(last, 200_001);
    assert.equal(report.summary.reasons.duplicate, duplicates);
    assert.equal(report.summary.reasons['invalid-syntax'], invalid);
    assert.deepEqual(report.summary.verdicts, { ok: 200_000 - duplicates - invalid, review: 0, exclude: duplicates + invalid });
  } finally {
    dir.remove();
  }
});

test('a 5 MB cell neither crashes nor hides the rows around it', async () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'wide.csv');
    writeFileSync(file, `email,note\na@clinic-sample.org,"${'x'.repeat(5 * 1024 * 1024)}"\nb@clinic-sample.org,short\n${'y'.repeat(5 * 1024 * 1024)}@clinic-sample.org,huge address\n`);
    const report = await verifyList({ path: file }, {});
    assert.deepEqual(
      report.rows.map((row) => [row.line, row.verdict, row.reasons]),
      [
        [2, 'ok', []],
        [3, 'ok', []],
        [4, 'exclude', ['invalid-syntax']],
      ],
    );
  } finally {
    dir.remove();
  }
});

test('binary garbage ends with a clear error, not a crash', async () => {
  const dir = tempDir();
  try {
    const withNul = join(dir.path, 'image.csv');
    // Deterministic bytes with NULs, as in any image or archive.
    writeFileSync(withNul, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)));
    await assert.rejects(verifyList({ path: withNul }, {}), (error: Error) => {
      assert.ok(error instanceof ListInputError);
      assert.match(error.message, /not a text CSV: it contains NUL bytes/);
      return true;
    });

    const noNul = join(dir.path, 'noise.csv');
    writeFileSync(noNul, Buffer.from([...randomBytes(200_000)].map((byte) => byte || 1)));
    await assert.rejects(verifyList({ path: noNul }, {}), /No address column found/);

    // Garbage under a real header is all invalid rows.
    const underHeader = join(dir.path, 'garbage-rows.csv');
    writeFileSync(underHeader, Buffer.concat([Buffer.from('email\n'), Buffer.from([...randomBytes(100_000)].map((byte) => (byte === 0 || byte === 0x40 ? 1 : byte)))]));
    const report = await verifyList({ path: underHeader }, { collectRows: false });
    assert.ok(report.summary.rows > 0);
    assert.equal(report.summary.verdicts.exclude, report.summary.rows);
    assert.equal(report.summary.reasons['invalid-syntax'], report.summary.rows);
  } finally {
    dir.remove();
  }
});

test('a 10,000,000-row stream is verified without collecting rows', async () => {
  // Generated on the fly, so the test never holds the file: only a streamed list this size
  // shows that verification keeps nothing per row but the duplicate table.
  const { Readable } = await import('node:stream');
  const total = 10_000_000;
  let index = 0;
  const stream = new Readable({
    read() {
      if (index === 0) this.push('email\n');
      let chunk = '';
      for (let batch = 0; batch < 20_000 && index < total; batch++, index++) {
        chunk += index % 1000 === 999 ? 'not-an-address\n' : `p${index}@clinic-sample.org\n`;
      }
      this.push(chunk);
      if (index === total) this.push(null);
    },
  });

  const report = await verifyList({ stream, name: 'generated.csv' }, { collectRows: false });
  assert.equal(report.rows.length, 0);
  assert.equal(report.summary.rows, total);
  assert.equal(report.summary.reasons['invalid-syntax'], total / 1000);
  // Invalid cells are excluded for their syntax alone; the duplicate check sees only addresses.
  assert.equal(report.summary.reasons.duplicate, 0);
  assert.equal(report.summary.verdicts.ok, total - total / 1000);
});
