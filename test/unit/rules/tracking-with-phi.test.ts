import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const head = '<!-- presend\ncategory: transactional\nsubject: Your visit\n-->\n<p>Your {{ appt.type }} visit is on {{ appt.date }}.</p>\n';
const noPhi = '<!-- presend\ncategory: marketing\nsubject: News\n-->\n<p>Hi {{ FNAME }}, classes are open. 418 Alder Creek Road, Millbrook, OR 97999 <a href="*|UNSUB|*">Unsubscribe</a></p>\n';

test('tracking-with-phi', (t) => {
  return assertRuleCases(
    'tracking-with-phi',
    {
      valid: [
        { name: 'no PHI with tracking', code: `${noPhi}<a href="https://x.us1.list-manage.com/track/click?u=1&amp;utm_source=email">Read</a><img src="https://www.google-analytics.com/collect?v=1" width="1" height="1" alt="">` },
        { name: 'allowed vendor', code: `${head}<a href="https://click.e.riverbend-clinic.example/?qs=1">Open</a>`, config: { trackers: { allow: ['click.e.riverbend-clinic.example'] } } },
        { name: 'spacer gif', code: `${head}<img src="https://cdn.x.example/spacer.gif" width="1" height="1" alt="">` },
        { name: 'own-domain pixel', code: `${head}<img src="https://www.riverbend-clinic.example/o.gif?m={{ token }}" width="1" height="1" alt="">`, config: { organization: { domains: ['riverbend-clinic.example'] } } },
        { name: 'allowed parameter', code: `${head}<a href="https://x.example/?utm_source=email">Open</a>`, config: { rules: { 'tracking-with-phi': { options: { allowParameters: ['utm_source'] } } } } },
        { name: 'facebook page link', code: `${head}<a href="https://www.facebook.com/riverbend">Facebook</a>` },
      ],
      invalid: [
        { name: 'GA pixel', code: `${head}⟦<img src="https://www.google-analytics.com/collect?v=1" width="1" height="1" alt="">⟧`, messageIds: ['pixel'] },
        { name: 'hidden pixel with a query', code: `${head}⟦<img src="https://p.vendor.test/o.gif?u={{ token }}" style="display:none" alt="">⟧`, messageIds: ['pixel'] },
        { name: 'mailchimp click tracking', code: `${head}<a href="⟦https://x.us1.list-manage.com/track/click?u=1⟧">Open</a>`, messageIds: ['clickTracker'], data: [{ evidence: "the clinical field 'appt.type'", vendor: 'Mailchimp click tracking', host: 'x.us1.list-manage.com' }] },
        { name: 'sendgrid', code: `${head}<a href="⟦https://u1.ct.sendgrid.net/wf/click?upn=1⟧">Open</a>`, messageIds: ['clickTracker'] },
        { name: 'mailgun', code: `${head}<a href="⟦https://email.mg.x.example/c/abc⟧">Open</a>`, messageIds: ['clickTracker'] },
        { name: 'utm parameters', code: `${head}<a href="⟦https://x.example/?utm_source=email&amp;gclid=1⟧">Open</a>`, messageIds: ['analytics'], data: [{ evidence: "the clinical field 'appt.type'", parameters: 'utm_source, gclid' }] },
      ],
    },
    t,
  );
});
