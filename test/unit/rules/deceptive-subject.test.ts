import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const OFFER = '<p>Save 20% on teeth whitening with promo code SPRING20.</p>';
const RESULTS = '<p>Your lab results are ready in the patient portal.</p>';
const titled = (subject: string, body: string, directive = '') => `${directive}<html><head><title>${subject}</title></head><body>${body}</body></html>`;

test('deceptive-subject', (t) => {
  return assertRuleCases(
    'deceptive-subject',
    {
      valid: [
        { name: 'transactional subject on a notice', code: titled('Your lab results are ready', RESULTS) },
        { name: 'promotional subject on an ad', code: titled('Spring smile special: 20% off whitening', OFFER) },
        { name: 'account wording inside a promotional subject', code: titled('Upgrade your account and save 20%', OFFER) },
        { name: 'neutral subject on an ad', code: titled('Riverbend spring news', OFFER) },
        { name: 'commercial mix that carries the named notice', code: titled('Your appointment is confirmed', `${OFFER}<p>Your appointment is confirmed for {{date}}.</p>`) },
        { name: 'reply prefix on a transactional message', code: titled('Re: your question about billing', '<p>Your statement is attached.</p>') },
        { name: 'no subject', code: OFFER },
        {
          name: 'phrases are configurable',
          code: titled('Important notice', OFFER),
          config: { rules: { 'deceptive-subject': { options: { relationshipPhrases: ['your account'] } } } },
        },
      ],
      invalid: [
        { name: 'account notice on an ad', code: `<html><head><title>⟦Important account notice⟧</title></head><body>${OFFER}</body></html>`, messageIds: ['relationship'], data: [{ text: 'Important account notice' }] },
        { name: 'results on an ad', code: `<html><head><title>⟦Your results⟧</title></head><body>${OFFER}</body></html>`, messageIds: ['relationship'], data: [{ text: 'Your results' }] },
        { name: 'action required on an ad', code: `<html><head><title>⟦Action required: your spring offer⟧</title></head><body>${OFFER}</body></html>`, messageIds: ['relationship'], data: [{ text: 'Action required' }] },
        { name: 'reply prefix on an ad', code: `<html><head><title>⟦Re: your visit⟧</title></head><body>${OFFER}</body></html>`, messageIds: ['replyPrefix'], data: [{ text: 'Re:' }] },
        { name: 'forward prefix on a commercial mix', code: `<html><head><title>⟦Fwd: spring news⟧</title></head><body>${OFFER}${RESULTS}</body></html>`, messageIds: ['replyPrefix'], data: [{ text: 'Fwd:' }] },
        { name: 'forward prefix on a promotional subject', code: `<html><head><title>⟦Fwd: 20% off whitening⟧</title></head><body>${OFFER}</body></html>`, messageIds: ['replyPrefix'], data: [{ text: 'Fwd:' }] },
        {
          name: 'declared marketing with a statement subject',
          code: `<!-- presend\ncategory: marketing\nsubject: ⟦Your account statement⟧\n-->\n<p>Spring news from Riverbend.</p>`,
          messageIds: ['relationship'],
          data: [{ text: 'Your account' }],
        },
        {
          name: 'promotional subject on a declared transactional notice',
          code: `<!-- presend\ncategory: transactional\nsubject: ⟦20% off whitening + your results⟧\n-->\n${RESULTS}`,
          messageIds: ['promotional'],
          data: [{ phrases: "'20% off', 'whitening'" }],
        },
      ],
    },
    t,
  );
});

