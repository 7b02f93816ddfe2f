// One end-to-end session: code-server with the extension under test installed, and headless
// Chromium showing its workbench on a given workspace folder. A scenario starts one with
// `Harness.start`, drives it with the Workbench helpers and ends it with `close()`.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { startCodeServer, type CodeServer } from './code-server';
import { chromiumPath } from './paths';
import { Workbench } from './workbench';

export interface HarnessOptions {
  /** Absolute path of the folder the workbench opens. */
  workspace: string;
  /** Extension packages to install, usually the project's presend.vsix. */
  vsix?: readonly string[];
  /** User settings on top of the harness's quiet defaults (see code-server.ts). */
  settings?: Readonly<Record<string, unknown>>;
  /** Timeout of every wait, in milliseconds. The default allows for a loaded 2-core machine. */
  timeoutMs?: number;
}

/** How long the start took, in milliseconds, for reports; no test asserts on these. */
export interface StartTimings {
  codeServerMs: number;
  workbenchMs: number;
}

// Chromium on a machine without network: the background-networking, sync and component
// flags stop it from calling home, which would otherwise flood the log with refused
// connections. --no-sandbox because the tests run as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class Harness extends Workbench {
  readonly codeServer: CodeServer;
  readonly timings: StartTimings;
  private readonly browser: Browser;
  private readonly runDir: string;

  private constructor(page: Page, timeoutMs: number, codeServer: CodeServer, browser: Browser, runDir: string, timings: StartTimings) {
    super(page, timeoutMs);
    this.codeServer = codeServer;
    this.browser = browser;
    this.runDir = runDir;
    this.timings = timings;
  }

  static async start(options: HarnessOptions): Promise<Harness> {
    if (!path.isAbsolute(options.workspace)) {
      throw new Error(`Harness workspace must be an absolute path, got "${options.workspace}"`);
    }
    const timeoutMs = options.timeoutMs ?? 60_000;
    const runDir = await mkdtemp(path.join(os.tmpdir(), 'presend-e2e-'));

    let codeServer: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      const started = Date.now();
      codeServer = await startCodeServer({
        runDir,
        vsixPaths: options.vsix ?? [],
        settings: options.settings ?? {},
        startTimeoutMs: timeoutMs,
      });
      const codeServerMs = Date.now() - started;

      // Chromium's GTK layer writes dconf and cache files under the XDG folders; keep them
      // in the run folder, out of the home folder.
      const chromiumEnv = {
        ...process.env,
        XDG_CONFIG_HOME: path.join(runDir, 'chromium-config'),
        XDG_CACHE_HOME: path.join(runDir, 'chromium-cache'),
      };
      browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, env: chromiumEnv });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(timeoutMs);

      const url = new URL(codeServer.url);
      url.searchParams.set('folder', options.workspace);
      await page.goto(url.href);
      const timings: StartTimings = { codeServerMs, workbenchMs: 0 };
      const harness = new Harness(page, timeoutMs, codeServer, browser, runDir, timings);
      await harness.waitUntilReady();
      timings.workbenchMs = Date.now() - started - codeServerMs;
      return harness;
    } catch (error) {
      await browser?.close();
      await codeServer?.stop();
      // The run folder stays: its logs explain the failure.
      throw new Error(`${(error as Error).message}\nRun folder kept for inspection: ${runDir}`, { cause: error });
    }
  }

  /**
   * Closes the browser, stops code-server and deletes the run folder. Set
   * PRESEND_E2E_KEEP=1 to keep the folder (logs, user data) for a post-mortem.
   */
  async close(): Promise<void> {
    await this.browser.close();
    await this.codeServer.stop();
    if (process.env.PRESEND_E2E_KEEP === '1') {
      process.stderr.write(`e2e: kept run folder ${this.runDir}\n`);
      return;
    }
    await rm(this.runDir, { recursive: true, force: true });
  }
}
