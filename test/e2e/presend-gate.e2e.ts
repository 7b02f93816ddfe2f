// Scenario: "Presend: Check Before Send" runs the pre-send gate on the active template and
// shows its report: verdict, one row per check, an Override button on failed checks. An
// override with a reason runs the gate again and marks the check as overridden.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame } from 'playwright-core';

import type { Harness } from './harness';
import { runPresendScenario } from './presend-session';
import { waitFor } from './wait';
import { waitForFrameWith, waitForValue } from './webview';

/** Titles the server gives these checks (GATE_CHECK_TITLES in server/src/core/gate/types.ts). */
const TEMPLATE_TITLE = 'Template findings';
const LIST_TITLE = 'Recipient list';

const OVERRIDE_REASON = 'E2E: the unsubscribe host redirects http to https';

interface CheckRow {
  title: string;
  status: string;
  badge: string;
  reason: string;
  overrideId: string;
}

test('Check Before Send report and override', { timeout: 180_000 }, async () => {
  await runPresendScenario('gate', async ({ vscode }) => {
    await vscode.openFile('newsletter.mjml');
    await vscode.waitForProblems((rows) => rows.some((row) => row.file === 'newsletter.mjml' && row.code === 'broken-unsubscribe'));
    await vscode.runCommand('Presend: Check Before Send');

    let report = await gateReport(vscode);
    assert.equal((await report.locator('h1').innerText()).trim(), 'Check before send: newsletter.mjml');
    assert.match((await report.locator('.verdict').getAttribute('class')) ?? '', /verdict-fail/);

    const checks = await readChecks(report);
    const template = checks.find((check) => check.title === TEMPLATE_TITLE);
    assert.ok(template, `no "${TEMPLATE_TITLE}" row; rows: ${JSON.stringify(checks)}`);
    assert.equal(template.status, 'status-fail');
    assert.equal(template.badge, 'Failed');
    assert.equal(template.overrideId, 'template', 'the failed template check can be overridden by its id');
    assert.match(template.reason, /newsletter\.mjml has \d+ errors?/);
    assert.match(template.reason, /broken-unsubscribe/);

    // Four of the five rows of data/recipients.csv are excluded (see presend-verify-list.e2e.ts).
    const list = checks.find((check) => check.title === LIST_TITLE);
    assert.equal(list?.status, 'status-fail', `"${LIST_TITLE}" row: ${JSON.stringify(list)}`);
    assert.equal(list?.overrideId, 'list');
    assert.match(list?.reason ?? '', /4 of 5 rows must not be sent to/);

    // The README shows this screenshot: give the report the whole window, without the
    // progress toast that lingers for a moment after the report opens.
    await vscode.runCommand('View: Hide Panel');
    await vscode.runCommand('View: Close Primary Side Bar');
    await vscode.page.locator('.notifications-toasts .notification-list-item', { hasText: 'before send' }).waitFor({ state: 'detached', timeout: vscode.timeoutMs });
    await vscode.screenshot('pre-send-report');

    await report.locator('button[data-override="template"]').click();
    const input = vscode.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: vscode.timeoutMs });
    await input.fill(OVERRIDE_REASON);
    await input.press('Enter');

    // The report re-renders in place; its frame may be replaced, so read it afresh each time.
    const overridden = await waitForValue(
      async () => {
        report = await gateReport(vscode);
        return (await readChecks(report)).find((check) => check.title === TEMPLATE_TITLE);
      },
      (row) => row?.status === 'status-overridden',
      `the "${TEMPLATE_TITLE}" row to show as overridden`,
      vscode.timeoutMs,
    );
    assert.equal(overridden?.badge, 'Overridden');
    assert.ok(overridden?.reason.includes(`Overridden: ${OVERRIDE_REASON}`), `reason cell: ${overridden?.reason}`);
    // The list still fails, so the verdict stays "not ready".
    assert.match((await report.locator('.verdict').getAttribute('class')) ?? '', /verdict-fail/);
  });
});

/**
 * Waits for the gate report. A server without `presend/gate` makes the client show "… is not
 * available" instead; that ends the wait at once with the message, rather than a timeout.
 */
async function gateReport(vscode: Harness): Promise<Frame> {
  const outcome = await waitFor(async (): Promise<{ frame: Frame } | { refusal: string } | undefined> => {
    const toasts = await vscode.page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
    const refusal = toasts.find((text) => /Check before send is not available/.test(text));
    if (refusal !== undefined) {
      return { refusal };
    }
    const frame = await waitForFrameWith(vscode.page, 'table.checks', 'the report', 500).catch(() => undefined);
    return frame && { frame };
  }, { timeoutMs: vscode.timeoutMs, what: 'the Check Before Send report (a webview with table.checks) or a "not available" message' });

  if ('refusal' in outcome) {
    throw new Error(`The Presend server does not answer presend/gate yet; the client said: "${outcome.refusal}". This scenario passes once the gate handler is served.`);
  }
  return outcome.frame;
}

async function readChecks(report: Frame): Promise<CheckRow[]> {
  return report.locator('table.checks tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = Array.from(row.querySelectorAll('td'), (td: { textContent: string | null }) => (td.textContent ?? '').trim());
      return {
        title: cells[0] ?? '',
        status: (row.getAttribute('class') ?? '').split(/\s+/).find((name: string) => name.startsWith('status-')) ?? '',
        badge: String(row.querySelector('.badge')?.textContent ?? '').trim(),
        reason: cells[2] ?? '',
        overrideId: String(row.querySelector('button[data-override]')?.getAttribute('data-override') ?? ''),
      };
    }),
  );
}
