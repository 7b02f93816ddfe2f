// Scenario: Presend's bundled language server in Neovim, set up the way the README describes
// for other editors (`node dist/server.js --stdio` for mjml and html). Neovim must
// receive exactly the findings the fixture templates trigger, with their ranges.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { collectNeovimDiagnostics, neovimVersion, type NeovimDiagnostic } from './neovim';
import { repoRoot } from './paths';
import { presendFixture } from './presend-session';

const serverScript = path.join(repoRoot, 'dist', 'server.js');

const UNSUBSCRIBE_URL = 'http://www.riverbend-clinic.example/unsubscribe?t={{ unsubscribe_token }}';

/**
 * Expected diagnostics per fixture, 0-based as Neovim stores them. The ranges are the
 * rule's target: the href value for broken-unsubscribe, the directive's opening
 * `<!-- presend` for template-wide findings.
 */
const cases: { file: string; expected: Omit<NeovimDiagnostic, 'message'>[]; messages: RegExp[] }[] = [
  {
    file: 'newsletter.mjml',
    expected: [{ lnum: 24, col: 19, end_lnum: 24, end_col: 19 + UNSUBSCRIBE_URL.length, severity: 'Error', source: 'presend', code: 'broken-unsubscribe' }],
    messages: [/plain http:/],
  },
  {
    file: 'flu-clinic.html',
    expected: [{ lnum: 12, col: 38, end_lnum: 12, end_col: 39, severity: 'Error', source: 'presend', code: 'broken-unsubscribe' }],
    messages: [/a page anchor/],
  },
  {
    file: 'members-offer.mjml',
    expected: [{ lnum: 0, col: 0, end_lnum: 0, end_col: '<!-- presend'.length, severity: 'Error', source: 'presend', code: 'missing-unsubscribe' }],
    messages: [/no unsubscribe link/],
  },
];

let scratch = '';
let workspace = '';

before(async () => {
  if (!existsSync(serverScript)) {
    throw new Error(`${serverScript} does not exist; build it first (npm run build, or npm run test:e2e, which packages the extension)`);
  }
  scratch = await mkdtemp(path.join(os.tmpdir(), 'presend-e2e-nvim-presend-'));
  workspace = path.join(scratch, 'workspace');
  await cp(presendFixture, workspace, { recursive: true });
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

for (const { file, expected, messages } of cases) {
  test(`Neovim gets Presend diagnostics: ${file}`, { timeout: 60_000 }, async (t) => {
    t.diagnostic(await neovimVersion());

    const diagnostics = await collectNeovimDiagnostics({
      serverCommand: [process.execPath, serverScript, '--stdio'],
      file: path.join(workspace, file),
      rootDir: workspace,
      timeoutMs: 20_000,
    });

    const sorted = [...diagnostics].sort((a, b) => a.lnum - b.lnum || a.col - b.col);
    assert.deepEqual(sorted.map(({ message: _message, ...rest }) => rest), expected);
    sorted.forEach((diagnostic, index) => assert.match(diagnostic.message, messages[index]));
  });
}
