import { after, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { appendAuditRecord, sha256File, verifyAuditChain, type AuditEntry } from '../../../server/src/core/gate/audit';
import { canonicalJson, hashRecord } from '../../../server/src/core/gate/audit-canonical';

const ZEROS = '0'.repeat(64);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('audit chain', () => {
  const roots: string[] = [];
  let root: string;
  let logPath: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'presend-audit-'));
    roots.push(root);
    logPath = path.join(root, '.presend', 'audit.jsonl');
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates', 'welcome.mjml'), '<mjml><mj-body>Hello from Example Clinic</mj-body></mjml>');
    writeFileSync(path.join(root, 'list.csv'), 'email\nalex@example.org\n');
  });

  after(() => {
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  });

  function entry(index: number): AuditEntry {
    return {
      template: { path: path.join(root, 'templates', 'welcome.mjml') },
      list: { path: 'list.csv' },
      configSha256: sha256('{}'),
      checks: [
        { id: 'spf', status: 'pass' },
        { id: 'dmarc', status: index === 2 ? 'warn' : 'pass' },
      ],
      overrides: index === 2 ? [{ checkId: 'dmarc', reason: 'p=none approved by the privacy office' }] : [],
      passed: true,
      time: new Date(Date.UTC(2025, 0, index, 9, 0, 0)),
    };
  }

  async function appendThree(): Promise<string[]> {
    for (const index of [1, 2, 3]) await appendAuditRecord(root, entry(index));
    return readFileSync(logPath, 'utf8').split('\n').slice(0, -1);
  }

  function rewrite(lines: string[], terminated = true): void {
    writeFileSync(logPath, lines.join('\n') + (terminated ? '\n' : ''));
  }

  test('three records verify', async () => {
    const lines = await appendThree();
    const records = lines.map((line) => JSON.parse(line));

    assert.equal(lines.length, 3);
    assert.equal(records[0].prev, ZEROS);
    assert.equal(records[1].prev, sha256(lines[0]));
    assert.equal(records[2].prev, sha256(lines[1]));
    assert.equal(records[0].hash, hashRecord(records[0]));
    assert.deepEqual(records[0].template, {
      path: 'templates/welcome.mjml',
      sha256: sha256('<mjml><mj-body>Hello from Example Clinic</mj-body></mjml>'),
    });
    assert.deepEqual(records[1].list, { path: 'list.csv', sha256: sha256('email\nalex@example.org\n') });
    assert.equal(records[1].time, '2025-01-02T09:00:00.000Z');
    assert.deepEqual(records[1].overrides, [{ checkId: 'dmarc', reason: 'p=none approved by the privacy office' }]);
    assert.equal(records[0].version, 1);

    assert.deepEqual(verifyAuditChain(logPath), { ok: true, records: 3, problems: [], lastLineSha256: sha256(lines[2]) });
  });

  test('edited record fails its hash', async () => {
    const lines = await appendThree();
    lines[1] = lines[1].replace('"passed":true', '"passed":false');
    rewrite(lines);

    const result = verifyAuditChain(logPath);
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(({ line, kind }) => ({ line, kind })), [
      { line: 2, kind: 'hash-mismatch' },
      { line: 3, kind: 'broken-link' },
    ]);
  });

  test('edit with recomputed hash breaks next link', async () => {
    const lines = await appendThree();
    const record = JSON.parse(lines[1]);
    record.passed = false;
    record.hash = hashRecord(record);
    lines[1] = canonicalJson(record);
    rewrite(lines);

    assert.deepEqual(verifyAuditChain(logPath).problems.map(({ line, kind }) => ({ line, kind })), [{ line: 3, kind: 'broken-link' }]);
  });

  test('deleted record breaks the link', async () => {
    const lines = await appendThree();
    rewrite([lines[0], lines[2]]);

    const result = verifyAuditChain(logPath);
    assert.equal(result.records, 2);
    assert.deepEqual(result.problems.map(({ line, kind }) => ({ line, kind })), [{ line: 2, kind: 'broken-link' }]);
  });

  test('deleted first record breaks line 1', async () => {
    const lines = await appendThree();
    rewrite(lines.slice(1));

    assert.deepEqual(verifyAuditChain(logPath).problems.map(({ line, kind }) => ({ line, kind })), [{ line: 1, kind: 'broken-link' }]);
  });

  test('reordered records break links', async () => {
    const lines = await appendThree();
    rewrite([lines[0], lines[2], lines[1]]);

    assert.deepEqual(verifyAuditChain(logPath).problems.map(({ line, kind }) => ({ line, kind })), [
      { line: 2, kind: 'broken-link' },
      { line: 3, kind: 'broken-link' },
    ]);
  });

  test('truncated last line is bad JSON', async () => {
    const lines = await appendThree();
    lines[2] = lines[2].slice(0, 40);
    rewrite(lines, false);

    const result = verifyAuditChain(logPath);
    assert.equal(result.records, 3);
    assert.deepEqual(result.problems.map(({ line, kind }) => ({ line, kind })), [{ line: 3, kind: 'bad-json' }]);
    assert.match(result.problems[0].message, /truncated/);
  });

  test('append after truncation keeps the damage on its line', async () => {
    const lines = await appendThree();
    rewrite([lines[0], lines[1], lines[2].slice(0, 40)], false);
    await appendAuditRecord(root, entry(4));

    const result = verifyAuditChain(logPath);
    assert.equal(result.records, 4);
    assert.deepEqual(result.problems.map(({ line, kind }) => ({ line, kind })), [{ line: 3, kind: 'bad-json' }]);
  });

  test('missing field is reported', async () => {
    const lines = await appendThree();
    const record = JSON.parse(lines[0]);
    delete record.passed;
    record.hash = hashRecord(record);
    rewrite([canonicalJson(record)]);

    const result = verifyAuditChain(logPath);
    assert.deepEqual(result.problems.map(({ line, kind }) => ({ line, kind })), [{ line: 1, kind: 'missing-field' }]);
    assert.match(result.problems[0].message, /passed/);
  });

  test('empty log is intact', () => {
    mkdirSync(path.dirname(logPath));
    writeFileSync(logPath, '');
    assert.deepEqual(verifyAuditChain(logPath), { ok: true, records: 0, problems: [], lastLineSha256: undefined });
  });

  test('sha256File matches a one-shot hash', async () => {
    const big = path.join(root, 'big.bin');
    const content = Buffer.alloc(300_000, 'presend');
    writeFileSync(big, content);
    assert.equal(await sha256File(big), createHash('sha256').update(content).digest('hex'));
  });

  test('concurrent appends from two processes keep one chain', async () => {
    const modulePath = path.join(__dirname, '../../../server/src/core/gate/audit.js');
    const script = `
      const { appendAuditRecord } = require(${JSON.stringify(modulePath)});
      (async () => {
        for (let i = 0; i < 25; i++) {
          await appendAuditRecord(process.argv[1], {
            template: { path: 'templates/welcome.mjml' },
            checks: [{ id: 'spf', status: 'pass' }],
            overrides: [],
            passed: true,
          });
        }
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
    const children = [1, 2].map(() => spawn(process.execPath, ['-e', script, root], { stdio: ['ignore', 'ignore', 'inherit'] }));
    const codes = await Promise.all(children.map(async (child) => (await once(child, 'exit'))[0]));

    assert.deepEqual(codes, [0, 0]);
    const result = verifyAuditChain(logPath);
    assert.deepEqual(result.problems, []);
    assert.equal(result.records, 50);
  });
});
