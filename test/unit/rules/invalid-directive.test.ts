import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

test('invalid-directive', (t) => {
  return assertRuleCases(
    'invalid-directive',
    {
      valid: [
        { name: 'all keys', code: '<!-- presend\ncategory: marketing\nsubject: Spring fair\npreheader: See you there\nfrom: news@example.org\nlist: list.csv\nsuppression: suppressed.csv\nauthorization: documented\npurpose: own-services\nconsent: affirmative\npreviewData: sample.json\n-->\n<p>418 Alder Creek Road, Millbrook, OR 97999 <a href="{{unsubscribe_url}}">Unsubscribe</a></p>' },
        { name: 'no directive', code: '<p>Hello</p>' },
        { name: 'disable comment is not a directive', code: '<!-- presend-disable-file -->\n<p>Hello</p>' },
      ],
      invalid: [
        { name: 'unknown key', code: '<!-- presend\n⟦categroy⟧: marketing\n-->\n<p>Hi</p>', messageIds: ['unknown-key'] },
        { name: 'bad category', code: '<!-- presend\ncategory: ⟦promo⟧\n-->\n<p>Hi</p>', messageIds: ['invalid-value'] },
        { name: 'bad purpose', code: '<!-- presend\ncategory: marketing\npurpose: ⟦upsell⟧\n-->\n<p>418 Alder Creek Road, Millbrook, OR 97999 <a href="{{unsubscribe_url}}">Unsubscribe</a></p>', messageIds: ['invalid-value'] },
      ],
    },
    t,
  );
});
