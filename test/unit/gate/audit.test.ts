import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { verifyAuditChain } from '../../../server/src/core/gate/audit';
import { resolveConfig } from '../../../server/src/core/config/load';
import { GateUsageError, runGate } from '../../../server/src/core/gate/index';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

test('each gate run appends a record that links to the one before, and the chain verifies', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'list.csv' }),
    'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\nnot-an-address,yes\n',
    'presend.config.json': JSON.stringify(STREAMS),
  });
  try {
    const first = await gate(ws, 'news.mjml', { user: STREAMS });
    const second = await gate(ws, 'news.mjml', { user: STREAMS, overrides: [{ checkId: 'list', reason: '  row removed in the ESP, ticket 42 ' }] });
    assert.equal(first.passed, false);
    assert.equal(second.passed, true);
    assert.equal(check(second, 'list').status, 'overridden');
    assert.equal(check(second, 'list').overrideReason, 'row removed in the ESP, ticket 42');

    const logPath = ws.file('.presend/audit.jsonl');
    const lines = readFileSync(logPath, 'utf8').split('\n').slice(0, -1);
    assert.equal(lines.length, 2);
    const records = lines.map((line) => JSON.parse(line));
    assert.deepEqual(records[0].template, { path: 'news.mjml', sha256: sha256(readFileSync(ws.file('news.mjml'))) });
    assert.deepEqual(records[0].list, { path: 'list.csv', sha256: sha256(readFileSync(ws.file('list.csv'))) });
    assert.equal(records[0].configSha256, undefined, 'the gate was given a config without a file');
    assert.deepEqual(records[0].checks, first.checks.map(({ id, status }) => ({ id, status })));
    assert.deepEqual(records[1].overrides, [{ checkId: 'list', reason: 'row removed in the ESP, ticket 42' }]);
    assert.equal(records[1].prev, sha256(lines[0]));
    assert.deepEqual(JSON.parse(JSON.stringify(second.auditRecord)), records[1]);

    assert.deepEqual(verifyAuditChain(logPath), { ok: true, records: 2, problems: [], lastLineSha256: sha256(lines[1]) });

    // An edited verdict breaks the record's hash; a deleted record breaks the next link.
    writeFileSync(logPath, [lines[0].replace('"passed":false', '"passed":true'), lines[1], ''].join('\n'));
    assert.deepEqual(verifyAuditChain(logPath).problems.map((p) => [p.line, p.kind]), [[1, 'hash-mismatch'], [2, 'broken-link']]);
    writeFileSync(logPath, [lines[1], ''].join('\n'));
    assert.deepEqual(verifyAuditChain(logPath).problems.map((p) => [p.line, p.kind]), [[1, 'broken-link']]);
  } finally {
    ws.dispose();
  }
});

test('the editor text is hashed as checked, saved or not', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    const unsaved = marketingMjml({ body: '<mj-text>Edited, not saved.</mj-text>' });
    const report = await runGate({
      templatePath: ws.file('news.mjml'),
      text: unsaved,
      workspaceRoot: ws.root,
      config: resolveConfig({}, ws.root, true),
      dns: { enabled: false },
      overrides: [],
      readFile: () => undefined,
    });
    assert.equal(report.auditRecord?.template.sha256, sha256(unsaved));
  } finally {
    ws.dispose();
  }
});

test('an override without a reason, or of an unknown check, is refused before anything is recorded', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    await assert.rejects(gate(ws, 'news.mjml', { overrides: [{ checkId: 'list-unsubscribe', reason: '  ' }] }), (error: Error) => {
      assert.ok(error instanceof GateUsageError);
      assert.match(error.message, /^The override of "list-unsubscribe" has no reason/);
      return true;
    });
    await assert.rejects(gate(ws, 'news.mjml', { overrides: [{ checkId: 'spf-record', reason: 'ok' }] }), /Unknown check "spf-record"/);
    assert.throws(() => readFileSync(ws.file('.presend/audit.jsonl')), { code: 'ENOENT' });
  } finally {
    ws.dispose();
  }
});

test('an override of a check that did not fail changes nothing and is not recorded', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    const report = await gate(ws, 'news.mjml', { user: STREAMS, overrides: [{ checkId: 'stream-separation', reason: 'not needed' }] });
    assert.equal(check(report, 'stream-separation').status, 'pass');
    assert.deepEqual(report.auditRecord?.overrides, []);
  } finally {
    ws.dispose();
  }
});
