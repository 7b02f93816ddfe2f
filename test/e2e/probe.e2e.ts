// Harness self-test. It installs a throwaway extension (fixtures/probe-extension) instead of
// Presend, so a failure here points at the harness or the machine (code-server, Chromium,
// setup-e2e.sh), never at Presend's own code.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { Harness } from './harness';
import { repoRoot } from './paths';
import { packVsix } from './vsix';

const probeExtensionDir = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'probe-extension');

const template = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Your appointment at Example Clinic is confirmed.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

test('probe extension: command, notification, diagnostic', async (t) => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'presend-e2e-probe-'));
  const workspace = path.join(scratch, 'workspace');
  await mkdir(path.join(workspace, 'templates'), { recursive: true });
  await writeFile(path.join(workspace, 'templates', 'welcome.mjml'), template);
  const vsix = await packVsix(probeExtensionDir, path.join(scratch, 'e2e-probe.vsix'));

  const vscode = await Harness.start({ workspace, vsix: [vsix] });
  try {
    t.diagnostic(`code-server answered after ${vscode.timings.codeServerMs} ms, workbench ready ${vscode.timings.workbenchMs} ms later`);

    await vscode.openFile('templates/welcome.mjml');
    await vscode.runCommand('E2E Probe: Hello');
    assert.equal(await vscode.waitForNotification('Hello from the E2E probe'), 'Hello from the E2E probe');

    const problems = await vscode.waitForProblems((rows) => rows.some((row) => row.source === 'e2e-probe'));
    assert.equal(problems.length, 1);
    assert.deepEqual({ ...problems[0], ariaLabel: undefined }, {
      file: 'templates/welcome.mjml',
      severity: 'Warning',
      message: 'E2E probe: this MJML file was seen',
      line: 1,
      column: 1,
      source: 'e2e-probe',
      code: 'probe-seen',
      ariaLabel: undefined,
    });

    await vscode.screenshot('e2e-probe');
  } finally {
    await vscode.close();
    await rm(scratch, { recursive: true, force: true });
  }
});
