import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/core/engine/rule';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const OFFER = '<p>Save 20% on teeth whitening with promo code SPRING20.</p>';
const RESULTS = '<p>Your lab results are ready in the patient portal.</p>';

test('inferred-category', (t) => {
  return assertRuleCases(
    'inferred-category',
    {
      valid: [
        { name: 'directive declares the category', code: `<!-- presend\ncategory: marketing\n-->\n${OFFER}` },
        { name: 'config declares the category', code: OFFER, config: { defaults: { category: 'transactional' } } },
      ],
      invalid: [
        {
          name: 'marketing from an offer',
          code: `⟦${OFFER}⟧`,
          messageIds: ['inferred'],
          data: [
            {
              category: 'marketing',
              reason: 'Promotional content (1 block) and no transactional block.',
              evidence: "'Save 20%' (promotional, 3) in block 0; 'teeth whitening' (promotional, 3) in block 0; 'promo code' (promotional, 3) in block 0",
            },
          ],
        },
        {
          name: 'a mix with the notice first stays transactional',
          code: `⟦${RESULTS}⟧\n${OFFER}`,
          messageIds: ['inferred'],
          data: [
            {
              category: 'transactional',
              reason:
                'Transactional and promotional content are mixed, but transactional block 0 comes first and the subject is not promotional, so the primary purpose stays transactional.',
              evidence: "'lab results' (transactional, 3) in block 0; 'patient portal' (transactional, 2) in block 0; 'Save 20%' (promotional, 3) in block 1; 'teeth whitening' (promotional, 3) in block 1 and 1 more",
            },
          ],
        },
        { name: 'no phrase at all', code: '\n  ⟦<p>Hello {{first_name}}.</p>⟧\n', messageIds: ['noSignal'], data: [{}] },
        { name: 'directive without a category', code: `⟦<!-- presend⟧\nsubject: Spring offer\n-->\n${OFFER}`, messageIds: ['inferred'] },
      ],
    },
    t,
  );
});

/** Applies a finding's fix edits (one file, back to front) to `text`. */
function applyFix(text: string, finding: Finding): string {
  assert.ok(finding.fix, `${finding.ruleId} has no fix`);
  let result = text;
  for (const edit of [...finding.fix.edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

function inferredFinding(code: string): Finding {
  const finding = checkSnippet(code).find((candidate) => candidate.ruleId === 'inferred-category');
  assert.ok(finding, 'expected an inferred-category finding');
  return finding;
}

test('the fix writes a directive where there was none', () => {
  const finding = inferredFinding(OFFER);
  assert.equal(finding.fix?.title, 'Declare category: marketing');

  const fixed = applyFix(OFFER, finding);
  assert.equal(fixed, `<!-- presend\ncategory: marketing\n-->\n${OFFER}`);
  assert.deepEqual(checkSnippet(fixed).filter((candidate) => candidate.ruleId === 'inferred-category' || candidate.ruleId === 'invalid-directive'), []);
});

test('the fix adds a category line to an existing directive', () => {
  const cases: [string, string][] = [
    ['<!-- presend\nsubject: Spring offer\n-->\n', '<!-- presend\ncategory: marketing\nsubject: Spring offer\n-->\n'],
    ['<!-- presend\n  subject: Spring offer\n-->\n', '<!-- presend\n  category: marketing\n  subject: Spring offer\n-->\n'],
    ['<!-- presend subject: Spring offer -->\n', '<!-- presend\ncategory: marketing\nsubject: Spring offer -->\n'],
    ['<!-- presend -->\n', '<!-- presend\ncategory: marketing\n-->\n'],
  ];
  for (const [head, expected] of cases) {
    const fixed = applyFix(`${head}${OFFER}`, inferredFinding(`${head}${OFFER}`));
    assert.equal(fixed, `${expected}${OFFER}`);
    const after = checkSnippet(fixed).filter((candidate) => candidate.ruleId === 'inferred-category' || candidate.ruleId === 'invalid-directive');
    assert.deepEqual(after, [], `after fixing ${JSON.stringify(head)}`);
  }
});

test('no fix over an invalid category value', () => {
  const code = `<!-- presend\ncategory: promo\n-->\n${OFFER}`;
  const finding = inferredFinding(code);
  assert.equal(finding.fix, undefined);
  assert.ok(checkSnippet(code).some((candidate) => candidate.ruleId === 'invalid-directive'));
});

test('the inferred category drives the opt-out rules', () => {
  const optOut = (code: string) => checkSnippet(code).filter((finding) => finding.ruleId === 'missing-unsubscribe').length;
  assert.equal(optOut(OFFER), 1);
  assert.equal(optOut(`${RESULTS}\n${OFFER}`), 0);
  assert.equal(optOut(`${OFFER}\n${RESULTS}`), 1);
  assert.equal(optOut(RESULTS), 0);
});
