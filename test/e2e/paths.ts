// Where the end-to-end tests find things. Compiled files live in out/e2e, two levels below
// the repository root, so the root is found from this file's own location.

import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Screenshots go next to the docs that show them. */
export const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');

/** Debian's Chromium; scripts/setup-e2e.sh installs it. */
export const chromiumPath = process.env.PRESEND_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The extension package `npm run package` builds, which Presend's scenarios install. */
export const presendVsix = process.env.PRESEND_E2E_VSIX ?? path.join(repoRoot, 'presend.vsix');

/** Screenshots of failed scenarios; git ignores test-results/. */
export const failureDir = path.join(repoRoot, 'test-results', 'e2e');
