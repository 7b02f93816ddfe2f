import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const FOOTER = '<p>Riverbend Family Clinic, 418 Alder Creek Road, Millbrook, OR 97999. <a href="{{unsubscribe_url}}">Unsubscribe</a></p>';
const OFFER = '<p>Save 20% on teeth whitening with promo code SPRING20.</p>';
const head = (lines: string) => `<!-- presend\n${lines}\n-->\n`;

test('missing-ad-label', (t) => {
  return assertRuleCases(
    'missing-ad-label',
    {
      valid: [
        { name: 'transactional', code: `${head('category: transactional')}<p>Your lab results are ready.</p>` },
        { name: 'fundraising is not commercial', code: `${head('category: fundraising')}<p>Please give to the new wing.</p>${FOOTER}` },
        { name: 'advertisement in the footer', code: `${head('category: marketing')}${OFFER}<p>Advertisement. ${FOOTER}</p>` },
        { name: 'promotional message notice', code: `${head('category: marketing')}<p>This is a promotional message from Riverbend Family Clinic.</p>${OFFER}${FOOTER}` },
        { name: 'subject starts with Ad:', code: `${head('category: marketing\nsubject: "Ad: spring whitening offer"')}${OFFER}${FOOTER}` },
        { name: 'bracketed label', code: `${head('category: marketing')}<p>[Ad] ${OFFER}</p>${FOOTER}` },
        { name: 'affirmative consent', code: `${head('category: marketing\nconsent: affirmative')}${OFFER}${FOOTER}` },
        {
          name: 'configured phrase',
          code: `${head('category: marketing')}${OFFER}<p>Riverbend offer notice.</p>${FOOTER}`,
          config: { rules: { 'missing-ad-label': { options: { phrases: ['offer notice'] } } } },
        },
      ],
      invalid: [
        { name: 'declared marketing', code: `⟦<!-- presend⟧\ncategory: marketing\n-->\n${OFFER}${FOOTER}` },
        { name: 'inferred marketing', code: `⟦${OFFER}⟧\n${FOOTER}` },
        { name: 'hidden label does not count', code: `⟦<!-- presend⟧\ncategory: marketing\n-->\n<div style="display:none">Advertisement</div>${OFFER}${FOOTER}` },
        { name: '"ad" as a word is not a label', code: `⟦<!-- presend⟧\ncategory: marketing\n-->\n<p>Our new ad campaign: ${OFFER}</p>${FOOTER}` },
        {
          name: 'configured phrases replace the defaults',
          code: `⟦<!-- presend⟧\ncategory: marketing\n-->\n<p>Advertisement.</p>${OFFER}${FOOTER}`,
          config: { rules: { 'missing-ad-label': { options: { phrases: ['offer notice'] } } } },
        },
        { name: 'commercial mix', code: `⟦${OFFER}⟧\n<p>Your lab results are ready.</p>${FOOTER}` },
      ],
    },
    t,
  );
});
