import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { classify, type Classification } from '../../../server/src/core/classify';
import { extractBlocks } from './blocks';

/**
 * Loads `test/fixtures/classify/labels.json` and classifies each labelled template, so the
 * accuracy test and anyone tuning phrases see the same results.
 */

export interface CorpusLabel {
  /** Path relative to the shared corpus root, e.g. `html/heartcombo-devise/unlock_instructions.html`. */
  path: string;
  expected: 'transactional' | 'marketing';
  reason: string;
  /** Subject to classify with, for templates that keep it outside the file (Ory Kratos). */
  subject?: string;
}

export interface TemplateLabel {
  /** Path relative to `test/fixtures/classify/templates/`. */
  path: string;
  expected: 'transactional' | 'marketing' | 'mixed';
  /** For mixed templates: whether the mix is commercial. */
  commercial?: boolean;
  /** For mixed templates commercial because promotional content comes first: that block's index. */
  promotionalFirstIndex?: number;
  reason: string;
}

export interface Labels {
  corpus: CorpusLabel[];
  templates: TemplateLabel[];
}

export interface LabelResult {
  path: string;
  expected: string;
  /** The classification restated in the label's terms by `corpusAnswer` or `templateAnswer`. */
  actual: string;
  classification: Classification;
}

// out/test/unit/classify → repository root.
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = join(REPOSITORY_ROOT, 'test', 'fixtures', 'classify');

/**
 * The corpus of real templates sits in a `shared` folder beside the repository in CI and on
 * developer machines; PRESEND_CORPUS points elsewhere. Copyleft templates stay there, so
 * these tests skip when it is absent.
 */
export const CORPUS_ROOT = process.env.PRESEND_CORPUS ?? join(REPOSITORY_ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_ROOT);
}

export function loadLabels(): Labels {
  return JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as Labels;
}

/** Restates a classification as a primary purpose, the corpus labels' terms: a non-commercial mix is transactional. */
export function corpusAnswer(classification: Classification): string {
  return classification.commercial ? 'marketing' : 'transactional';
}

/** Restates a classification as the category, plus the commercial decision and its block for a mix. */
export function templateAnswer(classification: Classification): string {
  if (classification.category !== 'mixed') return classification.category;
  const first = classification.promotionalFirstIndex;
  return `mixed commercial=${classification.commercial}${first === undefined ? '' : ` promotionalFirstIndex=${first}`}`;
}

export function templateExpectation(label: TemplateLabel): string {
  if (label.expected !== 'mixed') return label.expected;
  const first = label.promotionalFirstIndex;
  return `mixed commercial=${label.commercial === true}${first === undefined ? '' : ` promotionalFirstIndex=${first}`}`;
}

export async function classifyFile(path: string, subject?: string): Promise<Classification> {
  const extracted = await extractBlocks(readFileSync(path, 'utf8'));
  return classify({ subject: subject ?? extracted.subject, blocks: extracted.blocks });
}

export async function runCorpusLabels(labels: CorpusLabel[]): Promise<LabelResult[]> {
  const results: LabelResult[] = [];
  for (const label of labels) {
    const classification = await classifyFile(join(CORPUS_ROOT, label.path), label.subject);
    results.push({ path: label.path, expected: label.expected, actual: corpusAnswer(classification), classification });
  }
  return results;
}

export async function runTemplateLabels(labels: TemplateLabel[]): Promise<LabelResult[]> {
  const results: LabelResult[] = [];
  for (const label of labels) {
    const classification = await classifyFile(join(FIXTURES, 'templates', label.path));
    results.push({ path: label.path, expected: templateExpectation(label), actual: templateAnswer(classification), classification });
  }
  return results;
}
