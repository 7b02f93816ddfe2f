import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runAudit } from '../../../server/src/cli/audit';
import { appendAuditRecord } from '../../../server/src/core/gate/audit';

/** Messages of `presend audit verify` about the path it was given, and about what an intact chain does not prove. */

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAudit(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

test('audit verify on a folder', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'presend-audit-folder-'));
  try {
    const result = await run(['verify', tmpdir()], root);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      `presend audit: ${tmpdir()} is a folder, not an audit log. The gate writes the log to .presend/audit.jsonl in the workspace, so for that folder run: presend audit verify ${path.join(tmpdir(), '.presend', 'audit.jsonl')}\n`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('intact chain reminds to compare hash', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'presend-audit-hint-'));
  try {
    writeFileSync(path.join(root, 'reminder.html'), '<p>Your appointment at Example Clinic</p>');
    await appendAuditRecord(root, { template: { path: 'reminder.html' }, checks: [{ id: 'dkim', status: 'pass' }], overrides: [], passed: true });
    const result = await run(['verify'], root);
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /^\.presend\/audit\.jsonl: 1 record, chain intact\. Last line SHA-256: [0-9a-f]{64}\.\nCompare that value with the copy kept outside the workspace \(for example in the change ticket\): a log whose records were edited and whose later prev and hash values were all recomputed also verifies as intact\.\n$/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
