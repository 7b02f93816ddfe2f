import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runAudit } from '../../../server/src/cli/audit';
import { appendAuditRecord } from '../../../server/src/core/gate/audit';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAudit(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

describe('presend audit verify', () => {
  let root: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'presend-audit-cli-'));
    writeFileSync(path.join(root, 'reminder.html'), '<p>Your appointment at Example Clinic</p>');
    for (const passed of [true, false, true]) {
      await appendAuditRecord(root, { template: { path: 'reminder.html' }, checks: [{ id: 'dkim', status: 'pass' }], overrides: [], passed });
    }
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('intact log exits 0', async () => {
    const result = await run(['verify'], root);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^\.presend\/audit\.jsonl: 3 records, chain intact\./);
    assert.equal(result.stderr, '');
  });

  test('broken log exits 1 naming the line', async () => {
    const lines = readFileSync(path.join(root, '.presend', 'audit.jsonl'), 'utf8').split('\n');
    const broken = path.join(root, 'broken.jsonl');
    writeFileSync(broken, [lines[0], lines[2], ''].join('\n'));

    const result = await run(['verify', 'broken.jsonl'], root);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /broken\.jsonl: 2 records, chain broken \(1 problem\)/);
    assert.match(result.stdout, /line 2: broken-link:/);
  });

  test('missing file exits 2 naming path and fix', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'presend-audit-cli-empty-'));
    try {
      const result = await run(['verify'], empty);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /no audit log at \.presend\/audit\.jsonl/);
      assert.match(result.stderr, /presend gate/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('bad usage exits 2', async () => {
    assert.equal((await run([], root)).code, 2);
    assert.equal((await run(['check'], root)).code, 2);
    assert.equal((await run(['verify', 'a.jsonl', 'b.jsonl'], root)).code, 2);
    assert.equal((await run(['verify', '--fix'], root)).code, 2);
  });

  test('help exits 0', async () => {
    const result = await run(['--help'], root);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /presend audit verify \[FILE\]/);
  });
});
