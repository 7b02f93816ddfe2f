import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const ADDRESS = '<p>Riverbend Family Clinic, 418 Alder Creek Road, Millbrook, OR 97999</p>';
const head = (category: string) => `⟦<!-- presend⟧\ncategory: ${category}\n-->\n`;
const cleanHead = (category: string) => `<!-- presend\ncategory: ${category}\n-->\n`;

test('missing-unsubscribe', (t) => {
  return assertRuleCases(
    'missing-unsubscribe',
    {
      valid: [
        { name: 'transactional template', code: `${cleanHead('transactional')}<p>Your visit is on Tuesday.</p>` },
        { name: 'link text', code: `${cleanHead('marketing')}${ADDRESS}<a href="https://example.org/u">Unsubscribe</a>` },
        { name: 'opt-out wording', code: `${cleanHead('marketing')}${ADDRESS}<a href="https://example.org/p">Manage your email preferences</a>` },
        { name: 'target says unsubscribe', code: `${cleanHead('marketing')}${ADDRESS}<a href="https://example.org/unsubscribe?t=1">click here</a>` },
        { name: 'mailchimp tag in href', code: `${cleanHead('marketing')}${ADDRESS}<a href="*|UNSUB|*">Leave this list</a>` },
        { name: 'handlebars tag in text', code: `${cleanHead('marketing')}${ADDRESS}<p>Leave: {{unsubscribe_url}}</p>` },
        { name: 'triple-stash tag', code: `${cleanHead('marketing')}${ADDRESS}<p>{{{unsubscribe}}}</p>` },
        { name: 'sendgrid tag', code: `${cleanHead('marketing')}${ADDRESS}<a href="<%asm_group_unsubscribe_raw_url%>">Leave</a>` },
        { name: 'campaign monitor element', code: `${cleanHead('marketing')}${ADDRESS}<unsubscribe style="color:#52606d">Unsubscribe</unsubscribe>` },
        { name: 'bracket tag', code: `${cleanHead('marketing')}${ADDRESS}<p>[unsubscribe]</p>` },
        { name: 'mailgun tag', code: `${cleanHead('marketing')}${ADDRESS}<a href="%unsubscribe_url%">Leave</a>` },
        { name: 'salesforce tag', code: `${cleanHead('marketing')}${ADDRESS}<a href="%%unsub_center_url%%">Leave</a>` },
        { name: 'configured tag', code: `${cleanHead('marketing')}${ADDRESS}<a href="{{ leave_link }}">Leave</a>`, config: { unsubscribe: { tags: ['{{ leave_link }}'] } } },
        {
          name: 'mjml button',
          language: 'mjml',
          code: `${cleanHead('marketing')}<mjml><mj-body><mj-section><mj-column><mj-text>418 Alder Creek Road, Millbrook, OR 97999</mj-text><mj-button href="{{unsubscribe_url}}">Unsubscribe</mj-button></mj-column></mj-section></mj-body></mjml>`,
        },
        {
          name: 'footer include',
          language: 'mjml',
          code: `${cleanHead('marketing')}<mjml><mj-body><mj-include path="footer.mjml" /></mj-body></mjml>`,
          files: { 'footer.mjml': '<mj-section><mj-column><mj-text>PO Box 12, Millbrook, OR 97999 <a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section>' },
        },
      ],
      invalid: [
        { name: 'marketing without opt-out', code: `${head('marketing')}${ADDRESS}<p>Spring fair on April 18.</p>`, data: [{ category: 'marketing' }] },
        { name: 'fundraising without opt-out', code: `${head('fundraising')}${ADDRESS}<p>Please give.</p>`, data: [{ category: 'fundraising' }] },
        { name: 'unrelated tag', code: `${head('marketing')}${ADDRESS}<p>Hello {{first_name}}</p>` },
        {
          name: 'first non-empty line',
          code: `\n\n  ⟦<!-- presend category: marketing -->⟧\n${ADDRESS}<p>Sale!</p>`,
        },
        {
          name: 'config category',
          code: `⟦<p>Spring fair.</p>⟧\n${ADDRESS}`,
          config: { defaults: { category: 'marketing' } },
        },
      ],
    },
    t,
  );
});
