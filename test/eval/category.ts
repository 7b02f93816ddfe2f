import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate, type CheckResult } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';

/**
 * Measures category inference and the category rules on labelled templates, through the real
 * checker: the model builder's blocks, the engine's category decision and the registered rules.
 *
 * Three sets are scored. `corpus`: real templates written by others, read from the shared
 * corpus beside the repository (labels in test/fixtures/classify/labels.json). `classify`: the
 * classifier's made-up templates in test/fixtures/classify/templates. `category`: made-up
 * templates for the category rules in test/fixtures/category/templates. The expected findings
 * of every template are in test/fixtures/category/expected.json.
 */

export const SCORED_RULES = ['promotional-in-transactional', 'transactional-not-first', 'deceptive-subject', 'missing-ad-label'] as const;
export type ScoredRule = (typeof SCORED_RULES)[number];
export type LabelSet = 'corpus' | 'classify' | 'category';

const TARGET = 0.95;

/** One expected finding. Without `line` the rule is expected once anywhere in the template, as for a finding about something absent. */
export interface ExpectedFinding {
  rule: ScoredRule;
  /** One-based line in the template. */
  line?: number;
}

/** A labelled template with everything the evaluation compares. */
export interface CategoryLabel {
  set: LabelSet;
  /** Relative to the set's folder. */
  path: string;
  /** Primary purpose under 16 CFR 316.3(a)(2): a mix that is not commercial is transactional. */
  purpose: 'transactional' | 'marketing';
  /** Whether the rules should treat the message as commercial (the engine's decision, declarations included). */
  commercial: boolean;
  reason: string;
  findings: ExpectedFinding[];
}

export interface CategoryOutcome {
  label: CategoryLabel;
  result: CheckResult;
  /** The classifier's primary purpose, whatever the template declares. */
  purpose: 'transactional' | 'marketing';
  /** Findings of the scored rules, with one-based lines. */
  reported: { rule: ScoredRule; line: number }[];
}

interface ClassifyLabels {
  corpus: { path: string; expected: 'transactional' | 'marketing'; reason: string; subject?: string }[];
  templates: { path: string; expected: 'transactional' | 'marketing' | 'mixed'; commercial?: boolean; reason: string }[];
}

interface ExpectedFile {
  templates: { set: LabelSet; path: string; purpose?: 'transactional' | 'marketing'; commercial?: boolean; reason?: string; findings: ExpectedFinding[] }[];
}

/** Returns the folder a set's paths are relative to. */
export function setRoot(repoRoot: string, set: LabelSet): string {
  if (set === 'corpus') return process.env.PRESEND_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
  if (set === 'classify') return path.join(repoRoot, 'test', 'fixtures', 'classify', 'templates');
  return path.join(repoRoot, 'test', 'fixtures', 'category', 'templates');
}

/**
 * Joins the classifier's purpose labels with the expected findings. The corpus and classifier
 * templates take their purpose from labels.json; the category templates carry it in
 * expected.json. Every labelled template must have an entry of expected findings, so a new
 * label cannot go unscored.
 */
export function loadCategoryLabels(repoRoot: string): CategoryLabel[] {
  const classify = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'classify', 'labels.json'), 'utf8')) as ClassifyLabels;
  const expected = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'category', 'expected.json'), 'utf8')) as ExpectedFile;
  const entries = new Map(expected.templates.map((entry) => [`${entry.set}:${entry.path}`, entry]));

  const findingsOf = (set: LabelSet, file: string): ExpectedFinding[] => {
    const entry = entries.get(`${set}:${file}`);
    if (!entry) throw new Error(`test/fixtures/category/expected.json has no entry for ${set}:${file}; add one with its expected findings.`);
    entries.delete(`${set}:${file}`);
    return entry.findings;
  };

  const labels: CategoryLabel[] = [];
  for (const label of classify.corpus) {
    labels.push({ set: 'corpus', path: label.path, purpose: label.expected, commercial: label.expected === 'marketing', reason: label.reason, findings: findingsOf('corpus', label.path) });
  }
  for (const label of classify.templates) {
    const commercial = label.expected === 'marketing' || (label.expected === 'mixed' && label.commercial === true);
    labels.push({ set: 'classify', path: label.path, purpose: commercial ? 'marketing' : 'transactional', commercial, reason: label.reason, findings: findingsOf('classify', label.path) });
  }
  for (const [key, entry] of entries) {
    if (entry.set !== 'category' || entry.purpose === undefined || entry.commercial === undefined) {
      throw new Error(`test/fixtures/category/expected.json entry ${key} matches no label; category entries need purpose and commercial.`);
    }
    labels.push({ set: 'category', path: entry.path, purpose: entry.purpose, commercial: entry.commercial, reason: entry.reason ?? '', findings: entry.findings });
  }
  return labels;
}

/** Checks each labelled template with the real checker; corpus templates are skipped when the corpus is absent. */
export function runCategoryLabels(repoRoot: string, labels = loadCategoryLabels(repoRoot)): CategoryOutcome[] {
  const outcomes: CategoryOutcome[] = [];
  for (const label of labels) {
    const root = setRoot(repoRoot, label.set);
    if (!fs.existsSync(root)) continue;
    const file = path.join(root, label.path);
    const config = resolveConfig({}, root, true);
    const result = checkTemplate({ path: file, text: fs.readFileSync(file, 'utf8'), config, workspaceRoot: root, readFile: readOrUndefined });
    const classification = result.category.classification;
    const reported = result.findings
      .filter((finding) => (SCORED_RULES as readonly string[]).includes(finding.ruleId))
      .map((finding) => ({ rule: finding.ruleId as ScoredRule, line: finding.range.start.line + 1 }));
    outcomes.push({ label, result, purpose: classification?.commercial ? 'marketing' : 'transactional', reported });
  }
  return outcomes;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface RuleScore {
  rule: ScoredRule;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
}

/**
 * Matches reported findings with expected ones per template and rule: a finding with a line
 * matches an expected finding on that line, and an expected finding without a line matches
 * any one finding of its rule.
 */
export function scoreRules(outcomes: CategoryOutcome[]): RuleScore[] {
  const scores = new Map<ScoredRule, RuleScore>(SCORED_RULES.map((rule) => [rule, { rule, truePositives: 0, falsePositives: [], falseNegatives: [] }]));
  for (const outcome of outcomes) {
    const where = `${outcome.label.set}:${outcome.label.path}`;
    for (const rule of SCORED_RULES) {
      const score = scores.get(rule) as RuleScore;
      const reported = outcome.reported.filter((finding) => finding.rule === rule).map((finding) => finding.line);
      const expected = outcome.label.findings.filter((finding) => finding.rule === rule);
      for (const wanted of expected) {
        let at = reported.indexOf(wanted.line ?? -1);
        if (wanted.line === undefined && reported.length > 0) {
          at = 0;
        }
        if (at === -1) {
          score.falseNegatives.push(`${where}${wanted.line === undefined ? '' : `:${wanted.line}`}`);
        } else {
          score.truePositives++;
          reported.splice(at, 1);
        }
      }
      score.falsePositives.push(...reported.map((line) => `${where}:${line}`));
    }
  }
  return [...scores.values()];
}

export function precision(score: RuleScore): number | null {
  const reported = score.truePositives + score.falsePositives.length;
  return reported === 0 ? null : score.truePositives / reported;
}

export function recall(score: RuleScore): number | null {
  const expected = score.truePositives + score.falseNegatives.length;
  return expected === 0 ? null : score.truePositives / expected;
}

/** Templates whose classifier purpose or engine commercial flag differs from the label. */
export function misclassified(outcomes: CategoryOutcome[]): { outcome: CategoryOutcome; what: string }[] {
  const misses: { outcome: CategoryOutcome; what: string }[] = [];
  for (const outcome of outcomes) {
    if (outcome.purpose !== outcome.label.purpose) misses.push({ outcome, what: `purpose ${outcome.purpose}, labelled ${outcome.label.purpose}` });
    if (outcome.result.category.commercial !== outcome.label.commercial) misses.push({ outcome, what: `commercial ${outcome.result.category.commercial}, labelled ${outcome.label.commercial}` });
  }
  return misses;
}

export async function evaluateCategory(repoRoot: string): Promise<{ title: string; markdown: string; meetsTargets: boolean }> {
  const corpusRoot = setRoot(repoRoot, 'corpus');
  const corpusPresent = fs.existsSync(corpusRoot);
  const outcomes = runCategoryLabels(repoRoot);
  const lines: string[] = [];
  const figures: (number | null)[] = [];

  lines.push(
    corpusPresent
      ? `Scored ${outcomes.length} labelled templates with the real checker: ${count(outcomes, 'corpus')} real templates from the shared corpus, ${count(outcomes, 'classify')} classifier fixtures and ${count(outcomes, 'category')} category-rule fixtures (made up).`
      : `The shared corpus was not found at ${corpusRoot}, so only the ${outcomes.length} bundled fixtures were scored: ${count(outcomes, 'classify')} classifier fixtures and ${count(outcomes, 'category')} category-rule fixtures.`,
    '',
    '### Category inference',
    '',
    '| Set | Templates | Primary purpose (classifier) | Commercial flag (engine decision) |',
    '|---|---|---|---|',
  );
  for (const set of ['corpus', 'classify', 'category', 'all'] as const) {
    const inSet = set === 'all' ? outcomes : outcomes.filter((outcome) => outcome.label.set === set);
    if (inSet.length === 0) continue;
    const purpose = inSet.filter((outcome) => outcome.purpose === outcome.label.purpose).length / inSet.length;
    const commercial = inSet.filter((outcome) => outcome.result.category.commercial === outcome.label.commercial).length / inSet.length;
    if (set === 'all') figures.push(purpose, commercial);
    lines.push(`| ${set} | ${inSet.length} | ${fixed(purpose)} | ${fixed(commercial)} |`);
  }

  lines.push('', '### Category rules', '', '| Rule | Expected | Reported | Precision | Recall |', '|---|---|---|---|---|');
  const scores = scoreRules(outcomes);
  for (const score of scores) {
    const p = precision(score);
    const r = recall(score);
    figures.push(p, r);
    const expected = score.truePositives + score.falseNegatives.length;
    const reported = score.truePositives + score.falsePositives.length;
    lines.push(`| ${score.rule} | ${expected} | ${reported} | ${p === null ? 'n/a' : fixed(p)} | ${r === null ? 'n/a' : fixed(r)} |`);
  }
  lines.push(
    '',
    '`inferred-category` is informational and not scored. A finding matches an expected one on the same line; findings about something absent (`missing-ad-label`) match by template.',
    'The expected findings in test/fixtures/category/expected.json were drafted from the rules\' output and then reviewed block by block, and the same templates were used to tune the phrase lists. The figures therefore guard against regressions; they are not a held-out estimate. The classifier\'s known weaknesses are listed in docs/classifier.md.',
  );

  lines.push('', '### Remaining misses', '');
  const misses = misclassified(outcomes);
  const ruleMisses = scores.flatMap((score) => [...score.falsePositives.map((where) => `${score.rule}: reported but not expected at ${where}`), ...score.falseNegatives.map((where) => `${score.rule}: expected but not reported at ${where}`)]);
  if (misses.length === 0 && ruleMisses.length === 0) {
    lines.push('None: every labelled template is classified as labelled and every expected finding, and no other, is reported.');
  }
  for (const { outcome, what } of misses) {
    const classification = outcome.result.category.classification;
    lines.push(`- ${outcome.label.set}:${outcome.label.path}: ${what}. Label: ${outcome.label.reason} Classifier: ${classification?.reason ?? 'no classification'}`);
  }
  for (const miss of ruleMisses) lines.push(`- ${miss}`);

  const meetsTargets = figures.every((figure) => figure === null || figure >= TARGET);
  return { title: 'Category inference and category rules', markdown: lines.join('\n'), meetsTargets };
}

function count(outcomes: CategoryOutcome[], set: LabelSet): number {
  return outcomes.filter((outcome) => outcome.label.set === set).length;
}

function fixed(value: number): string {
  return value.toFixed(3);
}
