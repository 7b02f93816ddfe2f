import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const body = '<p>Hello.</p>';
const directive = (subject: string, extra = ''): string => `<!-- presend\ncategory: transactional\nsubject: ${subject}\n${extra}-->\n${body}`;
const mjml = (head: string): string => `<mjml><mj-head>${head}</mj-head><mj-body><mj-section><mj-column><mj-text>Hello.</mj-text></mj-column></mj-section></mj-body></mjml>`;

test('phi-in-subject', (t) => {
  return assertRuleCases(
    'phi-in-subject',
    {
      valid: [
        { name: 'first name', code: directive('"{{ patient.first_name }}, your visit is confirmed"') },
        { name: 'neutral field', code: directive('Your visit at {{ clinic.name }}') },
        { name: 'vaccine clinic', code: directive('COVID-19 vaccine clinic on Saturday') },
        { name: 'awareness month', code: directive('Breast Cancer Awareness Month: free screenings') },
        { name: 'fictional phone', code: directive('Call 503-555-0142') },
        { name: 'override to neutral', code: directive('Your {{ appt.type }} visit'), config: { phi: { fields: { 'appt.type': 'neutral' } } } },
        { name: 'financial field is not listed', code: directive('Statement for {{ balance_due }}') },
      ],
      invalid: [
        { name: 'clinical field in directive', code: directive('Your ⟦{{ appt.type }}⟧ visit'), data: [{ place: 'subject line', field: 'appt.type', phiClass: 'clinical' }] },
        { name: 'identifier field', code: directive('Chart ⟦{{ mrn }}⟧'), data: [{ place: 'subject line', field: 'mrn', phiClass: 'identifier' }] },
        { name: 'condition term', code: directive('Your ⟦dialysis⟧ schedule'), messageIds: ['condition'] },
        { name: 'literal SSN', code: directive('SSN ⟦219-09-9999⟧ on file'), messageIds: ['identifier'] },
        { name: 'mj-title with entity', language: 'mjml', code: mjml('<mj-title>Tips &amp; news: ⟦HIV⟧ clinic</mj-title>'), messageIds: ['condition'] },
        { name: 'html title', code: '<html><head><title>Your ⟦{{dx_code}}⟧ results</title></head><body><p>Hi</p></body></html>' },
        { name: 'preheader', language: 'mjml', code: mjml('<mj-title>Your visit</mj-title><mj-preview>About ⟦{{ test_results }}⟧</mj-preview>'), data: [{ place: 'preheader', field: 'test_results', phiClass: 'clinical' }] },
        { name: 'custom term', code: directive('Your ⟦sleep apnea⟧ study'), messageIds: ['condition'], config: { phi: { conditionTerms: ['sleep apnea'] } } },
      ],
    },
    t,
  );
});

test('phi-in-subject offers the neutral subject as a fix', () => {
  const code = directive('Your {{ appt.type }} visit');
  const [finding] = checkSnippet(code).filter((candidate) => candidate.ruleId === 'phi-in-subject');
  const edit = finding.fix?.edits[0];
  assert.equal(edit?.newText, 'A message from your care team');
  assert.equal(code.slice(edit?.start, edit?.end), 'Your {{ appt.type }} visit');
});

test('the fix uses the configured subject and escapes it for <title>', () => {
  const code = '<html><head><title>Your {{dx_code}} results</title></head><body><p>Hi</p></body></html>';
  const [finding] = checkSnippet(code, { config: { phi: { neutralSubject: 'News & updates' } } }).filter((candidate) => candidate.ruleId === 'phi-in-subject');
  assert.deepEqual(finding.fix?.edits.map((edit) => [code.slice(edit.start, edit.end), edit.newText]), [['Your {{dx_code}} results', 'News &amp; updates']]);
});

test('fix: rule option wins, YAML quoted', () => {
  const code = directive('Your {{ appt.type }} visit');
  const config = { phi: { neutralSubject: 'Ignored' }, rules: { 'phi-in-subject': { options: { neutralSubject: 'Update: your care team' } } } };
  const [finding] = checkSnippet(code, { config }).filter((candidate) => candidate.ruleId === 'phi-in-subject');
  assert.equal(finding.fix?.edits[0].newText, '"Update: your care team"');
});
