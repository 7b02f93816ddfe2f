// Scenario: opening templates that break opt-out rules puts Presend's findings in the
// Problems panel, each with source "presend" and the rule id as its code.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { runPresendScenario } from './presend-session';
import type { ProblemRow } from './workbench';

/** The findings the fixture templates trigger on purpose (docs/e2e.md lists them). */
const expected = [
  { file: 'newsletter.mjml', code: 'broken-unsubscribe', severity: 'Error', line: 25, column: 20 },
  { file: 'members-offer.mjml', code: 'missing-unsubscribe', severity: 'Error', line: 1, column: 1 },
  { file: 'flu-clinic.html', code: 'broken-unsubscribe', severity: 'Error', line: 13, column: 39 },
];

test('Problems panel lists Presend findings', { timeout: 180_000 }, async (t) => {
  await runPresendScenario('problems', async ({ vscode }) => {
    t.diagnostic(`code-server answered after ${vscode.timings.codeServerMs} ms, workbench ready ${vscode.timings.workbenchMs} ms later`);

    for (const file of ['newsletter.mjml', 'members-offer.mjml', 'flu-clinic.html']) {
      await vscode.openFile(file);
    }

    const rows = await vscode.waitForProblems((seen) => expected.every((want) => seen.some((row) => matches(row, want))));
    for (const want of expected) {
      const row = rows.find((candidate) => matches(candidate, want));
      assert.ok(row, `no Problems row for ${JSON.stringify(want)}`);
      assert.equal(row.source, 'presend', `source of ${row.ariaLabel}`);
    }

    const brokenHttp = rows.find((row) => row.file === 'newsletter.mjml' && row.code === 'broken-unsubscribe');
    assert.match(brokenHttp?.message ?? '', /plain http:/);

    // Every Presend row carries a rule id; none is anonymous.
    for (const row of rows.filter((candidate) => candidate.source === 'presend')) {
      assert.match(row.code, /^[a-z]+(-[a-z]+)*$/, `code of ${row.ariaLabel}`);
    }

    await vscode.screenshot('problems');
  });
});

function matches(row: ProblemRow, want: (typeof expected)[number]): boolean {
  return row.file === want.file && row.code === want.code && row.severity === want.severity && row.line === want.line && row.column === want.column;
}
