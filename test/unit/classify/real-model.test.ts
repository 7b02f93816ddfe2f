import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate } from '../../../server/src/core/check';
import { resolveConfig } from '../../../server/src/core/config/load';
import { loadCategoryLabels, misclassified, runCategoryLabels, scoreRules, setRoot } from '../../eval/category';

/**
 * Category inference through the real checker (model blocks, engine decision, rules) on the
 * labelled templates, the same run `npm run eval` reports. The bundled fixtures are always
 * scored. The shared corpus part is skipped with a message naming the path when the corpus is absent.
 */

// out/test/unit/classify → repository root.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CORPUS = setRoot(ROOT, 'corpus');
const corpusMissing = fs.existsSync(CORPUS) ? false : `skipped: the shared corpus was not found at ${CORPUS}`;

const OPT_OUT_RULES = new Set(['missing-unsubscribe', 'broken-unsubscribe', 'hidden-unsubscribe', 'missing-postal-address', 'missing-fundraising-opt-out']);

/** Checks a corpus template with the default configuration and no category declared by config. */
function checkCorpus(relative: string): ReturnType<typeof checkTemplate> {
  const file = path.join(CORPUS, relative);
  return checkTemplate({ path: file, text: fs.readFileSync(file, 'utf8'), config: resolveConfig({}, CORPUS, true), workspaceRoot: CORPUS, readFile: () => undefined });
}

/** Misclassified templates, by set and path. Both lists are empty, so a change shows exactly which template moved. */
const KNOWN_FIXTURE_MISSES: string[] = [];
const KNOWN_CORPUS_MISSES: string[] = [];

test('bundled fixtures: purpose and commercial flag as labelled', () => {
  const labels = loadCategoryLabels(ROOT).filter((label) => label.set !== 'corpus');
  assert.ok(labels.length >= 40, `expected at least 40 bundled labelled templates, found ${labels.length}`);

  const outcomes = runCategoryLabels(ROOT, labels);
  const misses = [...new Set(misclassified(outcomes).map((miss) => `${miss.outcome.label.set}:${miss.outcome.label.path}`))];
  assert.deepEqual(misses, KNOWN_FIXTURE_MISSES);

  const correct = outcomes.filter((outcome) => outcome.purpose === outcome.label.purpose && outcome.result.category.commercial === outcome.label.commercial).length;
  assert.ok(correct / outcomes.length >= 0.95, `accuracy ${correct}/${outcomes.length} is below 0.95`);
});

test('bundled fixtures: category rules report exactly the expected findings', () => {
  const outcomes = runCategoryLabels(ROOT, loadCategoryLabels(ROOT).filter((label) => label.set !== 'corpus'));
  const wrong = scoreRules(outcomes).flatMap((score) => [...score.falsePositives.map((at) => `${score.rule} not expected at ${at}`), ...score.falseNegatives.map((at) => `${score.rule} missing at ${at}`)]);
  assert.deepEqual(wrong, []);

  const reported = new Set(outcomes.flatMap((outcome) => outcome.reported.map((finding) => finding.rule)));
  assert.deepEqual([...reported].sort(), ['deceptive-subject', 'missing-ad-label', 'promotional-in-transactional', 'transactional-not-first']);
});

test('corpus: labelled real templates through the real model', { skip: corpusMissing }, () => {
  const labels = loadCategoryLabels(ROOT).filter((label) => label.set === 'corpus');
  const outcomes = runCategoryLabels(ROOT, labels);
  assert.equal(outcomes.length, labels.length);

  const misses = [...new Set(misclassified(outcomes).map((miss) => miss.outcome.label.path))];
  assert.deepEqual(misses, KNOWN_CORPUS_MISSES);

  const wrong = scoreRules(outcomes).flatMap((score) => [...score.falsePositives, ...score.falseNegatives].map((at) => `${score.rule} at ${at}`));
  assert.deepEqual(wrong, []);
});

test('corpus: transactional templates need no opt-out', { skip: corpusMissing }, () => {
  // No category is declared in these: the inferred category alone must keep the opt-out rules quiet.
  const transactional = [
    'html/activecampaign-postmark-templates/inlined-basic_receipt_content.html',
    'html/activecampaign-postmark-templates/inlined-basic_invoice_content.html',
    'html/activecampaign-postmark-templates/inlined-basic_password-reset_content.html',
    'html/heartcombo-devise/reset_password_instructions.html',
    'html/keycloak-email-theme/password-reset.html',
    'html/easyappointments/appointment_saved_email.html',
    'html/sendwithus-templates/mantra/receipt.html',
    'html/sendwithus-templates/mantra/shipped.html',
    'mjml/saleor-templated-email/source/confirm_order.mjml',
    'mjml/saleor-templated-email/source/password_reset.mjml',
  ];
  const optOut = transactional.flatMap((relative) =>
    checkCorpus(relative)
      .findings.filter((finding) => OPT_OUT_RULES.has(finding.ruleId))
      .map((finding) => `${relative}: ${finding.ruleId}`),
  );
  assert.deepEqual(optOut, []);
});

test('corpus: newsletters read as marketing', { skip: corpusMissing }, () => {
  const newsletters = [
    'html/tryghost-ghost/newsletter-template.html',
    'html/mailchimp-email-blueprints/simple-basic.html',
    'html/mautic-themes/skyline.html',
    'mjml/mautic-themes/_connect-through-content.mjml',
  ];
  const decided = newsletters.map((relative) => {
    const { category } = checkCorpus(relative);
    return [relative, category.category, category.commercial];
  });
  assert.deepEqual(
    decided,
    newsletters.map((relative) => [relative, 'marketing', true]),
  );
});
