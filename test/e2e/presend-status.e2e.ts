// Scenario: the status bar item shows the active template's category and its error and
// warning counts, and follows the active editor to another template.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { runPresendScenario } from './presend-session';
import type { ProblemRow } from './workbench';

/** VS Code's DOM id of the item: extension id `presend.presend`, then the item id `presend.status`. */
const STATUS_ID = 'presend.presend.presend.status';

interface StatusText {
  category: string;
  errors: number;
  warnings: number;
  tooltip: string;
}

test('status item shows category and counts', { timeout: 180_000 }, async () => {
  await runPresendScenario('status', async ({ vscode }) => {
    await vscode.openFile('newsletter.mjml');
    const rows = await vscode.waitForProblems((seen) => seen.some((row) => row.file === 'newsletter.mjml' && row.code === 'broken-unsubscribe'));
    const counts = countsOf(rows, 'newsletter.mjml');

    // The item and the Problems panel must agree on the same template's counts.
    const marketing = parseStatus(await vscode.waitForStatusBarItem(
      STATUS_ID,
      (label) => matchesStatus(label, 'Marketing', counts.errors, counts.warnings),
      `the Presend status item to show Marketing with ${counts.errors} error(s) and ${counts.warnings} warning(s)`,
    ));
    assert.ok(counts.errors >= 1, 'newsletter.mjml has at least its broken-unsubscribe error');
    assert.match(marketing.tooltip, /declared in the template/);
    assert.match(marketing.tooltip, /Recipient list: data\/recipients\.csv/);
    const item = vscode.page.locator(`.part.statusbar [id="${STATUS_ID}"]`);
    assert.match((await item.getAttribute('class')) ?? '', /has-background-color/, 'a template with errors gets the error background');

    await item.hover();
    await vscode.page.locator('.monaco-hover', { hasText: 'Click to check before send.' }).first().waitFor({ timeout: vscode.timeoutMs });
    await vscode.screenshot('status-bar');

    await vscode.openFile('visit-reminder.mjml');
    const transactional = parseStatus(await vscode.waitForStatusBarItem(
      STATUS_ID,
      (label) => matchesStatus(label, 'Transactional', 0, 0),
      'the Presend status item to follow visit-reminder.mjml: Transactional, 0 errors, 0 warnings',
    ));
    assert.match(transactional.tooltip, /declared in the template/);
    assert.doesNotMatch(transactional.tooltip, /Recipient list/);
    assert.doesNotMatch((await item.getAttribute('class')) ?? '', /has-background-color/);
  });
});

function countsOf(rows: ProblemRow[], file: string): { errors: number; warnings: number } {
  const mine = rows.filter((row) => row.file === file && row.source === 'presend');
  return {
    errors: mine.filter((row) => row.severity === 'Error').length,
    warnings: mine.filter((row) => row.severity === 'Warning').length,
  };
}

function matchesStatus(label: string, category: string, errors: number, warnings: number): boolean {
  const status = parseStatus(label);
  return status.category === category && status.errors === errors && status.warnings === warnings;
}

/**
 * Reads the item's accessible label: its text with the icons spelled out ("mail  Marketing
 * error  1   warning  0"), a comma, then the tooltip.
 */
function parseStatus(label: string): StatusText {
  const match = /^mail\s+(\S+)\s+error\s+(\d+)\s+warning\s+(\d+),\s*([\s\S]*)$/.exec(label);
  if (match === null) {
    return { category: '', errors: -1, warnings: -1, tooltip: label };
  }
  return { category: match[1], errors: Number(match[2]), warnings: Number(match[3]), tooltip: match[4] };
}
