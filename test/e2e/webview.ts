// Finding a webview's document in the workbench page. VS Code shows a webview in an iframe
// (the webview host, on its own origin) that contains another iframe with the extension's
// HTML, and Presend's preview nests the email in a third. Playwright lists every frame of the page,
// whatever its origin, so a scenario picks the frame by what its document contains.

import type { Frame, Page } from 'playwright-core';

import { waitFor } from './wait';

/**
 * Waits for a shown frame of `page` whose document has an element matching `selector` and
 * returns it. `what` names the webview in the timeout message ("the preview toolbar").
 */
export async function waitForFrameWith(page: Page, selector: string, what: string, timeoutMs: number): Promise<Frame> {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      // A frame that is being replaced throws; it simply does not match yet.
      const count = await frame.locator(selector).count().catch(() => 0);
      if (count > 0 && (await isShown(frame).catch(() => false))) {
        return frame;
      }
    }
    return undefined;
  }, { timeoutMs, what: `a shown webview frame with ${what} (${selector})` });
}

/**
 * True when the frame and every frame around it are visible. The webview host loads new
 * content into a hidden frame and shows it once it has loaded; a screenshot taken before
 * that shows an empty editor.
 */
async function isShown(frame: Frame): Promise<boolean> {
  for (let current = frame; current.parentFrame() !== null; current = current.parentFrame() as Frame) {
    const element = await current.frameElement();
    const visible = await element.isVisible();
    await element.dispose();
    if (!visible) {
      return false;
    }
  }
  return true;
}

/**
 * Waits until `read` returns a value that `accept` takes, and returns it. On timeout the
 * error shows the last value read, so a failure says what the webview showed instead.
 */
export async function waitForValue<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
  let last: T | undefined;
  let seen = false;
  try {
    return await waitFor(async () => {
      last = await read();
      seen = true;
      return accept(last) ? last : undefined;
    }, { timeoutMs, what });
  } catch (error) {
    const shown = seen ? JSON.stringify(last, null, 2) : '(nothing could be read)';
    throw new Error(`${(error as Error).message}\nLast value read: ${shown}`, { cause: error });
  }
}
