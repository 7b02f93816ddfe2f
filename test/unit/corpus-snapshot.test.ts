import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import { runGate } from '../../server/src/core/gate/index';
import { verifyList } from '../../server/src/core/list/index';
import { compareWithSnapshot } from '../support/snapshot-diff';
import { CORPUS, filesUnder } from '../support/corpus';

/**
 * The main job on real input: check, verify-list and gate over the shared corpus (templates
 * and CSVs written by others), compared with reviewed snapshots. A changed finding shows as a
 * diff. The corpus is not part of this repository; without it these tests are skipped.
 */

const SNAPSHOTS = path.resolve(__dirname, '../../../test/fixtures/corpus-snapshot');

const readFile = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};


const relative = (file: string) => path.relative(CORPUS, file).split(path.sep).join('/');

test('check over the corpus matches the reviewed snapshot', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  const config = resolveConfig({}, CORPUS, true);
  const lines: string[] = [];
  for (const file of filesUnder(CORPUS, /\.(mjml|html?)$/i)) {
    const result = checkTemplate({ path: file, text: fs.readFileSync(file, 'utf8'), config, workspaceRoot: CORPUS, readFile });
    const category = `${result.category.category}${result.category.commercial ? '+commercial' : ''} (${result.category.source})`;
    lines.push(`${relative(file)} ${category}`);
    for (const finding of result.findings) {
      if (finding.ruleId === 'inferred-category') continue;
      const where = finding.path === file ? '' : ` in ${relative(finding.path)}`;
      lines.push(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1}${where} ${finding.ruleId}/${finding.messageId} ${finding.severity}`);
    }
  }
  const difference = compareWithSnapshot(path.join(SNAPSHOTS, 'check.txt'), lines.join('\n') + '\n');
  assert.equal(difference, undefined, difference);
});

test('verify-list over the corpus matches the reviewed snapshot', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  const lines: string[] = [];
  for (const file of filesUnder(path.join(CORPUS, 'csv'), /\.csv$/i)) {
    try {
      const report = await verifyList({ path: file }, { dns: false, template: { category: 'marketing' } });
      const { summary } = report;
      const reasons = Object.entries(summary.reasons).filter(([, count]) => count > 0).map(([reason, count]) => `${reason}=${count}`);
      lines.push(`${relative(file)} rows=${summary.rows} ok=${summary.verdicts.ok} review=${summary.verdicts.review} exclude=${summary.verdicts.exclude} column=${summary.emailColumn} ${reasons.join(' ')}`);
      for (const notice of summary.notices) lines.push(`  notice: ${notice}`);
      for (const row of report.rows.filter((candidate) => candidate.verdict !== 'ok')) {
        lines.push(`  ${row.line} ${row.verdict} ${row.reasons.join(',')}${row.suggestion ? ` -> ${row.suggestion}` : ''}`);
      }
    } catch (error) {
      lines.push(`${relative(file)} error: ${(error as Error).message}`);
    }
  }
  const difference = compareWithSnapshot(path.join(SNAPSHOTS, 'verify-list.txt'), lines.join('\n') + '\n');
  assert.equal(difference, undefined, difference);
});

test('gate over the corpus matches the reviewed snapshot', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  // The audit log goes to a temporary folder: the corpus is someone else's and stays untouched.
  const auditRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-corpus-gate-'));
  const config = resolveConfig({}, CORPUS, true);
  const templates = [
    ...filesUnder(path.join(CORPUS, 'html'), /\.html?$/i),
    ...filesUnder(path.join(CORPUS, 'mjml', 'saleor-templated-email', 'source'), /\.mjml$/i),
    ...filesUnder(path.join(CORPUS, 'mjml', 'mattermost-server-templates'), /\.mjml$/i),
    ...filesUnder(path.join(CORPUS, 'mjml', 'mautic-themes'), /\.mjml$/i),
  ];
  const lines: string[] = [];
  try {
    for (const file of templates) {
      const report = await runGate({ templatePath: file, workspaceRoot: CORPUS, auditRoot, config, dns: { enabled: false }, overrides: [], readFile });
      lines.push(`${relative(file)} ${report.passed ? 'pass' : 'fail'} ${report.checks.map((check) => `${check.id}=${check.status}`).join(' ')}`);
    }
  } finally {
    fs.rmSync(auditRoot, { recursive: true, force: true });
  }
  const difference = compareWithSnapshot(path.join(SNAPSHOTS, 'gate.txt'), lines.join('\n') + '\n');
  assert.equal(difference, undefined, difference);
});
