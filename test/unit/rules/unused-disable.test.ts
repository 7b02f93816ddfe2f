import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

test('unused-disable', (t) => {
  return assertRuleCases(
    'unused-disable',
    {
      valid: [
        { name: 'used disable', code: '<!-- presend-disable-file missing-unsubscribe -->\n<!-- presend\ncategory: marketing\n-->\n<p>418 Alder Creek Road, Millbrook, OR 97999</p>' },
      ],
      invalid: [
        { name: 'nothing to suppress', code: '⟦<!-- presend-disable-next-line broken-unsubscribe -->⟧\n<p>Hello</p>', messageIds: ['unused'] },
        { name: 'unknown rule', code: '⟦<!-- presend-disable no-such-rule -->⟧\n<p>Hello</p>', messageIds: ['unknownRule'] },
      ],
    },
    t,
  );
});
