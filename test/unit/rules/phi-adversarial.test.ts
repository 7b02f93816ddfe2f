import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnippet } from '../../support/rule-tester';

// Templates of about 100 KB built to make the PHI rules' own regular expressions (URL parts,
// query separators, inline sizes, age nouns, YAML quoting) or their span mapping go quadratic.
// A hang fails through the test runner's timeout; nothing here measures time.
const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const head = '<!-- presend\ncategory: marketing\nsubject: Your {{ dx_code }} visit\n-->\n';

const INPUTS: Record<string, string> = {
  longQuery: `${head}<a href="https://x.example/?${fill('a=1&amp;')}">x</a>`,
  ampersands: `${head}<a href="https://x.example/?${fill('&')}">x</a>`,
  hashes: `${head}<a href="https://x.example/?${fill('&#38;#')}">x</a>`,
  slashes: `${head}<a href="${fill('//')}">x</a>`,
  schemes: `${head}<a href="${fill('a:')}">x</a>`,
  style: `${head}<img src="https://x.example/?a={{ token }}" style="${fill('width: 1')}" alt="">`,
  ages: `${head}<p>${fill('92-year-old ')}</p>`,
  manyTags: `${head}<p>${fill('{{ dx_code }} ')}</p>`,
  manyRuns: `${head}${fill('<b>DOB:</b> 1/')}`,
  altTerms: `${head}<img src="a.png" alt="${fill('HIV ')}">`,
};

for (const [name, input] of Object.entries(INPUTS)) {
  test(`PHI rules on adversarial input: ${name}`, () => {
    assert.ok(Array.isArray(checkSnippet(input)));
  });
}
