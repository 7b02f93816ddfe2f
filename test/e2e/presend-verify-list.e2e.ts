// Scenario: "Presend: Verify Recipient List" on a template whose directive names a CSV opens
// the report with the row count, the verdict chart and one row per address that needs
// attention. Its line links open the CSV, whose rows then show in the Problems panel.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { runPresendScenario } from './presend-session';
import { waitForFrameWith } from './webview';

/**
 * fixtures/presend-workspace/data/recipients.csv, made-up people. Every example.* domain is
 * reserved (RFC 2606), so those rows are excluded whatever else is wrong with them.
 */
const expectedRows = [
  { line: '2', address: 'avery.quinn@example.org', verdict: 'Exclude', reason: /reserved/ },
  { line: '3', address: 'jordan.lee@gmial.com', verdict: 'Review', reason: /typo/, fix: /jordan\.lee@gmail\.com/ },
  { line: '4', address: 'morgan.diaz@example.com', verdict: 'Exclude', reason: /reserved/ },
  { line: '5', address: 'avery.quinn@example.org', verdict: 'Exclude', reason: /already appears earlier in the list \(line 2\)/ },
  { line: '6', address: 'not-an-address', verdict: 'Exclude', reason: /not valid/ },
];

test('Verify Recipient List shows rows', { timeout: 180_000 }, async () => {
  await runPresendScenario('verify-list', async ({ vscode }) => {
    await vscode.openFile('newsletter.mjml');
    await vscode.runCommand('Presend: Verify Recipient List');

    const report = await waitForFrameWith(vscode.page, 'table.rows', 'the recipient list report', vscode.timeoutMs);
    assert.equal((await report.locator('h1').innerText()).trim(), 'Recipient list: recipients.csv');
    assert.ok((await report.locator('body').innerText()).includes('5 rows read.'));
    assert.equal(await report.locator('svg.chart').getAttribute('aria-label'), 'OK 0, Review 1, Exclude 4');

    const rows = await report.locator('table.rows tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td: { textContent: string | null }) => (td.textContent ?? '').trim())),
    );
    assert.deepEqual(rows.map(([line, address, verdict]) => ({ line, address, verdict })), expectedRows.map(({ line, address, verdict }) => ({ line, address, verdict })));
    expectedRows.forEach((want, index) => {
      const [, , , reason, fix] = rows[index];
      assert.match(reason, want.reason, `reason on line ${want.line}`);
      if (want.fix) {
        assert.match(fix, want.fix, `fix on line ${want.line}`);
      }
    });

    await vscode.screenshot('verify-list');

    // A line link opens the CSV at that row. The server keeps the rows' diagnostics and hands
    // them over when VS Code pulls diagnostics for the opened CSV.
    await report.locator('table.rows a[data-reveal]', { hasText: /^3$/ }).click();
    await vscode.page.locator('.editor-group-container.active .tab.active[aria-label^="recipients.csv"]').waitFor({ timeout: vscode.timeoutMs });
    const problems = await vscode.waitForProblems((seen) => seen.some((row) => row.file === 'data/recipients.csv' && row.line === 3));
    const typo = problems.find((row) => row.file === 'data/recipients.csv' && row.line === 3);
    assert.equal(typo?.severity, 'Warning');
    assert.equal(typo?.source, 'presend');
    assert.equal(typo?.code, 'typo');
  });
});
