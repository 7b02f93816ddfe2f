import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import type { EvalSection } from './index';
import { emptyScores, isPhiFinding, meetsTargets, precision, readFixtureCases, recall, scoreFixtures, TARGETS, type RuleScore } from './phi-fixtures';
import { templatesUnder } from '../support/corpus';

/**
 * Accuracy of the PHI rules: on the labelled fixture set in test/fixtures/phi, and on the shared
 * corpus of real templates, where test/fixtures/phi/corpus-labels.json lists the findings judged
 * true. Every other PHI finding on the corpus counts as a false positive.
 */

export interface CorpusLabel {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  ruleId: string;
  /** The finding's text as it appears in the file. */
  text: string;
  /** 1-based line of the finding. */
  line: number;
  /** Why the finding is true. */
  note: string;
}

export async function evaluatePhi(repoRoot: string): Promise<EvalSection> {
  const fixtures = scoreFixtures(readFixtureCases(path.join(repoRoot, 'test/fixtures/phi')));
  const lines = [
    `Fixture set: ${fixtures.cases} cases in test/fixtures/phi (${fixtures.positiveCases} with expected findings, ${fixtures.negativeCases} near misses with none).`,
    '',
    ...table(fixtures.byRule),
    '',
  ];
  lines.push(fixtures.misses.length === 0 ? 'No misses on the fixture set.' : `Misses on the fixture set:\n\n${fixtures.misses.map((miss) => `- ${miss}`).join('\n')}`, '');

  const corpusFolder = process.env.PRESEND_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
  let corpusMeets = true;
  if (!fs.existsSync(corpusFolder)) {
    lines.push(`Corpus: not measured, because the shared corpus was not found at ${corpusFolder}.`);
  } else {
    const labels = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/phi/corpus-labels.json'), 'utf8')) as { labels: CorpusLabel[] };
    const corpus = scoreCorpus(corpusFolder, labels.labels);
    corpusMeets = meetsTargets(corpus.byRule);
    lines.push(`Corpus: ${corpus.files} templates in the shared corpus, ${labels.labels.length} findings labelled true in test/fixtures/phi/corpus-labels.json.`, '', ...table(corpus.byRule), '');
    lines.push(corpus.misses.length === 0 ? 'No misses on the corpus.' : `Misses on the corpus:\n\n${corpus.misses.map((miss) => `- ${miss}`).join('\n')}`);
  }

  lines.push(
    '',
    'The fixture cases were written together with the rules, and the corpus labels come from reviewing every PHI finding there by hand; the corpus holds few templates with health data, so its figures mostly measure false positives. Both guard against regressions; neither is a held-out estimate.',
  );
  return { title: 'PHI rules', markdown: lines.join('\n'), meetsTargets: meetsTargets(fixtures.byRule) && corpusMeets };
}

function table(byRule: Record<string, RuleScore>): string[] {
  const rows = ['| Rule | Expected | Found | False positives | Missed | Precision | Recall |', '|---|---|---|---|---|---|---|'];
  for (const [ruleId, score] of Object.entries(byRule)) {
    const p = precision(score);
    const r = recall(score);
    const mark = (value: number, target: number): string => `${value.toFixed(3)}${value < target ? ' (below target)' : ''}`;
    rows.push(`| ${ruleId} | ${score.truePositives + score.falseNegatives} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} | ${mark(p, TARGETS.precision)} | ${mark(r, TARGETS.recall)} |`);
  }
  return rows;
}

export function scoreCorpus(corpusFolder: string, labels: readonly CorpusLabel[]): { files: number; byRule: Record<string, RuleScore>; misses: string[] } {
  const config = resolveConfig({}, corpusFolder, true);
  const byRule = emptyScores();
  const misses: string[] = [];
  const remaining = [...labels];
  const files = templatesUnder(corpusFolder);

  for (const file of files) {
    const relative = path.relative(corpusFolder, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const result = checkTemplate({ path: file, text, config, workspaceRoot: corpusFolder, readFile: readOrUndefined });
    for (const finding of result.findings.filter(isPhiFinding)) {
      const source = result.model.files.find((candidate) => candidate.path === finding.path)?.text ?? text;
      const findingText = source.slice(finding.start, finding.end);
      const line = finding.range.start.line + 1;
      const index = remaining.findIndex((label) => label.file === relative && label.ruleId === finding.ruleId && label.text === findingText && label.line === line);
      if (index >= 0) {
        remaining.splice(index, 1);
        byRule[finding.ruleId].truePositives++;
      } else {
        byRule[finding.ruleId].falsePositives++;
        misses.push(`extra ${finding.ruleId} in ${relative}:${line}: ${findingText.slice(0, 80)}`);
      }
    }
  }
  for (const label of remaining) {
    byRule[label.ruleId] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    byRule[label.ruleId].falseNegatives++;
    misses.push(`missed ${label.ruleId} in ${label.file}:${label.line}: ${label.text.slice(0, 80)}`);
  }
  return { files: files.length, byRule, misses };
}


function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
