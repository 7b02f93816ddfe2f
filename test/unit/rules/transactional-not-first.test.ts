import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate } from '../../../server/src/core/check';
import { resolveConfig } from '../../../server/src/core/config/load';
import { assertRuleCases, checkSnippet, WORKSPACE } from '../../support/rule-tester';

const head = (category: string) => `<!-- presend\ncategory: ${category}\n-->\n`;
const RESULTS = '<p>Your lab results are ready in the patient portal.</p>';
const OFFER = '<p>Save 20% on teeth whitening with promo code SPRING20.</p>';

test('transactional-not-first', (t) => {
  return assertRuleCases(
    'transactional-not-first',
    {
      valid: [
        { name: 'notice first', code: `${RESULTS}\n${OFFER}` },
        { name: 'declared transactional, notice first', code: `${head('transactional')}${RESULTS}\n${OFFER}` },
        { name: 'declared marketing is commercial already', code: `${head('marketing')}${OFFER}\n${RESULTS}` },
        { name: 'marketing only', code: OFFER },
        { name: 'neutral greeting before the notice', code: `<p>Hello {{first_name}},</p>\n${RESULTS}\n${OFFER}` },
      ],
      invalid: [
        { name: 'inferred: offer above the results', code: `<p>Hello {{first_name}},</p>\n⟦${OFFER}⟧\n${RESULTS}` },
        { name: 'declared transactional: offer above the results', code: `${head('transactional')}⟦${OFFER}⟧\n${RESULTS}\n<p>Ask about our membership plans.</p>` },
        {
          name: 'mjml banner section',
          language: 'mjml',
          code: `<mjml><mj-body>\n<mj-section><mj-column>⟦<mj-text>New: our med spa is now offering facials.</mj-text>⟧</mj-column></mj-section>\n<mj-section><mj-column><mj-text>Your appointment is confirmed for {{date}}.</mj-text></mj-column></mj-section>\n</mj-body></mjml>`,
        },
      ],
    },
    t,
  );
});

test('a declared transactional message with the offer first is commercial', () => {
  const code = `${head('transactional')}${OFFER}\n${RESULTS}`;
  const result = checkTemplate({ path: `${WORKSPACE}/t.html`, text: code, config: resolveConfig({}, WORKSPACE, true), readFile: () => undefined });
  assert.equal(result.category.category, 'transactional');
  assert.equal(result.category.source, 'directive');
  assert.equal(result.category.commercial, true);

  const ruleIds = checkSnippet(code).map((finding) => finding.ruleId);
  assert.deepEqual(ruleIds, ['missing-ad-label', 'missing-postal-address', 'missing-unsubscribe', 'promotional-in-transactional', 'transactional-not-first']);
});

test('a declared transactional message with the notice first stays non-commercial', () => {
  const code = `${head('transactional')}${RESULTS}\n${OFFER}`;
  assert.deepEqual(
    checkSnippet(code).map((finding) => finding.ruleId),
    ['promotional-in-transactional'],
  );
});
