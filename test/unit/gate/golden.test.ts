import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../server/src/core/config/load';
import { runGate, type GateReport } from '../../../server/src/core/gate/index';
import { readText } from './helpers';

/**
 * Golden reports: the gate over every template in examples/, DNS off, with the config in
 * test/fixtures/gate/examples.config.json. The examples are copied to a temporary
 * workspace, so the audit log never lands in the repository. Regenerate with UPDATE_GOLDEN=1.
 */

// Compiled to out/test/unit/gate, so the repository is four levels up.
const REPO = path.resolve(__dirname, '../../../..');
const EXAMPLES = path.join(REPO, 'examples');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'gate');
const GOLDEN = path.join(FIXTURES, 'golden');

const templates = readdirSync(EXAMPLES).filter((name) => /\.(mjml|html)$/.test(name)).sort();

/** The report without what changes from run to run: the audit record (time, hashes). */
function stable(report: GateReport, root: string): unknown {
  const checks = report.checks.map((check) => (check.location ? { ...check, location: { ...check.location, path: path.relative(root, check.location.path).split(path.sep).join('/') } } : check));
  return { passed: report.passed, template: report.template, checks };
}

for (const name of templates) {
  test(`golden gate report for examples/${name}`, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'presend-gate-golden-'));
    try {
      cpSync(EXAMPLES, root, { recursive: true });
      writeFileSync(path.join(root, 'presend.config.json'), readFileSync(path.join(FIXTURES, 'examples.config.json')));
      const { config, problems } = loadConfig(root, { readFile: readText });
      assert.deepEqual(problems, []);

      const report = await runGate({ templatePath: path.join(root, name), workspaceRoot: root, config, dns: { enabled: false }, overrides: [], readFile: readText });
      const actual = `${JSON.stringify(stable(report, root), null, 2)}\n`;
      const goldenPath = path.join(GOLDEN, `${name}.json`);

      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
        writeFileSync(goldenPath, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`Wrote the missing golden file ${path.relative(REPO, goldenPath)}; review it and run again.`);
        return;
      }
      const expected = readFileSync(goldenPath, 'utf8');
      if (actual !== expected) {
        assert.fail(`The gate report for examples/${name} differs from ${path.relative(REPO, goldenPath)} (rerun with UPDATE_GOLDEN=1 if the change is intended):\n${lineDiff(expected, actual)}`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

/** A readable diff: each differing line with its number, expected (-) then actual (+). */
function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    if (a[index] === b[index]) continue;
    if (a[index] !== undefined) out.push(`${index + 1} - ${a[index]}`);
    if (b[index] !== undefined) out.push(`${index + 1} + ${b[index]}`);
  }
  return out.join('\n');
}
