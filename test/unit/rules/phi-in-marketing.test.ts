import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const footer = '<p>418 Alder Creek Road, Millbrook, OR 97999 <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>';
const marketing = (body: string, extra = ''): string => `<!-- presend\ncategory: marketing\nsubject: Classes\n${extra}-->\n${body}${footer}`;

test('phi-in-marketing', (t) => {
  return assertRuleCases(
    'phi-in-marketing',
    {
      valid: [
        { name: 'documented authorization', code: marketing('<p>Because you were diagnosed with diabetes: {{ dx_code }}</p>', 'authorization: documented\n') },
        { name: 'refill reminder', code: marketing('<p>Time to refill {{ medication_name }}.</p>', 'purpose: refill-reminder\n') },
        { name: 'own services', code: marketing('<p>Managing your diabetes: our class.</p>', 'purpose: own-services\n') },
        { name: 'transactional', code: '<!-- presend\ncategory: transactional\nsubject: Visit\n-->\n<p>Your {{ appt.type }} visit.</p>' },
        { name: 'fundraising', code: '<!-- presend\ncategory: fundraising\nsubject: Gift\n-->\n<p>Thank you for trusting our {{ department }} team.</p>' },
        { name: 'first name and general tips', code: marketing('<p>Hi {{ FNAME }}, flu shots are here. COVID-19 vaccine clinic on Saturday.</p>') },
      ],
      invalid: [
        { name: 'clinical field', code: marketing('<p>Because of your ⟦{{ dx_code }}⟧, try our class.</p>'), data: [{ field: 'dx_code' }] },
        { name: 'targeting', code: marketing('<p>⟦Because you were diagnosed with diabetes⟧, join us.</p>'), messageIds: ['targeting'] },
        { name: 'targeting in the subject', code: '<!-- presend\ncategory: marketing\nsubject: A class for ⟦your diabetes⟧\n-->\n<p>Join us.</p>' + footer, messageIds: ['targeting'] },
      ],
    },
    t,
  );
});

test('the hover names the exceptions and their conditions', () => {
  const [finding] = checkSnippet(marketing('<p>Your {{ dx_code }}.</p>')).filter((candidate) => candidate.ruleId === 'phi-in-marketing');
  assert.match(finding.detail ?? '', /purpose: refill-reminder/);
  assert.match(finding.detail ?? '', /reasonably related to the cost/);
  assert.match(finding.detail ?? '', /no third party pays/);
});
