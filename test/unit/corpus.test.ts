import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import { CORPUS, templatesUnder } from '../support/corpus';

/**
 * Runs every template of the shared corpus (real templates written by others) through the
 * checker: no crash, every finding inside its file, and no opt-out finding on a template
 * declared transactional. The corpus is not part of this repository; without it the test is
 * skipped and says so.
 */

const OPT_OUT_RULES = new Set(['missing-unsubscribe', 'broken-unsubscribe', 'hidden-unsubscribe', 'missing-postal-address', 'missing-fundraising-opt-out']);


const readFile = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

test('corpus templates check without a crash', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  const config = resolveConfig({}, CORPUS, true);
  const files = templatesUnder(CORPUS);
  assert.ok(files.length > 500, `expected the corpus to hold over 500 templates, found ${files.length}`);

  const outOfBounds: string[] = [];
  const ruleFailures: string[] = [];
  for (const file of files) {
    const result = checkTemplate({ path: file, text: fs.readFileSync(file, 'utf8'), config, workspaceRoot: CORPUS, readFile, logger: { error: (message) => ruleFailures.push(message) } });
    for (const finding of result.findings) {
      const owner = result.model.files.find((source) => source.path === finding.path);
      if (!owner || finding.start < 0 || finding.end > owner.text.length || finding.start > finding.end) {
        outOfBounds.push(`${finding.ruleId} at ${finding.path}:${finding.start}-${finding.end}`);
      }
    }
  }
  assert.deepEqual(outOfBounds, []);
  assert.deepEqual(ruleFailures, []);
});

test('declared transactional corpus templates raise no opt-out finding', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  // Templates labelled transactional by hand (receipts, resets, reminders) must stay clean.
  // Any other template may get opt-out findings only when its content makes it commercial
  // whatever the declaration says (a promotional subject or an offer before the notice).
  const labels = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/classify/labels.json'), 'utf8')) as { corpus: { path: string; expected: string }[] };
  const transactional = new Set(labels.corpus.filter((label) => label.expected === 'transactional').map((label) => label.path));

  const config = resolveConfig({ defaults: { category: 'transactional' } }, CORPUS, true);
  const offending: string[] = [];
  for (const file of templatesUnder(CORPUS)) {
    const relative = path.relative(CORPUS, file).split(path.sep).join('/');
    const result = checkTemplate({ path: file, text: fs.readFileSync(file, 'utf8'), config, workspaceRoot: CORPUS, readFile });
    for (const finding of result.findings.filter((candidate) => OPT_OUT_RULES.has(candidate.ruleId))) {
      if (transactional.has(relative) || !result.category.commercial) {
        offending.push(`${relative}: ${finding.ruleId}`);
      }
    }
  }
  assert.ok(transactional.size >= 40, `expected at least 40 labelled transactional templates, found ${transactional.size}`);
  assert.deepEqual(offending, []);
});
