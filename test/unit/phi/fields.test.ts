import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyField, type PhiClass } from '../../../server/src/core/phi/fields';
import { FIELD_ENTRIES } from '../../../server/src/core/phi/fields-data';
import { splitFieldWords } from '../../../server/src/core/phi/field-words';

test('field words split on every naming style', () => {
  const cases: Array<[string, string[]]> = [
    ['patient.diagnosisCode', ['patient', 'diagnosis', 'code']],
    ['LAB_RESULT', ['lab', 'result']],
    ['rxName', ['rx', 'name']],
    ['appt.type', ['appt', 'type']],
    ['recipient.first_name', ['recipient', 'first', 'name']],
    ['LIST:ADDRESS', ['list', 'address']],
    ['FNAME', ['fname']],
    ['MMERGE3', ['mmerge', '3']],
    ['address2', ['address', '2']],
    ['member-id', ['member', 'id']],
    ['MRNNumber', ['mrn', 'number']],
    ['patientA1c', ['patient', 'a1c']],
    ['icd10Code', ['icd10', 'code']],
    ['items[0].ndc', ['items', '0', 'ndc']],
    ['IPAddress', ['ip', 'address']],
    ['', []],
  ];
  for (const [path, words] of cases) {
    assert.deepEqual(splitFieldWords(path), words, path);
  }
});

test('field classes by default dictionary', () => {
  const cases: Array<[string, PhiClass]> = [
    // Identifiers.
    ['name', 'identifier'],
    ['patient.name', 'identifier'],
    ['full_name', 'identifier'],
    ['LNAME', 'identifier'],
    ['last_name', 'identifier'],
    ['lastName', 'identifier'],
    ['surname', 'identifier'],
    ['EMAIL', 'identifier'],
    ['patient.email_address', 'identifier'],
    ['phone', 'identifier'],
    ['mobileNumber', 'identifier'],
    ['PHONE', 'identifier'],
    ['address', 'identifier'],
    ['patient.street', 'identifier'],
    ['city', 'identifier'],
    ['zip', 'identifier'],
    ['zipcode', 'identifier'],
    ['postal_code', 'identifier'],
    ['dob', 'identifier'],
    ['DATEOFBIRTH', 'identifier'],
    ['birth_date', 'identifier'],
    ['BIRTHDAY', 'identifier'],
    ['mrn', 'identifier'],
    ['medicalRecordNumber', 'identifier'],
    ['ssn', 'identifier'],
    ['social_security_number', 'identifier'],
    ['insurance.memberId', 'identifier'],
    ['subscriber_id', 'identifier'],
    ['policyNumber', 'identifier'],
    ['mbi', 'identifier'],
    ['account_number', 'identifier'],
    ['patient_id', 'identifier'],
    ['driver_license', 'identifier'],
    ['device_serial', 'identifier'],
    ['ip_address', 'identifier'],
    ['appt.date', 'identifier'],
    ['appointment_time', 'identifier'],
    ['appointment.startTime', 'identifier'],
    ['visit_date', 'identifier'],
    ['discharge_date', 'identifier'],
    ['recipient.first_name', 'identifier'],
    ['FNAME', 'identifier'],
    // Clinical.
    ['patient.diagnosisCode', 'clinical'],
    ['dx', 'clinical'],
    ['icd10Code', 'clinical'],
    ['condition', 'clinical'],
    ['procedure_name', 'clinical'],
    ['cpt', 'clinical'],
    ['medication', 'clinical'],
    ['rxName', 'clinical'],
    ['prescription.drug', 'clinical'],
    ['ndc', 'clinical'],
    ['dosage', 'clinical'],
    ['refill.drug_name', 'clinical'],
    ['LAB_RESULT', 'clinical'],
    ['test_results', 'clinical'],
    ['hba1c', 'clinical'],
    ['hbA1c', 'clinical'],
    ['a1c', 'clinical'],
    ['glucose', 'clinical'],
    ['allergies', 'clinical'],
    ['immunization', 'clinical'],
    ['vaccine_name', 'clinical'],
    ['appt.type', 'clinical'],
    ['appointment_reason', 'clinical'],
    ['visit_type', 'clinical'],
    ['dept', 'clinical'],
    ['clinic.specialty', 'clinical'],
    ['provider.specialty', 'clinical'],
    ['treatment', 'clinical'],
    ['symptoms', 'clinical'],
    ['pregnancy_week', 'clinical'],
    ['patient.labs.value', 'clinical'],
    // Financial.
    ['balance', 'financial'],
    ['amount_due', 'financial'],
    ['claim.status', 'financial'],
    ['copay', 'financial'],
    ['deductible', 'financial'],
    ['invoice', 'financial'],
    ['invoice.due_date', 'financial'],
    ['payment_amount', 'financial'],
    ['charges', 'financial'],
    // Neutral.
    ['portal_link', 'neutral'],
    ['portalUrl', 'neutral'],
    ['token', 'neutral'],
    ['unsubscribe_url', 'neutral'],
    ['UNSUB', 'neutral'],
    ['clinic.name', 'neutral'],
    ['clinic_name', 'neutral'],
    ['practice.name', 'neutral'],
    ['organization.name', 'neutral'],
    ['company_name', 'neutral'],
    ['clinic.phone', 'neutral'],
    ['org.address', 'neutral'],
    ['practice.email', 'neutral'],
    ['sender.name', 'neutral'],
    ['LIST:ADDRESS', 'neutral'],
    ['LIST:COMPANY', 'neutral'],
    ['provider.name', 'neutral'],
    ['provider.npi', 'neutral'],
    ['event_date', 'neutral'],
    ['current_year', 'neutral'],
    ['year', 'neutral'],
    ['date', 'neutral'],
    ['product_name', 'neutral'],
    ['order_line.variant_name', 'neutral'],
    ['support_email', 'neutral'],
    ['credit_card_last_four', 'financial'],
    ['login_uname', 'identifier'],
    ['fontWeight', 'unknown'],
    // Unknown.
    ['MMERGE3', 'unknown'],
    ['foo', 'unknown'],
    ['appointment', 'unknown'],
    ['', 'unknown'],
  ];
  assert.ok(cases.length >= 60, 'the table covers at least 60 names');
  for (const [path, phiClass] of cases) {
    assert.equal(classifyField(path).phiClass, phiClass, path);
  }
});

test('first name alone is flagged', () => {
  for (const path of ['first_name', 'FNAME', 'recipient.first_name', 'patient.firstName', 'given_name']) {
    const result = classifyField(path);
    assert.equal(result.phiClass, 'identifier', path);
    assert.equal(result.firstNameOnly, true, path);
  }
  for (const path of ['last_name', 'name', 'full_name', 'patient.email']) {
    assert.equal(classifyField(path).firstNameOnly, undefined, path);
  }
});

test('field reason and matched phrase', () => {
  assert.deepEqual(classifyField('patient.diagnosisCode'), {
    phiClass: 'clinical',
    words: ['patient', 'diagnosis', 'code'],
    reason: "contains 'diagnosis' (clinical: diagnoses and conditions)",
    matched: 'diagnosis',
  });
  assert.deepEqual(classifyField('appt.type'), {
    phiClass: 'clinical',
    words: ['appt', 'type'],
    reason: "contains 'appt type' (clinical: appointment type or department)",
    matched: 'appointment type',
  });
  assert.deepEqual(classifyField('clinic.phone'), {
    phiClass: 'neutral',
    words: ['clinic', 'phone'],
    reason: "'phone' follows 'clinic' (neutral: the sender's own details, not the recipient's)",
    matched: 'clinic',
  });
  assert.deepEqual(classifyField('MMERGE3'), { phiClass: 'unknown', words: ['mmerge', '3'], reason: "no dictionary word in 'mmerge 3'" });
});

test('clinical outranks identifier outranks financial', () => {
  assert.equal(classifyField('patient.name_and_diagnosis').matched, 'diagnosis');
  assert.equal(classifyField('insurance.memberId').matched, 'member id');
  assert.equal(classifyField('billing.email').phiClass, 'identifier');
});

test('person word ends a sender namespace', () => {
  assert.equal(classifyField('clinic.patient.phone').phiClass, 'identifier');
  assert.equal(classifyField('patient.clinic.address').phiClass, 'neutral');
  assert.equal(classifyField('appointment.provider.name').phiClass, 'neutral');
  assert.equal(classifyField('appointment.provider.specialty').phiClass, 'clinical');
});

test('field overrides beat defaults', () => {
  const overrides: Record<string, PhiClass> = { 'patient.code': 'clinical', mmerge3: 'identifier', specialty: 'neutral', 'Custom.Field': 'financial' };

  assert.equal(classifyField('patient.code', overrides).phiClass, 'clinical');
  assert.equal(classifyField('patient.code', overrides).matched, 'patient.code');
  assert.equal(classifyField('MMERGE3', overrides).phiClass, 'identifier');
  assert.equal(classifyField('provider.specialty', overrides).phiClass, 'neutral');
  assert.equal(classifyField('custom.field', overrides).phiClass, 'financial');
  // A word override replaces only that word: the diagnosis in the path still decides.
  assert.equal(classifyField('diagnosis.specialty', overrides).phiClass, 'clinical');
  assert.equal(classifyField('patient.code').phiClass, 'unknown');
});

test('every dictionary entry has a reason', () => {
  for (const entry of FIELD_ENTRIES) {
    assert.ok(entry.reason.length > 0, entry.phrase);
    assert.equal(classifyField(entry.phrase.replace(/ /g, '_')).phiClass === 'unknown', false, entry.phrase);
  }
});
