import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConditionTargeting, findConditionTerms } from '../../../server/src/core/phi/conditions';
import { detectIdentifiers } from '../../../server/src/core/phi/detect';
import { detectAgeOver89 } from '../../../server/src/core/phi/detectors/age';
import { detectDea } from '../../../server/src/core/phi/detectors/dea';
import { detectDob } from '../../../server/src/core/phi/detectors/dob';
import { detectEmails } from '../../../server/src/core/phi/detectors/email';
import { detectIcd10 } from '../../../server/src/core/phi/detectors/icd10';
import { detectMbi } from '../../../server/src/core/phi/detectors/mbi';
import { detectNdc } from '../../../server/src/core/phi/detectors/ndc';
import { detectNpi } from '../../../server/src/core/phi/detectors/npi';
import { detectPhones } from '../../../server/src/core/phi/detectors/phone';
import { detectRecordNumbers } from '../../../server/src/core/phi/detectors/record-numbers';
import { detectSsn } from '../../../server/src/core/phi/detectors/ssn';
import { classifyField } from '../../../server/src/core/phi/fields';

// Inputs of about 100 KB built to make backtracking regular expressions or quadratic scans
// hang. A hang fails through the test runner's timeout; nothing here measures time.
const SIZE = 100_000;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

const INPUTS: Record<string, string> = {
  digits: fill('1'),
  mixedDigits: fill('5362212349'),
  dashedOnes: fill('1-'),
  dottedOnes: fill('1.'),
  spacedOnes: fill('1 '),
  ats: fill('aaaa@'),
  atsWithDots: fill('a.a@a.'),
  icdPrefix: fill('E11.'),
  icdDotted: fill('E11.9 '),
  spaces: fill(' '),
  dashes: fill('-'),
  contextWords: fill('SSN NPI DEA NDC DOB MRN dx age patient your phone '),
  labelsAndDigits: fill('MRN: 1-'),
  mbiLike: fill('1EG4-'),
  parens: fill('(555) '),
  yearsOld: fill('92-year-'),
  conditions: fill('for patients with '),
  monthNames: fill('March 4, '),
  apostrophes: fill("a'"),
};

const DETECTORS: Record<string, (text: string) => unknown[]> = {
  detectIdentifiers: (text) => detectIdentifiers(text),
  detectIdentifiersPatient: (text) => detectIdentifiers(text, { patientContext: true }),
  detectSsn,
  detectNpi,
  detectDea,
  detectMbi,
  detectRecordNumbers,
  detectDob,
  detectIcd10,
  detectNdc,
  detectAgeOver89,
  detectPhones: (text) => detectPhones(text, { patientContext: true }),
  detectEmails: (text) => detectEmails(text, { patientContext: true }),
  findConditionTerms: (text) => findConditionTerms(text),
  findConditionTargeting: (text) => findConditionTargeting(text),
};

for (const [detectorName, detect] of Object.entries(DETECTORS)) {
  test(`${detectorName} on adversarial input`, () => {
    for (const [inputName, input] of Object.entries(INPUTS)) {
      assert.ok(Array.isArray(detect(input)), `${detectorName} on ${inputName}`);
    }
  });
}

test('classifyField on a long path', () => {
  for (const input of [fill('a.'), fill('aA'), fill('a1'), fill('appt_date_')]) {
    assert.equal(typeof classifyField(input).phiClass, 'string');
  }
});
