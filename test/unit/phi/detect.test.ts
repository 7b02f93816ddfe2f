import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectIdentifiers } from '../../../server/src/core/phi/detect';
import { makeDea, makeNpi, spans } from './generate';

test('identifiers across one message', () => {
  const npi = makeNpi('234567890');
  const dea = makeDea('MR', '246810');
  const text = [
    'Patient: Ana Ruiz, DOB 04/12/1958, MRN 00456789.',
    `Seen by Dr. Lee, NPI ${npi}, DEA ${dea}.`,
    'Medicare number 1EG4-TE5-MK73. SSN 536-22-1234.',
    'Dx E11.9; NDC 12345-6789-01. Her mother, age 93, joined.',
    'Your mobile on file: (555) 234-5678. Email on file: ana@home.test',
    'Questions? Call us at (555) 234-9999 or write to help@clinic.test.',
  ].join('\n');

  assert.deepEqual(detectIdentifiers(text), spans(text, [
    { type: 'dob', value: '04/12/1958', context: 'DOB' },
    { type: 'mrn', value: '00456789', context: 'MRN' },
    { type: 'npi', value: npi, context: 'NPI' },
    { type: 'dea', value: dea, context: 'DEA' },
    { type: 'mbi', value: '1EG4-TE5-MK73' },
    { type: 'ssn', value: '536-22-1234', context: 'SSN' },
    { type: 'icd10', value: 'E11.9', context: 'Dx' },
    { type: 'ndc', value: '12345-6789-01', context: 'NDC' },
    { type: 'age-over-89', value: 'age 93', context: 'age' },
    { type: 'phone', value: '(555) 234-5678', context: 'on file' },
    { type: 'email', value: 'ana@home.test', context: 'Email on file' },
  ]));
});

test('specific detectors win overlaps', () => {
  const ssn = 'Account: 536-22-1234';
  assert.deepEqual(detectIdentifiers(ssn), spans(ssn, [{ type: 'ssn', value: '536-22-1234' }]));

  const npi = makeNpi('234567890');
  const npiText = `Patient line NPI ${npi}`;
  assert.deepEqual(detectIdentifiers(npiText, { patientContext: true }), spans(npiText, [{ type: 'npi', value: npi, context: 'NPI' }]));

  const mbi = 'Member ID: 1EG4TE5MK73';
  assert.deepEqual(detectIdentifiers(mbi), spans(mbi, [{ type: 'mbi', value: '1EG4TE5MK73' }]));
});

test('near misses produce nothing', () => {
  const text = [
    'Your A1C and vitamin B12 results are ready in Room 101, Suite 200.',
    'Bring your W-2 and Form I-9. COVID-19 and H1N1 vaccines are available.',
    'Our practice has offered 100 years of care; over 90% of patients return within 90 days.',
    'Event on March 4, 2025. Founded in 1961.',
    'Account settings are in the portal. Order 536221234 shipped.',
    'Call us at (555) 234-5678 or email hello@clinic.test.',
    'Sample SSN 123-45-6789 and 078-05-1120.',
  ].join('\n');
  assert.deepEqual(detectIdentifiers(text), []);
});

test('organisation contact details are never reported', () => {
  const text = 'Patient line: (555) 234-5678, patient email frontdesk.team@clinic.test';
  assert.deepEqual(
    detectIdentifiers(text, { patientContext: true, orgPhones: ['555-234-5678'], orgDomains: ['clinic.test'] }),
    [],
  );
});
