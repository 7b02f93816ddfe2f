// Packs an extension folder into a .vsix with the project's @vscode/vsce, for scenarios that
// test a small extension of their own (the harness self-test). Scenarios of Presend itself
// install the presend.vsix that `npm run package` builds.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { repoRoot } from './paths';

const execFileAsync = promisify(execFile);

const vsceBin = path.join(repoRoot, 'node_modules', '.bin', 'vsce');

/** Packs `extensionDir` (a folder with package.json) into `outFile` and returns `outFile`. */
export async function packVsix(extensionDir: string, outFile: string): Promise<string> {
  // The flags keep vsce from stopping at its interactive questions about a missing
  // repository or license, and from running `npm list` on an extension with no dependencies.
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outFile];
  try {
    // vsce records a device id under $XDG_CACHE_HOME; keep it next to the package.
    const env = { ...process.env, XDG_CACHE_HOME: path.join(path.dirname(outFile), 'vsce-cache') };
    await execFileAsync(vsceBin, args, { cwd: extensionDir, env });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`vsce could not pack ${extensionDir}:\n${stdout}${stderr}`, { cause: error });
  }
  return outFile;
}
