import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const wrap = (inner: string) => `<mjml><mj-body>${inner}</mj-body></mjml>`;

test('include-problem', (t) => {
  return assertRuleCases(
    'include-problem',
    {
      valid: [
        { name: 'existing partial', language: 'mjml', code: wrap('<mj-include path="partials/footer" />'), files: { 'partials/footer.mjml': '<mj-section></mj-section>' } },
        { name: 'explicit extension', language: 'mjml', code: wrap('<mj-include path="./partials/footer.mjml" />'), files: { 'partials/footer.mjml': '<mj-section></mj-section>' } },
      ],
      invalid: [
        { name: 'missing file', language: 'mjml', code: wrap('<mj-include path="⟦partials/missing.mjml⟧" />'), messageIds: ['not-found'] },
        { name: 'outside workspace', language: 'mjml', code: wrap('<mj-include path="⟦../../etc/passwd⟧" />'), messageIds: ['outside-workspace'] },
      ],
    },
    t,
  );
});

test('include cycle is reported in the partial', () => {
  const findings = checkSnippet(wrap('<mj-include path="a.mjml" />'), {
    language: 'mjml',
    files: { 'a.mjml': '<mj-include path="template.mjml" />' },
  }).filter((finding) => finding.ruleId === 'include-problem');

  assert.deepEqual(
    findings.map((finding) => [finding.messageId, finding.path, finding.start, finding.end]),
    [['cycle', '/workspace/a.mjml', 18, 31]],
  );
});
