/** PHI detection: the field dictionary, condition terms and literal identifier detectors. */
export { classifyField, type FieldClassification, type PhiClass } from './fields';
export { FIELD_ENTRIES, type FieldEntry } from './fields-data';
export { splitFieldWords } from './field-words';
export { findConditionTerms, findConditionTargeting, type ConditionTermMatch, type ConditionTargetingMatch } from './conditions';
export { CONDITION_TERMS, type ConditionCategory, type ConditionTermEntry } from './conditions-data';
export { detectIdentifiers, type DetectOptions, type IdentifierMatch, type IdentifierType } from './detect';
export { detectAgeOver89 } from './detectors/age';
export { detectDea, isValidDea } from './detectors/dea';
export { detectDob } from './detectors/dob';
export { detectEmails } from './detectors/email';
export { detectIcd10 } from './detectors/icd10';
export { detectMbi, isValidMbi } from './detectors/mbi';
export { detectNdc } from './detectors/ndc';
export { detectNpi, isValidNpi } from './detectors/npi';
export { detectPhones, isValidNanp, normalizePhone } from './detectors/phone';
export { detectRecordNumbers } from './detectors/record-numbers';
export { detectSsn, isValidSsn } from './detectors/ssn';
