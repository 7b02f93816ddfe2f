import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRuleCases, checkSnippet } from '../../support/rule-tester';

const head = '<!-- presend\ncategory: transactional\nsubject: Your visit\n-->\n<p>Your {{ dx_code }} results.</p>\n';

test('insecure-link', (t) => {
  return assertRuleCases(
    'insecure-link',
    {
      valid: [
        { name: 'https', code: `${head}<a href="https://x.example/">Home</a>` },
        { name: 'no PHI', code: '<!-- presend\ncategory: transactional\nsubject: Hi\n-->\n<p>Hello {{ first_name }}.</p><a href="http://x.example/">Home</a>' },
        { name: 'unsubscribe left to broken-unsubscribe', code: '<!-- presend\ncategory: marketing\nsubject: Hi\n-->\n<p>Your {{ dx_code }}. 418 Alder Creek Road, Millbrook, OR 97999</p><a href="http://x.example/unsubscribe">Unsubscribe</a>' },
      ],
      invalid: [
        { name: 'http link', code: `${head}<a href="⟦http://x.example/portal⟧">Portal</a>` },
        { name: 'http image', code: `${head}<img src="⟦http://x.example/logo.png⟧" alt="Logo">`, messageIds: ['image'] },
      ],
    },
    t,
  );
});

test('insecure-link fixes the scheme', () => {
  const code = `${head}<a href=" HTTP://x.example/portal">Portal</a>`;
  const [finding] = checkSnippet(code).filter((candidate) => candidate.ruleId === 'insecure-link');
  const edit = finding.fix?.edits[0];
  assert.deepEqual([code.slice(edit?.start, edit?.end), edit?.newText], ['HTTP', 'https']);
});
