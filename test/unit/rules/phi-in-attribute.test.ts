import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const head = '<!-- presend\ncategory: transactional\nsubject: Your visit\n-->\n';

test('phi-in-attribute', (t) => {
  return assertRuleCases(
    'phi-in-attribute',
    {
      valid: [
        { name: 'first name in alt', code: `${head}<img src="https://x.example/i.png" alt="Welcome {{ patient.first_name }}">` },
        { name: 'logo alt', code: `${head}<img src="https://x.example/i.png" alt="Riverbend Family Clinic logo">` },
        { name: 'vaccine clinic alt', code: `${head}<img src="https://x.example/i.png" alt="COVID-19 vaccine clinic">` },
        { name: 'visible clinical field', code: `${head}<p>Your {{ appt.type }} visit.</p>` },
        { name: 'Outlook-only hiding', code: `${head}<div style="mso-hide:all">Code {{ dx_code }}</div>` },
        { name: 'hidden preheader belongs to phi-in-subject', code: '<html><head><title>Hi</title></head><body><div class="preheader" style="display:none">Your {{ dx_code }}</div><p>Hi</p></body></html>' },
      ],
      invalid: [
        { name: 'clinical alt', code: `${head}<img src="https://x.example/i.png" alt="Chart for ⟦{{ patient.diagnosis }}⟧">`, data: [{ place: 'alt text', exposure: 'mail clients show it where images are blocked, as a tooltip and to screen readers, and it goes into the plain-text part', field: 'patient.diagnosis', phiClass: 'clinical' }] },
        { name: 'title attribute', code: `${head}<a href="{{ portal_link }}" title="See ⟦{{ test_results }}⟧">Portal</a>` },
        { name: 'aria-label', code: `${head}<a href="{{ portal_link }}" aria-label="Open ⟦{{ mrn }}⟧">Portal</a>` },
        { name: 'condition in alt', code: `${head}<img src="https://x.example/i.png" alt="Your ⟦oncology⟧ team">`, messageIds: ['condition'] },
        { name: 'SSN in title', code: `${head}<span title="SSN ⟦219-09-9988⟧">Form</span>`, messageIds: ['identifier'] },
        { name: 'hidden text', code: `${head}<div style="display:none">Ref ⟦{{ mrn }}⟧</div><p>Hi</p>` },
        { name: 'mj-image alt', language: 'mjml', code: '<mjml><mj-body><mj-section><mj-column><mj-image src="https://x.example/i.png" alt="⟦{{ dx_code }}⟧" /></mj-column></mj-section></mj-body></mjml>' },
      ],
    },
    t,
  );
});
