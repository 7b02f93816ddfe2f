import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const wrap = (inner: string) => `<mjml><mj-body>${inner}</mj-body></mjml>`;

test('include-problem', (t) => {
  return assertRuleCases(
    'include-problem',
    {
      valid: [
        { name: 'existing partial', language: 'mjml', code: wrap('<mj-include path="partials/footer.mjml" />'), files: { 'partials/footer.mjml': '<mj-section></mj-section>' } },
        { name: 'html partial without extension', language: 'mjml', code: wrap('<mj-include path="partials/head" type="html" />'), files: { 'partials/head': '<p>Hi</p>' } },
        { name: 'explicit extension', language: 'mjml', code: wrap('<mj-include path="./partials/footer.mjml" />'), files: { 'partials/footer.mjml': '<mj-section></mj-section>' } },
      ],
      invalid: [
        {
          name: 'extension left out',
          language: 'mjml',
          code: wrap('<mj-include path="⟦partials/footer⟧" />'),
          files: { 'partials/footer.mjml': '<mj-section></mj-section>' },
          messageIds: ['missing-extension'],
        },
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

test('missing extension fix appends .mjml', () => {
  const [finding] = checkSnippet(wrap('<mj-include path="partials/footer" />'), {
    language: 'mjml',
    files: { 'partials/footer.mjml': '<mj-section></mj-section>' },
  }).filter((candidate) => candidate.ruleId === 'include-problem');

  assert.deepEqual(finding.fix, {
    title: 'Add .mjml to the include path',
    edits: [{ path: '/workspace/template.mjml', start: 48, end: 48, newText: '.mjml' }],
  });
});
