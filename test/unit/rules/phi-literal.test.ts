import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

// Hand-written, made-up identifiers in valid formats (none has a checksum): SSN area 219 group 09,
// the NANP number 503-234-8812 and a label-qualified MRN. The NPI 1234567893 is the format's
// published example, a provider number.
const head = '<!-- presend\ncategory: transactional\nsubject: Your visit\n-->\n';

test('phi-literal', (t) => {
  return assertRuleCases(
    'phi-literal',
    {
      valid: [
        { name: 'invalid SSN area', code: `${head}<p>Ref 666-12-3456</p>` },
        { name: 'sample SSN', code: `${head}<p>SSN 123-45-6789</p>` },
        { name: 'fictional phone', code: `${head}<p>Your cell on file: 503-555-0142</p>` },
        { name: 'sender phone', code: `${head}<p>Call us at 503-234-8812.</p>` },
        { name: 'own phone in config', code: `${head}<p>Your cell on file: (503) 234-8812</p>`, config: { organization: { phones: ['503-234-8812'] } } },
        { name: 'room, suite, W-2, A1C, year', code: `${head}<p>Room 101, Suite 200. Your 2024 W-2. Your A1C check. Since 1952.</p>` },
        { name: 'event date', code: `${head}<p>Join us on May 14, 2025.</p>` },
        { name: 'provider NPI', code: `${head}<p>Dr. Sam Okafor, NPI 1234567893</p>` },
        { name: 'old hospital', code: `${head}<p>Our 100-year-old hospital turns a page.</p>` },
        { name: 'conditional comment markup', code: `${head}<!--[if mso]><table width="600"><tr><td>503-234-8812</td></tr></table><![endif]--><p>Hi</p>` },
      ],
      invalid: [
        { name: 'SSN in copy', code: `${head}<p>SSN ⟦219-09-9999⟧</p>`, data: [{ kind: 'a Social Security number', value: '•••-••-••99' }] },
        { name: 'DOB across cells', code: `${head}<table><tr><td>DOB:</td><td>⟦04/17/1958⟧</td></tr></table>` },
        { name: 'MRN', code: `${head}<p><b>MRN:</b> ⟦40719923⟧</p>` },
        { name: 'patient phone', code: `${head}<p>We will text your cell at ⟦503-234-8812⟧.</p>` },
        { name: 'comment', code: `${head}<!-- test patient MRN ⟦48213377⟧ -->\n<p>Hi</p>`, messageIds: ['comment'] },
        { name: 'entity before the value', code: `${head}<p>Tom &amp; Ann, SSN ⟦219-09-9999⟧</p>` },
      ],
    },
    t,
  );
});
