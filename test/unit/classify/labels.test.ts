import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, CORPUS_ROOT, loadLabels, runCorpusLabels, runTemplateLabels } from './labels';

/**
 * Accuracy over the labelled templates in `test/fixtures/classify/labels.json`. Misses are
 * compared by path, so a change in phrases shows exactly which template moved. A template
 * that the classifier is known to get wrong goes in KNOWN_CORPUS_MISSES with the reason.
 */

const KNOWN_CORPUS_MISSES: string[] = [];
const MIN_ACCURACY = 0.95;

test('corpus templates are classified as labelled', { skip: !corpusAvailable() && `corpus not found at ${CORPUS_ROOT}` }, async () => {
  const labels = loadLabels().corpus;
  assert.ok(labels.length >= 45, `labels.json lists ${labels.length} corpus templates; it should list at least 45`);

  const results = await runCorpusLabels(labels);
  const misses = results.filter((result) => result.actual !== result.expected).map((result) => result.path);

  assert.deepEqual(misses, KNOWN_CORPUS_MISSES);
  assert.ok((results.length - misses.length) / results.length >= MIN_ACCURACY);
});

test('corpus labels cover both categories', () => {
  const labels = loadLabels().corpus;
  assert.ok(labels.filter((label) => label.expected === 'marketing').length >= 15);
  assert.ok(labels.filter((label) => label.expected === 'transactional').length >= 15);
});

test('made-up templates match their labels', async () => {
  const labels = loadLabels().templates;
  assert.ok(labels.length >= 20, `labels.json lists ${labels.length} made-up templates; it should list at least 20`);
  assert.ok(labels.filter((label) => label.expected === 'mixed').length >= 6);

  const results = await runTemplateLabels(labels);
  const misses = results.filter((result) => result.actual !== result.expected).map((result) => `${result.path}: expected ${result.expected}, got ${result.actual}`);

  assert.deepEqual(misses, []);
});
