import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const head = '<!-- presend\ncategory: transactional\nsubject: Your visit\n-->\n';

test('phi-in-url', (t) => {
  return assertRuleCases(
    'phi-in-url',
    {
      valid: [
        { name: 'portal link and token', code: `${head}<a href="{{ portal_link }}?token={{ token }}">Open</a>` },
        { name: 'appointment url', code: `${head}<a href="{{ appointment_url }}">Manage</a>` },
        { name: 'field that starts the URL', code: `${head}<a href="{{ fhir_address }}">API</a>` },
        { name: 'link-named clinical field', code: `${head}<a href="https://x.example/?next={{ lab_results_link }}">Results</a>` },
        { name: 'mailto', code: `${head}<a href="mailto:{{ patient.email }}">Write</a>` },
        { name: 'campaign by date', code: `${head}<a href="https://x.example/?utm_campaign=2025-04">Read</a>` },
        { name: 'awareness campaign', code: `${head}<a href="https://x.example/?utm_campaign=cancer-awareness-month">Read</a>` },
        { name: 'bare number in a query', code: `${head}<a href="https://x.example/news?id=5032348812">News</a>` },
      ],
      invalid: [
        { name: 'identifier in query', code: `${head}<a href="https://x.example/?m=⟦{{ patient.mrn }}⟧">Open</a>`, data: [{ attribute: 'href', field: 'patient.mrn', phiClass: 'identifier' }] },
        { name: 'clinical in path', code: `${head}<a href="https://x.example/r/⟦{{dx_code}}⟧/info">Open</a>` },
        { name: 'financial in image src', code: `${head}<img src="https://x.example/b.png?a=⟦{{ balance_due }}⟧" alt="">` },
        { name: 'condition campaign', code: `${head}<a href="https://x.example/?utm_source=email&amp;⟦utm_campaign=diabetes-patients⟧">Read</a>`, messageIds: ['campaign'], data: [{ parameter: 'utm_campaign', term: 'diabetes' }] },
        { name: 'literal phone under a phone parameter', code: `${head}<a href="https://x.example/cb?⟦phone=5032348812⟧">Call me</a>`, messageIds: ['identifier'] },
        { name: 'literal SSN', code: `${head}<a href="https://x.example/w9?ssn=⟦219-09-9999⟧">Form</a>`, messageIds: ['identifier'] },
        { name: 'mailchimp email', code: `${head}<a href="https://x.example/?e=⟦*|EMAIL|*⟧">Update</a>` },
        { name: 'mjml button', language: 'mjml', code: '<mjml><mj-body><mj-section><mj-column><mj-button href="https://x.example/?dob=⟦{{ patient.dob }}⟧">Open</mj-button></mj-column></mj-section></mj-body></mjml>' },
      ],
    },
    t,
  );
});
