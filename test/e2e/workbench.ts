// Drives the VS Code workbench in a browser page the way a person does: keyboard shortcuts,
// Quick Open, the command palette, the Problems panel. Each helper finishes only when the
// workbench shows that the step took effect, so scenarios never need to sleep.
//
// The selectors are VS Code 1.100's DOM classes. They are not a public API; when a VS Code
// update breaks one, fix it here and every scenario follows.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { screenshotDir } from './paths';
import { waitFor } from './wait';

/** One marker row of the Problems panel, read from its accessible label. */
export interface ProblemRow {
  /** Workspace-relative file the problem belongs to, from the file row above it. */
  file: string;
  severity: 'Error' | 'Warning' | 'Info' | 'Hint' | string;
  message: string;
  /** 1-based, as the panel shows it. */
  line: number;
  /** 1-based, as the panel shows it. */
  column: number;
  /** The diagnostic's `source`, or '' when it has none. */
  source: string;
  /** The diagnostic's `code` as shown in the row, or '' when it has none. */
  code: string;
  /** The row's full accessible label, for assertions this parser does not cover. */
  ariaLabel: string;
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const ACTIVE_TAB = '.editor-group-container.active .tabs-container .tab.active';
const TOASTS = '.notifications-toasts .notification-list-item-message';
const PROBLEM_ROWS = '.markers-panel .monaco-list-row';
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const LIGHT_BULB = `${ACTIVE_EDITOR} .lightBulbWidget`;
const ACTION_WIDGET = '.action-widget';
const ACTION_ROWS = `${ACTION_WIDGET} .monaco-list-row.action`;

export class Workbench {
  /** The browser page showing the workbench, for what the helpers do not cover. */
  readonly page: Page;
  /** Default timeout of every helper, in milliseconds. */
  readonly timeoutMs: number;

  constructor(page: Page, timeoutMs: number) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  /** Waits until the workbench has rendered and its explorer lists the opened folder. */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: this.timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: this.timeoutMs });
  }

  /**
   * Opens a file through Quick Open (Ctrl+P), as a person would, and waits until its editor
   * tab is the active one. `relativePath` is relative to the workspace folder.
   */
  async openFile(relativePath: string): Promise<void> {
    const name = path.posix.basename(relativePath);
    await this.openQuickInput('Control+P');
    await this.page.locator(QUICK_INPUT_BOX).fill(relativePath);

    // Quick Open shows a file row as its name with the folder as the description. Picking
    // the row of this exact file avoids opening the best fuzzy match instead.
    const folder = path.posix.dirname(relativePath);
    const row = await this.findQuickInputRow(name, folder === '.' ? '' : folder, `Quick Open to list ${relativePath}`);
    await row.click();

    // NOTE: the tab label is only the file name, so an active tab of a same-named file in
    // another folder would satisfy this wait too early.
    await waitFor(async () => ((await this.activeTabLabel()).startsWith(name) ? true : undefined), {
      timeoutMs: this.timeoutMs,
      what: `the editor tab of ${relativePath} to become active`,
    });
  }

  /**
   * Runs a command from the command palette by its full title as the palette shows it,
   * "Category: Title" (for example "Presend: Check Workspace"). Fails if no row has
   * exactly that title, rather than running the palette's best fuzzy match.
   */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('F1');
    await this.page.locator(QUICK_INPUT_BOX).fill(`>${title}`);

    const row = await this.findQuickInputRow(title, undefined, `the command palette to list "${title}"`);
    await row.click();

    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: this.timeoutMs });
  }

  /** Waits for a notification toast whose text matches and returns that text. */
  async waitForNotification(text: string | RegExp, timeoutMs = this.timeoutMs): Promise<string> {
    const matches = (message: string) => (typeof text === 'string' ? message.includes(text) : text.test(message));
    return waitFor(async () => {
      const messages = await this.page.locator(TOASTS).allTextContents();
      return messages.find(matches);
    }, { timeoutMs, what: `a notification matching ${String(text)}` });
  }

  /**
   * Opens the Problems panel and reads its rows until `predicate` accepts them, then returns
   * the rows. The panel's list is virtual: only rows that fit on screen exist in the page,
   * so with more problems than that, only the first screenful is returned.
   */
  async waitForProblems(predicate: (rows: ProblemRow[]) => boolean, timeoutMs = this.timeoutMs): Promise<ProblemRow[]> {
    await this.showProblems();
    let lastRows: ProblemRow[] = [];
    try {
      return await waitFor(async () => {
        lastRows = await this.readProblems();
        return predicate(lastRows) ? lastRows : undefined;
      }, { timeoutMs, what: 'the Problems panel to show the expected problems' });
    } catch (error) {
      const seen = lastRows.map((row) => `  ${row.ariaLabel}`).join('\n') || '  (no rows)';
      throw new Error(`${(error as Error).message}\nRows last seen:\n${seen}`);
    }
  }

  /**
   * Opens a problem in its editor: double-clicks the Problems row whose message matches,
   * which selects the problem's range and moves the focus into the editor.
   */
  async openProblem(message: string | RegExp): Promise<void> {
    await this.showProblems();
    const row = this.page.locator(PROBLEM_ROWS).filter({ hasText: message }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    await row.dblclick();
    await this.page.locator(`${ACTIVE_EDITOR}.focused`).waitFor({ timeout: this.timeoutMs });
  }

  /**
   * Applies a quick fix at the cursor as a person does: waits for the light bulb the editor
   * shows when code actions are available, clicks it, and picks the action titled `title`.
   * Returns the titles the menu offered, for assertions.
   */
  async applyQuickFix(title: string): Promise<string[]> {
    await this.page.locator(LIGHT_BULB).waitFor({ timeout: this.timeoutMs });
    await this.page.locator(LIGHT_BULB).click();

    const rows = this.page.locator(ACTION_ROWS);
    await rows.first().waitFor({ timeout: this.timeoutMs });
    const offered = (await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''))).filter(Boolean);
    if (!offered.includes(title)) {
      throw new Error(`The quick fix menu has no action "${title}"; it offers: ${offered.join(' | ')}`);
    }

    // The menu lays a pointer-blocking layer over itself while it opens, which swallows
    // clicks; the keyboard is what the menu is built for anyway (arrows, then Enter).
    const focused = this.page.locator(`${ACTION_ROWS}.focused`);
    await waitFor(async () => {
      if ((await focused.getAttribute('aria-label', { timeout: 1000 })) === title) {
        return true;
      }
      await this.page.keyboard.press('ArrowDown');
      return undefined;
    }, { timeoutMs: this.timeoutMs, what: `the quick fix menu to focus "${title}"` });
    await this.page.keyboard.press('Enter');
    await this.page.locator(ACTION_WIDGET).waitFor({ state: 'hidden', timeout: this.timeoutMs });
    return offered;
  }

  /**
   * The text of the active editor's lines that are on screen, one string per line. Monaco
   * renders only visible lines and draws spaces as no-break spaces; both are undone here
   * as far as they can be, so reveal the lines of interest first.
   */
  async visibleEditorLines(): Promise<string[]> {
    const lines = this.page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`);
    // Lines are absolutely positioned and may sit in the DOM out of order; `top` orders them.
    const rendered = await lines.evaluateAll((elements) =>
      elements.map((element) => ({ top: Number.parseFloat(element.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'), text: element.textContent ?? '' })),
    );
    return rendered.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' '));
  }

  /**
   * Replaces the whole text of the active editor with `text`: Ctrl+A, then a paste (see
   * `pasteText`). Ctrl+A is pressed until the status bar reports a selection, because a key
   * press right after a file opens can reach the workbench before the editor has focus.
   */
  async replaceActiveEditorText(text: string): Promise<void> {
    await this.page.locator(`${ACTIVE_EDITOR}.focused`).waitFor({ timeout: this.timeoutMs });
    const selection = this.page.locator('.part.statusbar [id="status.editor.selection"]');
    await waitFor(async () => {
      await this.page.keyboard.press('Control+A');
      const label = (await selection.getAttribute('aria-label', { timeout: 1000 })) ?? '';
      return /selected/.test(label) ? true : undefined;
    }, { timeoutMs: this.timeoutMs, what: 'Ctrl+A to select the whole editor (the status bar to say "selected")' });
    await this.pasteText(text);
  }

  /**
   * Pastes `text` at the cursor with Ctrl+V through the system clipboard. Unlike typing, a
   * paste is inserted as it is: the editor adds no closing brackets, quotes or indentation,
   * and it arrives in one edit.
   */
  async pasteText(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // The function runs in the page; this project's type library has no DOM, hence the cast.
    await this.page.evaluate((value) => (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(value), text);
    await this.page.keyboard.press('Control+V');
  }

  /**
   * Saves the active editor with Ctrl+S and waits until its tab no longer shows unsaved
   * changes. Fails if the editor had none, since then there is nothing to wait for.
   */
  async saveActiveEditor(): Promise<void> {
    await this.page.locator(`${ACTIVE_TAB}.dirty`).waitFor({ timeout: this.timeoutMs });
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${ACTIVE_TAB}.dirty`).waitFor({ state: 'detached', timeout: this.timeoutMs });
  }

  /**
   * Waits until the status bar item with this id (VS Code's DOM id: the extension id, a dot,
   * the item id) is shown with a label `accept` takes, and returns its accessible label.
   * The label is the item's text with icons spelled out, then its tooltip.
   */
  async waitForStatusBarItem(id: string, accept: (label: string) => boolean, what: string): Promise<string> {
    const item = this.page.locator(`.part.statusbar [id="${id}"]`);
    let last = '';
    try {
      return await waitFor(async () => {
        last = (await item.getAttribute('aria-label', { timeout: 1000 })) ?? '';
        return accept(last) ? last : undefined;
      }, { timeoutMs: this.timeoutMs, what });
    } catch (error) {
      throw new Error(`${(error as Error).message}\nLabel last seen: ${JSON.stringify(last)}`, { cause: error });
    }
  }

  /** Saves a PNG of the whole page as docs/screenshots/NAME.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    await mkdir(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens the Problems panel unless it is already showing. */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) {
      return;
    }
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor({ timeout: this.timeoutMs });
  }

  /**
   * Reads every rendered row in one call into the page. The panel re-renders its rows when
   * diagnostics change; reading row by row could ask a row that no longer exists and wait
   * for it until the page's default timeout.
   */
  private async readProblems(): Promise<ProblemRow[]> {
    const rendered = await this.page.locator(PROBLEM_ROWS).evaluateAll((elements) =>
      elements.map((element) => {
        const text = (selector: string) => String(element.querySelector(selector)?.textContent ?? '').trim();
        return {
          ariaLabel: element.getAttribute('aria-label') ?? '',
          name: text('.label-name'),
          folder: text('.label-description'),
          code: text('.marker-code'),
          // Rows are absolutely positioned; the DOM order need not be the screen order.
          top: Number.parseFloat(element.getAttribute('style')?.match(/top:\s*(-?[\d.]+)px/)?.[1] ?? '0'),
        };
      }),
    );

    const rows: ProblemRow[] = [];
    let file = '';
    for (const row of rendered.sort((a, b) => a.top - b.top)) {
      const marker = parseMarkerLabel(row.ariaLabel);
      if (marker === undefined) {
        file = row.folder === '' ? row.name : `${row.folder}/${row.name}`;
        continue;
      }
      rows.push({ file, ...marker, code: row.code, ariaLabel: row.ariaLabel });
    }
    return rows;
  }

  /**
   * Waits for the quick input row whose name (and description, when given) equal the given
   * text exactly, ignoring the highlight markup that fuzzy matching adds.
   */
  private async findQuickInputRow(name: string, description: string | undefined, what: string): Promise<Locator> {
    return waitFor(async () => {
      for (const row of await this.page.locator(QUICK_INPUT_ROWS).all()) {
        if ((await textOf(row, '.label-name')) !== name) {
          continue;
        }
        if (description === undefined || (await textOf(row, '.label-description')) === description) {
          return row;
        }
      }
      return undefined;
    }, { timeoutMs: this.timeoutMs, what });
  }

  /**
   * Presses the shortcut until the quick input shows. A key press can be lost while a
   * webview has focus (seen with the welcome walkthrough) or right after the page loads.
   */
  private async openQuickInput(shortcut: string): Promise<void> {
    const box = this.page.locator(QUICK_INPUT_BOX);
    await waitFor(async () => {
      await this.page.keyboard.press(shortcut);
      const shown = await box.waitFor({ state: 'visible', timeout: 1000 }).then(() => true, () => false);
      return shown ? true : undefined;
    }, { timeoutMs: this.timeoutMs, what: `${shortcut} to open the quick input` });
  }

  private async activeTabLabel(): Promise<string> {
    return (await this.page.locator(ACTIVE_TAB).first().getAttribute('aria-label', { timeout: 1000 })) ?? '';
  }
}

type Marker = Pick<ProblemRow, 'severity' | 'message' | 'line' | 'column' | 'source'>;

/**
 * VS Code labels a marker row "Warning: MESSAGE at line 3 and character 7. generated by
 * SOURCE" ("generated by" only when the diagnostic has a source). File rows have other
 * labels and yield `undefined`.
 */
export function parseMarkerLabel(label: string): Marker | undefined {
  const match = /^(\w+): ([\s\S]*) at line (\d+) and character (\d+)\.[\s\S]*?(?: generated by (.*))?$/.exec(label);
  if (match === null) {
    return undefined;
  }
  return {
    severity: match[1],
    message: match[2],
    line: Number(match[3]),
    column: Number(match[4]),
    source: match[5] ?? '',
  };
}

/** Trimmed text of the first element matching `selector` in `row`, or '' if it has none. */
async function textOf(row: Locator, selector: string): Promise<string> {
  const element = row.locator(selector).first();
  if ((await element.count()) === 0) {
    return '';
  }
  return ((await element.textContent({ timeout: 1000 })) ?? '').trim();
}
