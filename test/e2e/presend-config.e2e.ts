// Scenario: editing presend.config.json in VS Code and saving it changes the diagnostics of
// the open templates: a rule turned off disappears, a rule set to "warning" is shown as one.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { runPresendScenario } from './presend-session';
import { waitForValue } from './webview';
import type { ProblemRow } from './workbench';

const NEW_CONFIG = {
  rules: {
    'broken-unsubscribe': 'off',
    'missing-unsubscribe': 'warning',
  },
};

test('saved config changes the Problems panel', { timeout: 180_000 }, async () => {
  await runPresendScenario('config', async ({ vscode, workspace }) => {
    await vscode.openFile('members-offer.mjml');
    await vscode.openFile('newsletter.mjml');
    await vscode.waitForProblems((rows) =>
      has(rows, 'newsletter.mjml', 'broken-unsubscribe', 'Error') && has(rows, 'members-offer.mjml', 'missing-unsubscribe', 'Error'),
    );

    await vscode.openFile('presend.config.json');
    await vscode.replaceActiveEditorText(`${JSON.stringify(NEW_CONFIG, null, 2)}\n`);
    await vscode.saveActiveEditor();
    const saved = await waitForValue(
      () => readFile(path.join(workspace, 'presend.config.json'), 'utf8'),
      (text) => text === `${JSON.stringify(NEW_CONFIG, null, 2)}\n`,
      'presend.config.json on disk to hold the new config',
      vscode.timeoutMs,
    );
    assert.deepEqual(JSON.parse(saved), NEW_CONFIG);

    const rows = await vscode.waitForProblems((seen) =>
      has(seen, 'members-offer.mjml', 'missing-unsubscribe', 'Warning') && !seen.some((row) => row.code === 'broken-unsubscribe'),
    );
    assert.equal(rows.filter((row) => row.file === 'presend.config.json').length, 0, 'the new config is valid, so the file itself has no problems');

    await vscode.screenshot('config-change');
  });
});

function has(rows: ProblemRow[], file: string, code: string, severity: string): boolean {
  return rows.some((row) => row.file === file && row.code === code && row.severity === severity && row.source === 'presend');
}
