import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { meetsTargets, precision, readFixtureCases, recall, scoreFixtures, TARGETS } from '../../eval/phi-fixtures';

/**
 * Runs the labelled PHI fixture set (test/fixtures/phi) and pins its result: every rule meets
 * the targets, and the list of misses is exactly the one below, so a regression, and an
 * improvement that should be recorded, both fail here.
 */

const FOLDER = path.resolve(__dirname, '../../../../test/fixtures/phi');

/** Known misses, as `scoreFixtures` words them. */
const KNOWN_MISSES: string[] = [];

test('the PHI fixture set meets its targets with the known misses only', () => {
  const cases = readFixtureCases(FOLDER);
  const score = scoreFixtures(cases);

  assert.ok(score.positiveCases >= 150, `expected at least 150 cases with findings, found ${score.positiveCases}`);
  assert.ok(score.negativeCases >= 150, `expected at least 150 near misses, found ${score.negativeCases}`);
  assert.deepEqual(score.misses, KNOWN_MISSES);

  const below = Object.entries(score.byRule)
    .filter(([, rule]) => precision(rule) < TARGETS.precision || recall(rule) < TARGETS.recall)
    .map(([id, rule]) => `${id}: precision ${precision(rule).toFixed(3)}, recall ${recall(rule).toFixed(3)}`);
  assert.deepEqual(below, []);
  assert.equal(meetsTargets(score.byRule), true);
});

test('every PHI rule has positive fixtures', () => {
  const score = scoreFixtures(readFixtureCases(FOLDER));
  const empty = Object.entries(score.byRule)
    .filter(([, rule]) => rule.truePositives + rule.falseNegatives < 5)
    .map(([id]) => id);
  assert.deepEqual(empty, []);
});
