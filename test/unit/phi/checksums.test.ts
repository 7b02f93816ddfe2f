import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDea, isValidDea } from '../../../server/src/core/phi/detectors/dea';
import { detectMbi, isValidMbi } from '../../../server/src/core/phi/detectors/mbi';
import { detectNpi, isValidNpi } from '../../../server/src/core/phi/detectors/npi';
import { detectSsn, isValidSsn } from '../../../server/src/core/phi/detectors/ssn';
import { breakCheckDigit, makeDea, makeNpi, spans } from './generate';

// Every NPI and DEA number below is generated from an arbitrary prefix by the check-digit
// functions in ./generate, not taken from a registry.

test('ssn validity rules', () => {
  const valid = ['536221234', '001010001', '665991234', '667010001', '899999999', '219099999'];
  const invalid = ['000221234', '666221234', '900221234', '999221234', '536001234', '536220000', '078051120', '123456789', '53622123', 'abcdefghi'];
  for (const digits of valid) {
    assert.equal(isValidSsn(digits), true, digits);
  }
  for (const digits of invalid) {
    assert.equal(isValidSsn(digits), false, digits);
  }
});

test('ssn delimited forms match anywhere', () => {
  const text = 'Numbers 536-22-1234 and 536 22 1234 on file.';
  assert.deepEqual(detectSsn(text), spans(text, [
    { type: 'ssn', value: '536-22-1234' },
    { type: 'ssn', value: '536 22 1234' },
  ]));
});

test('ssn undelimited needs context', () => {
  const text = 'Your SSN: 536221234.';
  assert.deepEqual(detectSsn(text), spans(text, [{ type: 'ssn', value: '536221234', context: 'SSN' }]));
  const social = 'social security number 536221234';
  assert.deepEqual(detectSsn(social), spans(social, [{ type: 'ssn', value: '536221234', context: 'social security number' }]));
  assert.deepEqual(detectSsn('Order 536221234 has shipped'), []);
});

test('ssn negatives', () => {
  const negatives = [
    'SSN 078-05-1120',
    'SSN 123-45-6789',
    'SSN 000-12-3456',
    'SSN 666-12-3456',
    'SSN 912-12-3456',
    'SSN 536-00-1234',
    'SSN 536-22-0000',
    'SSN 536-22 1234',
    'SSN 536 22-1234',
    'SSN 5362-2-1234',
    'Ref 1536-22-12345',
    'ZIP 12345-6789',
    'x536-22-1234',
    'SSN 5362212345',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectSsn(text), [], text);
  }
});

test('npi generated check digits', () => {
  assert.equal(makeNpi('123456789'), '1234567893');
  assert.equal(isValidNpi('1234567893'), true);
  for (const prefix of ['123456789', '198765432', '200000001', '234567890', '111111111']) {
    const npi = makeNpi(prefix);
    assert.equal(isValidNpi(npi), true, npi);
    assert.equal(isValidNpi(breakCheckDigit(npi)), false, breakCheckDigit(npi));
  }
  assert.equal(isValidNpi('3234567893'), false);
  assert.equal(isValidNpi('123456789'), false);
});

test('npi needs the word NPI', () => {
  const npi = makeNpi('198765432');
  const text = `Dr. Rivera (NPI: ${npi}) will see you.`;
  assert.deepEqual(detectNpi(text), spans(text, [{ type: 'npi', value: npi, context: 'NPI' }]));
  const after = `${npi} is the provider's NPI`;
  assert.deepEqual(detectNpi(after), spans(after, [{ type: 'npi', value: npi, context: 'NPI' }]));
  assert.deepEqual(detectNpi(`Order ${npi} shipped`), []);
  assert.deepEqual(detectNpi(`NPI ${breakCheckDigit(npi)}`), []);
  assert.deepEqual(detectNpi(`NPI 1${npi}`), []);
});

test('dea generated check digits', () => {
  assert.equal(makeDea('BB', '138856'), 'BB1388568');
  assert.equal(isValidDea('BB1388568'), true);
  const cases: Array<[string, string]> = [['AB', '123456'], ['FG', '765432'], ['M9', '102030'], ['XR', '999999'], ['CZ', '000001']];
  for (const [letters, digits] of cases) {
    const dea = makeDea(letters, digits);
    assert.equal(isValidDea(dea), true, dea);
    assert.equal(isValidDea(breakCheckDigit(dea)), false, breakCheckDigit(dea));
  }
  // I, N, O, Q, V, W, Y and Z are not registrant types.
  for (const letter of ['I', 'N', 'O', 'Q', 'V', 'W', 'Y', 'Z']) {
    assert.equal(isValidDea(makeDea(`${letter}B`, '138856')), false, letter);
  }
  assert.equal(isValidDea(makeDea('B1', '138856')), false);
});

test('dea matches with or without context', () => {
  const dea = makeDea('FG', '765432');
  const text = `DEA# ${dea}; backup prescriber ${makeDea('AB', '123456')}.`;
  assert.deepEqual(detectDea(text), spans(text, [
    { type: 'dea', value: dea, context: 'DEA' },
    { type: 'dea', value: makeDea('AB', '123456'), context: 'prescriber' },
  ]));
  const bare = `Code ${dea} applies`;
  assert.deepEqual(detectDea(bare), spans(bare, [{ type: 'dea', value: dea }]));
  const negatives = [`DEA ${breakCheckDigit(dea)}`, `DEA ${dea.toLowerCase()}`, `DEA X${dea}`, `DEA ${dea}0`];
  for (const negative of negatives) {
    assert.deepEqual(detectDea(negative), [], negative);
  }
});

test('mbi position rules', () => {
  const valid = ['1EG4TE5MK73', '1EG4-TE5-MK73', '9AA0A00AA00', '2C99C99CC99', '5KJ7NP3RT12'];
  const invalid = [
    '0EG4TE5MK73', // position 1 is 1-9
    '1SG4TE5MK73', // S excluded
    '1LG4TE5MK73', // L excluded
    '1OG4TE5MK73', // O excluded
    '1IG4TE5MK73', // I excluded
    '1BG4TE5MK73', // B excluded
    '1ZG4TE5MK73', // Z excluded
    '11G4TE5MK73', // position 2 is a letter
    '1EGATE5MK73', // position 4 is a digit
    '1EG45E5MK73', // position 5 is a letter
    '1EG4TEAMK73', // position 7 is a digit
    '1EG4TE59K73', // position 8 is a letter
    '1EG4TE5M973', // position 9 is a letter
    '1EG4TE5MKA3', // position 10 is a digit
    '1EG4TE5MK7A', // position 11 is a digit
    '1EG4-TE5MK73', // dashes only in the full 4-3-4 form
    '1EG-4TE5-MK73',
    '1eg4te5mk73',
    '1EG4TE5MK7',
  ];
  for (const mbi of valid) {
    assert.equal(isValidMbi(mbi), true, mbi);
  }
  for (const mbi of invalid) {
    assert.equal(isValidMbi(mbi), false, mbi);
  }
});

test('mbi in text', () => {
  const text = 'Medicare number 1EG4-TE5-MK73 (or 1EG4TE5MK73).';
  assert.deepEqual(detectMbi(text), spans(text, [
    { type: 'mbi', value: '1EG4-TE5-MK73' },
    { type: 'mbi', value: '1EG4TE5MK73' },
  ]));
  for (const negative of ['A1EG4TE5MK73', '1EG4TE5MK734', '1EG4-TE5-MK73-1', 'x/1EG4TE5MK73X', '1EG4-TE5MK73']) {
    assert.deepEqual(detectMbi(negative), [], negative);
  }
});
