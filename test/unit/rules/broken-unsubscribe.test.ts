import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const HEAD = '<!-- presend\ncategory: marketing\n-->\n<p>418 Alder Creek Road, Millbrook, OR 97999</p>\n';

test('broken-unsubscribe', (t) => {
  return assertRuleCases(
    'broken-unsubscribe',
    {
      valid: [
        { name: 'https link', code: `${HEAD}<a href="https://example.org/unsubscribe">Unsubscribe</a>` },
        { name: 'esp tag', code: `${HEAD}<a href="*|UNSUB|*">Unsubscribe</a>` },
        { name: 'transactional is not checked', code: '<!-- presend\ncategory: transactional\n-->\n<a href="#">Unsubscribe</a>' },
        { name: 'other links with #', code: `${HEAD}<a href="#top">Back to top</a><a href="{{unsubscribe_url}}">Unsubscribe</a>` },
      ],
      invalid: [
        { name: 'hash', code: `${HEAD}<a href="⟦#⟧">Unsubscribe</a>`, data: [{ reason: 'a page anchor' }] },
        { name: 'javascript', code: `${HEAD}<a href="⟦javascript:void(0)⟧">Unsubscribe</a>`, data: [{ reason: 'a javascript: URL' }] },
        { name: 'empty href', code: `${HEAD}⟦<a href="">Unsubscribe</a>⟧`, data: [{ reason: 'empty' }] },
        { name: 'plain http', code: `${HEAD}<a href="⟦http://example.org/unsubscribe⟧">Unsubscribe</a>`, messageIds: ['insecure'] },
        {
          name: 'mjml button',
          language: 'mjml',
          code: '<!-- presend\ncategory: marketing\n-->\n<mjml><mj-body><mj-section><mj-column><mj-text>PO Box 4, Millbrook, OR 97999</mj-text><mj-button href="⟦#⟧">Unsubscribe</mj-button></mj-column></mj-section></mj-body></mjml>',
        },
      ],
    },
    t,
  );
});
