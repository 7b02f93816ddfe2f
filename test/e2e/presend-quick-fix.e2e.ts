// Scenario: the quick fix of broken-unsubscribe, picked from the editor's light bulb, turns
// the unsubscribe link's http: into https:, and the finding leaves the Problems panel.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { runPresendScenario } from './presend-session';
import { waitForValue } from './webview';

const FIX_TITLE = 'Use https: for the unsubscribe link';
const HTTP_LINK = 'href="http://www.riverbend-clinic.example/unsubscribe?t={{ unsubscribe_token }}"';
const HTTPS_LINK = 'href="https://www.riverbend-clinic.example/unsubscribe?t={{ unsubscribe_token }}"';

test('quick fix switches unsubscribe to https', { timeout: 180_000 }, async () => {
  await runPresendScenario('quick-fix', async ({ vscode, workspace }) => {
    // A second template keeps a finding in the panel, so "the row is gone" is read from a
    // panel that has rows, not from one that is still empty or refreshing.
    await vscode.openFile('members-offer.mjml');
    await vscode.openFile('newsletter.mjml');
    await vscode.waitForProblems((rows) => rows.some((row) => row.file === 'newsletter.mjml' && row.code === 'broken-unsubscribe'));

    await vscode.openProblem(/plain http:/);
    assert.ok((await vscode.visibleEditorLines()).some((line) => line.includes(HTTP_LINK)), 'the editor shows the http: link before the fix');

    const offered = await vscode.applyQuickFix(FIX_TITLE);
    assert.ok(offered.includes('Disable broken-unsubscribe for this line'), `offered: ${offered.join(' | ')}`);

    await waitForValue(
      () => vscode.visibleEditorLines(),
      (lines) => lines.some((line) => line.includes(HTTPS_LINK)),
      `the editor to show ${HTTPS_LINK}`,
      vscode.timeoutMs,
    );

    await vscode.saveActiveEditor();
    const saved = await waitForValue(
      () => readFile(path.join(workspace, 'newsletter.mjml'), 'utf8'),
      (text) => text.includes(HTTPS_LINK),
      'newsletter.mjml on disk to have the https: link',
      vscode.timeoutMs,
    );
    assert.ok(!saved.includes(HTTP_LINK), 'the saved file no longer has the http: link');

    const rows = await vscode.waitForProblems((seen) =>
      seen.some((row) => row.file === 'members-offer.mjml' && row.code === 'missing-unsubscribe') &&
      !seen.some((row) => row.file === 'newsletter.mjml' && row.code === 'broken-unsubscribe'),
    );
    assert.equal(rows.filter((row) => row.code === 'broken-unsubscribe' && row.file === 'newsletter.mjml').length, 0);

    await vscode.screenshot('quick-fix');
  });
});
