import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAgeOver89 } from '../../../server/src/core/phi/detectors/age';
import { contextWindow } from '../../../server/src/core/phi/detectors/context';
import { detectDob } from '../../../server/src/core/phi/detectors/dob';
import { detectIcd10 } from '../../../server/src/core/phi/detectors/icd10';
import { detectNdc } from '../../../server/src/core/phi/detectors/ndc';
import { detectRecordNumbers } from '../../../server/src/core/phi/detectors/record-numbers';
import { spans, type Expected } from './generate';

function check(detect: (text: string) => unknown, cases: Array<[string, Expected[]]>): void {
  for (const [text, expected] of cases) {
    assert.deepEqual(detect(text), spans(text, expected), text);
  }
}

test('context window bounds', () => {
  const text = 'Thanks. Your DOB is 03/04/1961 on file. Next';
  const start = text.indexOf('03/04');
  assert.deepEqual(contextWindow(text, start, start + 10), [7, 39]);
  const long = `${'x'.repeat(100)} value ${'y'.repeat(100)}`;
  // The window widens to whole words, up to 24 more characters.
  assert.deepEqual(contextWindow(long, 101, 106), [37, 170]);
  const blank = 'DOB\n\n03/04/1961';
  assert.deepEqual(contextWindow(blank, 5, 15), [4, 15]);
  const cell = 'DOB\n03/04/1961';
  assert.deepEqual(contextWindow(cell, 4, 14), [0, 14]);
  // After the value, the window stops at the line break.
  const nextLine = '03/04/1961\nQuestions';
  assert.deepEqual(contextWindow(nextLine, 0, 10), [0, 10]);
});

test('record numbers after labels', () => {
  check(detectRecordNumbers, [
    ['MRN: 00123456', [{ type: 'mrn', value: '00123456', context: 'MRN' }]],
    ['Medical record number 7784-221', [{ type: 'mrn', value: '7784-221', context: 'Medical record number' }]],
    ['Patient ID # A99812', [{ type: 'mrn', value: 'A99812', context: 'Patient ID' }]],
    ['Patient #: 55123', [{ type: 'mrn', value: '55123', context: 'Patient #' }]],
    ['Your member ID is XJH123456789', [{ type: 'member-id', value: 'XJH123456789', context: 'member ID' }]],
    ['Member #: 8812345', [{ type: 'member-id', value: '8812345', context: 'Member #' }]],
    ['Subscriber ID: W123-456-789', [{ type: 'member-id', value: 'W123-456-789', context: 'Subscriber ID' }]],
    ['Policy number: ZZP00912', [{ type: 'member-id', value: 'ZZP00912', context: 'Policy number' }]],
    ['Account: 00091234', [{ type: 'account-number', value: '00091234', context: 'Account' }]],
    ['Acct. 4410029', [{ type: 'account-number', value: '4410029', context: 'Acct' }]],
    ['account number is 99-88123', [{ type: 'account-number', value: '99-88123', context: 'account number' }]],
  ]);
});

test('record number negatives', () => {
  const negatives = [
    'Account settings',
    'Update your account 2024',
    'Your account ending in 4321',
    'MRN on file',
    'member id ABCDEF',
    'accounting 1234567',
    'Discount 123456',
    'MRN: 12',
    'Account: A1B2',
    'Patient portal 12345',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectRecordNumbers(text), [], text);
  }
});

test('dob full dates near birth words', () => {
  check(detectDob, [
    ['DOB: 03/04/1961', [{ type: 'dob', value: '03/04/1961', context: 'DOB' }]],
    ['Date of birth 1961-03-04', [{ type: 'dob', value: '1961-03-04', context: 'Date of birth' }]],
    ['Born March 4, 1961 in Ohio', [{ type: 'dob', value: 'March 4, 1961', context: 'Born' }]],
    ['birthday: 4 March 1961', [{ type: 'dob', value: '4 March 1961', context: 'birthday' }]],
    ['Birth date: Mar. 4th 1961', [{ type: 'dob', value: 'Mar. 4th 1961', context: 'Birth date' }]],
    ['D.O.B. 3-4-61', [{ type: 'dob', value: '3-4-61', context: 'D.O.B' }]],
    ['31/12/1961 (date of birth)', [{ type: 'dob', value: '31/12/1961', context: 'date of birth' }]],
    ['DOB\n03/04/1961', [{ type: 'dob', value: '03/04/1961', context: 'DOB' }]],
  ]);
});

test('dob negatives', () => {
  const negatives = [
    'Born in 1961',
    'DOB: 1961',
    'Birthday month: March 1961',
    'Your appointment is on 03/04/2025',
    'Event on March 4, 2025 at noon',
    'DOB: 13/13/1961',
    'DOB: 1961-13-04',
    'DOB: 03/04/19611',
    'Happy birthday!\n\nYour visit is on 03/04/2025.',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectDob(text), [], text);
  }
});

test('icd10 dotted anywhere, undotted with context', () => {
  check(detectIcd10, [
    ['Code E11.9 on the claim', [{ type: 'icd10', value: 'E11.9' }]],
    ['U07.1 and S72.001A', [{ type: 'icd10', value: 'U07.1' }, { type: 'icd10', value: 'S72.001A' }]],
    ['Diagnosis: E11.65.', [{ type: 'icd10', value: 'E11.65', context: 'Diagnosis' }]],
    ['ICD-10 E119', [{ type: 'icd10', value: 'E119', context: 'ICD-10' }]],
    ['dx Z00', [{ type: 'icd10', value: 'Z00', context: 'dx' }]],
    ['diagnosis code S72001A', [{ type: 'icd10', value: 'S72001A', context: 'diagnosis code' }]],
    ['T38.3X6A', [{ type: 'icd10', value: 'T38.3X6A' }]],
  ]);
});

test('icd10 near misses', () => {
  const negatives = [
    'Your A1C result',
    'Diagnosis: check your A1C',
    'Room 101',
    'W-2 forms',
    'Vitamin B12',
    'Diagnosis vitamin B12 level',
    'COVID-19 update',
    'H1N1 flu',
    'Diagnosis H1N1',
    'Suite 200',
    'Form I-9',
    'E119 without a context word',
    'Version V1.2',
    'E11.9.1',
    'e11.9',
    'E11.',
    '1E11.9',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectIcd10(text), [], text);
  }
});

test('ndc forms with the word NDC', () => {
  check(detectNdc, [
    ['NDC 1234-5678-90', [{ type: 'ndc', value: '1234-5678-90', context: 'NDC' }]],
    ['NDC: 12345-678-90', [{ type: 'ndc', value: '12345-678-90', context: 'NDC' }]],
    ['NDC# 12345-6789-0', [{ type: 'ndc', value: '12345-6789-0', context: 'NDC' }]],
    ['NDC 12345-6789-01', [{ type: 'ndc', value: '12345-6789-01', context: 'NDC' }]],
    ['12345678901 (NDC)', [{ type: 'ndc', value: '12345678901', context: 'NDC' }]],
  ]);
  const negatives = ['Item 12345-6789-01', '12345678901', 'NDC 123-4567-89', 'NDC 123456-789-01', 'NDC 1234567890', 'NDC 12345-6789-012'];
  for (const text of negatives) {
    assert.deepEqual(detectNdc(text), [], text);
  }
});

test('ages over 89', () => {
  check(detectAgeOver89, [
    ['Patient, age 92, presented', [{ type: 'age-over-89', value: 'age 92', context: 'age' }]],
    ['Age: 90', [{ type: 'age-over-89', value: 'Age: 90', context: 'Age' }]],
    ['aged 95', [{ type: 'age-over-89', value: 'aged 95', context: 'aged' }]],
    ['a 92 years old man', [{ type: 'age-over-89', value: '92 years old', context: 'years old' }]],
    ['our 92-year-old member', [{ type: 'age-over-89', value: '92-year-old', context: 'year-old' }]],
    ['at age of 101', [{ type: 'age-over-89', value: 'age of 101', context: 'age' }]],
    ['125 yrs old', [{ type: 'age-over-89', value: '125 yrs old', context: 'yrs old' }]],
  ]);
  const negatives = ['90 days', 'within 90 days', '100 years of care', 'over 90%', 'age 89', 'age 126', '89 years old', 'aged 90 days', 'age 90%', 'pages 95', 'Suite 92'];
  for (const text of negatives) {
    assert.deepEqual(detectAgeOver89(text), [], text);
  }
});
