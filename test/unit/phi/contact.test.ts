import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectEmails } from '../../../server/src/core/phi/detectors/email';
import { detectPhones, isValidNanp, normalizePhone } from '../../../server/src/core/phi/detectors/phone';
import { spans } from './generate';

test('nanp validity', () => {
  assert.equal(isValidNanp('555', '234', '5678'), true);
  assert.equal(isValidNanp('212', '555', '0200'), true);
  assert.equal(isValidNanp('155', '234', '5678'), false); // NPA starts 2-9
  assert.equal(isValidNanp('595', '234', '5678'), false); // NPA middle digit 0-8
  assert.equal(isValidNanp('411', '234', '5678'), false); // N11 area code
  assert.equal(isValidNanp('555', '134', '5678'), false); // NXX starts 2-9
  assert.equal(isValidNanp('555', '911', '5678'), false); // N11 exchange
  assert.equal(isValidNanp('555', '555', '0100'), false); // fictional
  assert.equal(isValidNanp('555', '555', '0199'), false);
  assert.equal(normalizePhone('+1 (555) 234-5678'), '5552345678');
});

test('phone formats in patient context', () => {
  const text = '(555) 234-5678, 555-234-5678, 555.234.5678, 555 234 5678, +1 555 234 5678, 1-555-234-5678, 5552345678';
  const values = ['(555) 234-5678', '555-234-5678', '555.234.5678', '555 234 5678', '+1 555 234 5678', '1-555-234-5678', '5552345678'];
  assert.deepEqual(detectPhones(text, { patientContext: true }), spans(text, values.map((value) => ({ type: 'phone', value }))));
});

test('phone needs recipient context', () => {
  const cases: Array<[string, string, string]> = [
    ['Patient phone: (555) 234-5678', '(555) 234-5678', 'Patient'],
    ['Your mobile number 555-234-5678 is confirmed', '555-234-5678', 'Your mobile number'],
    ['We will text you at 555.234.5678', '555.234.5678', 'text you at'],
    ['Member: Ana Ruiz, 555 234 5678', '555 234 5678', 'Member'],
    ['cell 555-234-5678', '555-234-5678', 'cell'],
  ];
  for (const [text, value, context] of cases) {
    assert.deepEqual(detectPhones(text), spans(text, [{ type: 'phone', value, context }]), text);
  }
});

test('phone negatives', () => {
  const negatives = [
    'Questions? Call us at (555) 234-5678.',
    'Member Services: (555) 234-5678',
    'Patient portal help line 555-234-5678',
    'Sunrise Clinic, 555-234-5678',
    '(555) 234-5678',
    'Patient phone: 555-555-0123',
    'Patient phone: (155) 234-5678',
    'Patient phone: 555-911-5678',
    'Patient phone: 555-234-56789',
    'Patient phone: 12-555-234-5678',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectPhones(text), [], text);
  }
  assert.deepEqual(detectPhones('Patient phone: 555.234.5678', { orgPhones: ['+1 (555) 234-5678'] }), []);
  assert.deepEqual(detectPhones('(555) 234-5678', { patientContext: true, orgPhones: ['5552345678'] }), []);
});

test('email in recipient context', () => {
  const text = 'Patient email: ana.ruiz+care@mail.test.';
  assert.deepEqual(detectEmails(text), spans(text, [{ type: 'email', value: 'ana.ruiz+care@mail.test', context: 'Patient' }]));
  const sent = 'Your email address ana@home.test is verified';
  assert.deepEqual(detectEmails(sent), spans(sent, [{ type: 'email', value: 'ana@home.test', context: 'Your email address' }]));
  const bare = 'ana@home.test';
  assert.deepEqual(detectEmails(bare, { patientContext: true }), spans(bare, [{ type: 'email', value: 'ana@home.test' }]));
});

test('email negatives', () => {
  const negatives = [
    'Patient email: noreply@clinic.test',
    'Patient email: no-reply@clinic.test',
    'Patient email: support@clinic.test',
    'Patient email: jane@example.com',
    'Patient email: jane@mail.example.org',
    'Patient email: you@yourdomain.com',
    'Patient email: ana@bounce.mailgun.org',
    'Patient email: ana@host.invalid',
    'Questions? Email us at ana@clinic.test',
    'ana@home.test',
    'Patient email: ana@home',
    'Patient email: @home.test',
    'Patient email: ana@@home.test',
  ];
  for (const text of negatives) {
    assert.deepEqual(detectEmails(text), [], text);
  }
  assert.deepEqual(detectEmails('Patient: ana@home.test', { orgEmails: ['ANA@home.test'] }), []);
  assert.deepEqual(detectEmails('Patient: ana@mail.home.test', { orgDomains: ['home.test'] }), []);
});
