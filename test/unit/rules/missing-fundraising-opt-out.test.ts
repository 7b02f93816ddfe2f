import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const clean = '<!-- presend\ncategory: fundraising\n-->\n<p>PO Box 2210, Millbrook, OR 97999</p>\n';
const marked = '⟦<!-- presend⟧\ncategory: fundraising\n-->\n<p>PO Box 2210, Millbrook, OR 97999</p>\n';

test('missing-fundraising-opt-out', (t) => {
  return assertRuleCases(
    'missing-fundraising-opt-out',
    {
      valid: [
        { name: 'sentence with link', code: `${clean}<p>To stop receiving fundraising requests from us, <a href="https://example.org/opt-out">opt out here</a>.</p>` },
        { name: 'link text names fundraising', code: `${clean}<a href="{{unsubscribe_url}}">Opt out of fundraising emails</a>` },
        { name: 'opt-out merge tag', code: `${clean}<a href="{{fundraising_opt_out_url}}">Click here</a>` },
        { name: 'marketing is not checked', code: '<!-- presend\ncategory: marketing\n-->\n<p>Hello</p>' },
      ],
      invalid: [
        { name: 'general unsubscribe only', code: `${marked}<p>Please give.</p><a href="{{unsubscribe_url}}">Unsubscribe from all email</a>` },
        { name: 'no opt-out', code: `${marked}<p>Please give to our fundraising drive.</p>` },
        { name: 'hidden opt-out', code: `${marked}<p style="display:none">Opt out of fundraising</p>` },
      ],
    },
    t,
  );
});
