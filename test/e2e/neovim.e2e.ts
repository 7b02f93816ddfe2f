// Self-test of the Neovim helper with a stand-in language server, so that a failure here
// points at Neovim or the helper, not at Presend's server.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { collectNeovimDiagnostics, neovimVersion } from './neovim';

const serverScript = path.join(__dirname, 'fixtures', 'one-diagnostic-server.js');

const expected = [{
  lnum: 0,
  col: 0,
  end_lnum: 0,
  end_col: 6,
  severity: 'Warning',
  message: 'one-diagnostic-server saw this file',
  source: 'e2e-lsp',
  code: 'seen',
}];

let workspace = '';

before(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'presend-e2e-nvim-'));
  await writeFile(path.join(workspace, 'reminder.mjml'), '<mjml><mj-body><mj-text>See you at Example Clinic.</mj-text></mj-body></mjml>\n');
  await writeFile(path.join(workspace, 'reminder.html'), '<html><body><p>See you at Example Clinic.</p></body></html>\n');
});

after(async () => {
  await rm(workspace, { recursive: true, force: true });
});

for (const name of ['reminder.mjml', 'reminder.html']) {
  test(`Neovim receives server diagnostic: ${name}`, async (t) => {
    t.diagnostic(await neovimVersion());

    const diagnostics = await collectNeovimDiagnostics({
      serverCommand: [process.execPath, serverScript],
      file: path.join(workspace, name),
      rootDir: workspace,
      timeoutMs: 20_000,
    });

    assert.deepEqual(diagnostics, expected);
  });
}
