import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const OPT_OUT = '<a href="{{unsubscribe_url}}">Unsubscribe</a>';
const clean = '<!-- presend\ncategory: marketing\n-->\n';
const marked = '⟦<!-- presend⟧\ncategory: marketing\n-->\n';

test('missing-postal-address', (t) => {
  return assertRuleCases(
    'missing-postal-address',
    {
      valid: [
        { name: 'street with state and zip', code: `${clean}<p>Riverbend Clinic · 418 Alder Creek Road, Millbrook, OR 97999</p>${OPT_OUT}` },
        { name: 'street on two lines', code: `${clean}<p>418 Alder Creek Rd.<br>Suite 200<br>Millbrook, Oregon 97999</p>${OPT_OUT}` },
        { name: 'po box', code: `${clean}<p>Riverbend Foundation, P.O. Box 2210</p>${OPT_OUT}` },
        { name: 'private mailbox', code: `${clean}<p>PMB 118, Millbrook</p>${OPT_OUT}` },
        { name: 'uk postcode', code: `${clean}<p>12 Harbour Street, Leith, Edinburgh EH6 6QT</p>${OPT_OUT}` },
        { name: 'bars between parts', code: `${clean}<p>10 Harbor Road | Millbrook, MA | 02999</p>${OPT_OUT}` },
        { name: 'comma before zip', code: `${clean}<p>123 Alder Street, Millbrook, OR, 97999 US</p>${OPT_OUT}` },
        { name: 'european order', code: `${clean}<p>11111 Millbrook, 1212 Alder Street</p>${OPT_OUT}` },
        { name: 'mailchimp address tag', code: `${clean}<p>*|LIST:ADDRESSLINE|*</p>${OPT_OUT}` },
        { name: 'organisation address tag', code: `${clean}<p>{{ organization.address }}</p>${OPT_OUT}` },
        { name: 'transactional is not checked', code: '<!-- presend\ncategory: transactional\n-->\n<p>Hello</p>' },
      ],
      invalid: [
        { name: 'no address', code: `${marked}<p>Riverbend Family Clinic, Millbrook</p>${OPT_OUT}` },
        { name: 'suite alone', code: `${marked}<p>Suite 200, Room 101</p>${OPT_OUT}` },
        { name: 'patient address tag', code: `${marked}<p>Mailed to {{ patient.address }}</p>${OPT_OUT}` },
        { name: 'hidden address', code: `${marked}<p style="display:none">418 Alder Creek Road, Millbrook, OR 97999</p>${OPT_OUT}` },
        { name: 'street and town without state or postcode', code: `${marked}<p>1234 Alder St<br>Millbrook</p>${OPT_OUT}` },
        { name: 'street without city', code: `${marked}<p>We moved to 418 Alder Creek Road.</p>${OPT_OUT}` },
      ],
    },
    t,
  );
});
