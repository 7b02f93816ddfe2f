import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const head = (category: string) => `<!-- presend\ncategory: ${category}\n-->\n`;
const RESULTS = '<p>Your lab results are ready in the patient portal.</p>';
const OFFER = '<p>Save 20% on teeth whitening with promo code SPRING20.</p>';

test('promotional-in-transactional', (t) => {
  return assertRuleCases(
    'promotional-in-transactional',
    {
      valid: [
        { name: 'transactional without promotion', code: `${head('transactional')}${RESULTS}\n<p>Questions? Call (503) 555-0142.</p>` },
        { name: 'marketing may promote', code: `${head('marketing')}${OFFER}` },
        { name: 'inferred marketing', code: OFFER },
        { name: 'offer first makes the inferred message commercial', code: `${OFFER}\n${RESULTS}` },
        { name: 'hidden preheader is not content', code: `${head('transactional')}<div style="display:none">Save 20% with promo code SPRING20</div>\n${RESULTS}` },
        { name: 'footer markers alone are not an offer', code: `${head('transactional')}${RESULTS}\n<p>View in browser | <a href="{{unsubscribe_url}}">Unsubscribe</a></p>` },
      ],
      invalid: [
        {
          name: 'declared transactional with an offer after the notice',
          code: `${head('transactional')}${RESULTS}\n⟦${OFFER}⟧`,
          data: [{ phrases: "'Save 20%', 'teeth whitening', 'promo code'", source: 'declared' }],
        },
        {
          name: 'inferred transactional, two offers apart',
          code: `${RESULTS}\n<h2>Smile brighter</h2>\n⟦${OFFER}⟧\n<p>Your results are ready in the portal.</p>\n⟦<p>Ask about our membership plans.</p>⟧`,
          data: [
            { phrases: "'Save 20%', 'teeth whitening', 'promo code'", source: 'presumed' },
            { phrases: "'membership plans'", source: 'presumed' },
          ],
        },
        {
          name: 'consecutive offer blocks are one finding',
          code: `${RESULTS}\n<h2>Smile brighter</h2>\n⟦${OFFER}⟧\n<p>Ask about our membership plans.</p>`,
          data: [{ phrases: "'Save 20%', 'teeth whitening', 'promo code'", source: 'presumed' }],
        },
        {
          name: 'declared transactional with the offer first',
          code: `${head('transactional')}⟦${OFFER}⟧\n${RESULTS}`,
        },
        {
          name: 'config-declared transactional',
          code: `${RESULTS}\n⟦${OFFER}⟧`,
          config: { defaults: { category: 'transactional' } },
          data: [{ phrases: "'Save 20%', 'teeth whitening', 'promo code'", source: 'declared' }],
        },
        {
          name: 'first line of a multi-line block',
          language: 'mjml',
          code: `${head('transactional')}<mjml><mj-body><mj-section><mj-column>\n<mj-text>Your appointment is confirmed for {{date}}.</mj-text>\n⟦<mj-text>⟧
Limited time: book now and save 15% on whitening.
</mj-text>
</mj-column></mj-section></mj-body></mjml>`,
        },
        {
          name: 'one-line template stops at the block end',
          code: `${head('transactional')}${RESULTS}⟦${OFFER}⟧<p>Riverbend Family Clinic</p>`,
        },
        {
          name: 'several promotional phrases are summarised',
          code: `${head('transactional')}${RESULTS}\n⟦<p>Limited time: save 20% on teeth whitening, Botox and facials with promo code GLOW.</p>⟧`,
          data: [{ phrases: "'Limited time', 'save 20%', 'teeth whitening', 'Botox' and 1 more", source: 'declared' }],
        },
      ],
    },
    t,
  );
});
