import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGrammar, repoRoot, tokenize } from './textmate';
import { describeDifference, formatTokens } from './snapshot';

// Each test/fixtures/grammar/NAME.mjml is tokenized and compared with NAME.mjml.snap beside it.
// After a deliberate grammar change, rewrite the snapshots with UPDATE_SNAPSHOTS=1 and review
// the diff of the .snap files.

const fixtureDir = path.join(repoRoot, 'test/fixtures/grammar');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.mjml')).sort();

test('grammar fixtures exist', () => {
  assert.ok(fixtures.length >= 3, `expected at least 3 .mjml fixtures in ${fixtureDir}, found ${fixtures.length}`);
});

for (const name of fixtures) {
  test(`tokens of ${name} match ${name}.snap`, async () => {
    const grammar = await loadGrammar('text.html.mjml');
    const source = readFileSync(path.join(fixtureDir, name), 'utf8');
    const actual = formatTokens(source, tokenize(grammar, source));
    const snapPath = path.join(fixtureDir, `${name}.snap`);

    if (update) {
      writeFileSync(snapPath, actual);
      return;
    }

    assert.ok(existsSync(snapPath), `${snapPath} is missing; create it with UPDATE_SNAPSHOTS=1 and review it.`);
    const difference = describeDifference(readFileSync(snapPath, 'utf8'), actual);
    if (difference !== '') {
      assert.fail(
        `${name} tokenizes differently from ${name}.snap (rerun with UPDATE_SNAPSHOTS=1 if the change is intended):\n${difference}`,
      );
    }
  });
}
