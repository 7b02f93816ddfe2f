// Starts code-server (VS Code 1.100 served over HTTP) for one test run: its own user data,
// extensions and config folders, the given extensions installed, bound to a loopback port
// that the operating system picks. scripts/setup-e2e.sh installs code-server.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { repoRoot } from './paths';
import { waitFor } from './wait';

const execFileAsync = promisify(execFile);

export const codeServerBin = process.env.PRESEND_E2E_CODE_SERVER ?? path.join(repoRoot, '.e2e/code-server/node_modules/.bin/code-server');

/**
 * User settings every run starts with. They keep the workbench quiet and predictable: no
 * trust prompt, no welcome page or walkthrough in the editor area, nothing that reaches for
 * the network (this machine has none, and failed requests only add noise to the logs).
 */
export const baseSettings: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

export interface CodeServerOptions {
  /** An empty folder owned by this run; code-server's state and log go inside it. */
  runDir: string;
  /** .vsix files to install before the server starts. */
  vsixPaths: readonly string[];
  /** Settings merged over `baseSettings` into the user's settings.json. */
  settings: Readonly<Record<string, unknown>>;
  /** How long to wait for the server to listen and respond, in milliseconds. */
  startTimeoutMs: number;
}

export interface CodeServer {
  /** Base URL, `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's stdout and stderr. Extension host logs are under `userDataDir/logs`. */
  readonly logPath: string;
  /** Stops the server and every process it started (extension host, file watcher). */
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(codeServerBin)) {
    throw new Error(`code-server not found at ${codeServerBin}; run scripts/setup-e2e.sh as root first`);
  }

  const userDataDir = path.join(options.runDir, 'user-data');
  const extensionsDir = path.join(options.runDir, 'extensions');
  const logPath = path.join(options.runDir, 'code-server.log');
  const env = codeServerEnv(options.runDir);

  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  const settings = { ...baseSettings, ...options.settings };
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  for (const vsix of options.vsixPaths) {
    await installExtension(vsix, userDataDir, extensionsDir, env);
  }

  // Port 0 lets the operating system pick a free port with no race between two runs;
  // code-server prints the port it got.
  const args = [
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];

  // A process group of its own, so that stop() reaches the extension host and the other
  // helpers code-server forks, not only the parent.
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logPath);
  let output = '';
  let exitCode: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); log.write(chunk); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); log.write(chunk); });
  child.on('exit', (code) => { exitCode = code; });

  const stop = () => stopProcessGroup(child).finally(() => log.end());

  try {
    const port = await waitFor(() => {
      if (exitCode !== undefined) {
        throw new Error(`code-server exited with code ${exitCode}; see ${logPath}`);
      }
      return /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    }, { timeoutMs: options.startTimeoutMs, what: `code-server to print its port (log: ${logPath})` });

    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await fetch(`${url}/healthz`)).ok ? true : undefined), {
      timeoutMs: options.startTimeoutMs,
      what: `code-server to answer ${url}/healthz`,
    });

    return { url, userDataDir, extensionsDir, logPath, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function installExtension(vsix: string, userDataDir: string, extensionsDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!existsSync(vsix)) {
    throw new Error(`Extension package ${vsix} does not exist; build it first (npm run package builds presend.vsix)`);
  }

  const args = ['--install-extension', vsix, '--force', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const { stdout, stderr } = await execFileAsync(codeServerBin, args, { env });

  // code-server exits 0 even when an install fails, so check its output.
  if (!/was successfully installed/.test(stdout)) {
    throw new Error(`Installing ${vsix} into code-server failed:\n${stdout}${stderr}`);
  }
}

/**
 * Builds code-server's environment. Its config.yaml and VS Code's device id go under the
 * run folder instead of ~/.config and ~/.cache. VS Code's own variables are dropped, because with VSCODE_IPC_HOOK_CLI set (a
 * terminal inside VS Code) code-server hands the request to that editor instead of starting.
 */
function codeServerEnv(runDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VSCODE_')) {
      env[name] = value;
    }
  }
  env.XDG_CONFIG_HOME = path.join(runDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(runDir, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(runDir, 'xdg-cache');
  return env;
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) {
    return;
  }

  if (!hasExited(child)) {
    signalGroup(pid, 'SIGTERM');

    // code-server shuts down in well under a second; the kill is for a hung extension host.
    const exitedInTime = await waitFor(() => (hasExited(child) ? true : undefined), { timeoutMs: 5000, what: 'code-server to exit' })
      .catch(() => false);
    if (!exitedInTime) {
      signalGroup(pid, 'SIGKILL');
      await waitFor(() => (hasExited(child) ? true : undefined), { timeoutMs: 5000, what: 'code-server to die after SIGKILL' });
    }
  }

  // Children that outlive the parent (a forked extension host) are still in the group.
  signalGroup(pid, 'SIGKILL');
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is the goal.
  }
}
