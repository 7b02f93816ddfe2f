// One Presend scenario in VS Code: a fresh copy of fixtures/presend-workspace, code-server
// with presend.vsix installed, and the scenario's steps. When a step fails, the scenario
// leaves a screenshot of what the workbench showed and the tail of Presend's log, because a
// timeout message alone rarely explains why the editor did not get there.

import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { Harness } from './harness';
import { failureDir, presendVsix, repoRoot } from './paths';

/** The templates, list and config every Presend scenario starts from; docs/e2e.md describes them. */
export const presendFixture = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'presend-workspace');

/** Lines of Presend's output channel appended to a failure. */
const LOG_TAIL_LINES = 40;

/**
 * Settings of every Presend scenario; Presend's own settings stay at their defaults.
 * - VS Code for the web saves a second after each edit by default; the desktop does not.
 *   Scenarios save explicitly, as a desktop user does, so they know when the disk changes.
 * - No minimap, light theme: screenshots a reader can make sense of.
 */
const scenarioSettings: Readonly<Record<string, unknown>> = {
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
};

export interface PresendScenario {
  vscode: Harness;
  /** Absolute path of this scenario's copy of the fixture workspace. */
  workspace: string;
}

/**
 * Copies the fixture workspace to a temporary folder, opens it in code-server with Presend
 * installed, and runs `steps`. On failure it saves `test-results/e2e/NAME-failure.png` and
 * adds the screenshot's path and the end of Presend's log to the error.
 */
export async function runPresendScenario(name: string, steps: (scenario: PresendScenario) => Promise<void>): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), `presend-e2e-${name}-`));
  const workspace = path.join(scratch, 'workspace');
  await cp(presendFixture, workspace, { recursive: true });

  const vscode = await Harness.start({ workspace, vsix: [presendVsix], settings: scenarioSettings });
  try {
    await steps({ vscode, workspace });
  } catch (error) {
    throw await explainFailure(name, vscode, error);
  } finally {
    await vscode.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function explainFailure(name: string, vscode: Harness, error: unknown): Promise<Error> {
  const lines = [`Scenario "${name}" failed: ${error instanceof Error ? error.message : String(error)}`];

  await mkdir(failureDir, { recursive: true });
  const screenshot = path.join(failureDir, `${name}-failure.png`);
  const saved = await vscode.page.screenshot({ path: screenshot }).then(() => true, () => false);
  lines.push(saved ? `Screenshot of the workbench: ${screenshot}` : 'No screenshot: the page was gone.');

  const log = await presendLog(vscode.codeServer.userDataDir);
  lines.push(log === undefined ? 'No Presend output channel log was found.' : `Last lines of the Presend output channel:\n${log}`);
  return new Error(lines.join('\n'), { cause: error });
}

/** The last lines of the "Presend" output channel, which code-server writes under its logs folder. */
async function presendLog(userDataDir: string): Promise<string | undefined> {
  const files = await findFiles(path.join(userDataDir, 'logs'), (file) => /Presend\.log$/.test(file));
  if (files.length === 0) {
    return undefined;
  }
  const text = await readFile(files[files.length - 1], 'utf8');
  return text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

async function findFiles(dir: string, accept: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
