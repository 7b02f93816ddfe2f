// Scenario: "Presend: Open Preview to the Side" shows the rendered email with the finding's
// element outlined, and the toolbar's width, theme and view controls change what is shown.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, FrameLocator } from 'playwright-core';

import { runPresendScenario } from './presend-session';
import { waitForFrameWith, waitForValue } from './webview';

/** Text of newsletter.mjml's second mj-text, present in every view of the email. */
const EMAIL_TEXT = 'Join us at the Spring Wellness Fair on April 18';

test('preview renders and switches views', { timeout: 180_000 }, async () => {
  await runPresendScenario('preview', async ({ vscode }) => {
    const timeoutMs = vscode.timeoutMs;
    await vscode.openFile('newsletter.mjml');
    await vscode.runCommand('View: Close Primary Side Bar');
    await vscode.runCommand('Presend: Open Preview to the Side');

    const preview = await waitForFrameWith(vscode.page, 'header.toolbar #width', 'the preview toolbar', timeoutMs);
    const email = preview.frameLocator('#frame');
    await waitForValue(() => email.locator('body').innerText(), (text) => text.includes(EMAIL_TEXT), `the email frame to show "${EMAIL_TEXT}"`, timeoutMs);

    // The finding on the unsubscribe link's href is outlined on the link itself.
    const outlined = email.locator('.presend-hl.presend-hl-error');
    await outlined.first().waitFor({ timeout: timeoutMs });
    assert.equal((await outlined.first().innerText()).trim(), 'Unsubscribe');
    assert.match((await outlined.first().getAttribute('title')) ?? '', /\(broken-unsubscribe\)/);
    const findings = await preview.locator('#finding-list .finding').allTextContents();
    assert.ok(findings.some((text) => text.includes('(broken-unsubscribe)')), `findings listed: ${findings.join(' | ')}`);

    // Desktop 600 px is where every preview starts.
    assert.equal(await frameWidth(preview), 600);
    assert.equal(await innerWidth(email), 600);
    await preview.locator('#findings summary').click();
    await vscode.screenshot('preview');

    await preview.locator('#width').selectOption('mobile');
    await waitForValue(() => frameWidth(preview), (width) => width === 375, 'the email frame to be 375 px wide', timeoutMs);
    assert.equal(await innerWidth(email), 375, 'the email lays itself out at the mobile width');

    await preview.locator('button.theme[data-theme="dark"]').click();
    await waitForValue(() => darkState(preview, email), (state) => state.bodyDark && state.emailDark, 'the preview and the email to switch to dark', timeoutMs);
    const dark = await darkState(preview, email);
    assert.match(dark.filter, /invert\(1\)/);
    assert.match(dark.filter, /hue-rotate\(180deg\)/);
    assert.equal(await preview.locator('button.theme[data-theme="dark"]').getAttribute('aria-pressed'), 'true');
    await vscode.screenshot('preview-dark-mobile');

    await preview.locator('button.tab[data-view="text"]').click();
    await preview.locator('#text').waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(await preview.locator('#frame-wrap').isVisible(), false, 'the rendered email is hidden in the plain-text view');
    const plain = await preview.locator('#text').innerText();
    assert.ok(plain.includes(EMAIL_TEXT), `plain text: ${plain}`);
    assert.match(plain, /riverbend-clinic\.example\/unsubscribe/, 'the plain-text part keeps the unsubscribe address');
    assert.doesNotMatch(plain, /<mj-|<a\s/, 'the plain-text part has no markup');
  });
});

/** The width of the email frame's content box in CSS pixels (its 1 px border left out). */
async function frameWidth(preview: Frame): Promise<number> {
  return preview.locator('#frame').evaluate((frame) => frame.clientWidth);
}

async function innerWidth(email: FrameLocator): Promise<number> {
  return email.locator('html').evaluate((html) => html.ownerDocument.defaultView?.innerWidth ?? 0);
}

async function darkState(preview: Frame, email: FrameLocator): Promise<{ bodyDark: boolean; emailDark: boolean; filter: string }> {
  const bodyDark = await preview.locator('body').evaluate((body) => body.classList.contains('dark'));
  const filter = await preview.locator('#frame').evaluate((frame) => frame.ownerDocument.defaultView?.getComputedStyle(frame).filter ?? '');
  const emailDark = await email.locator('html').evaluate((html) => html.classList.contains('presend-dark'));
  return { bodyDark, emailDark, filter };
}
