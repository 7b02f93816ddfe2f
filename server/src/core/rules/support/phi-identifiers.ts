import { detectIdentifiers, type DetectOptions, type IdentifierMatch, type IdentifierType } from '../../phi/detect';

/** The name findings use for each kind of identifier. */
export const IDENTIFIER_LABELS: Readonly<Record<IdentifierType, string>> = {
  ssn: 'a Social Security number',
  npi: 'an NPI',
  dea: 'a DEA number',
  mbi: 'a Medicare Beneficiary Identifier',
  mrn: 'a medical record number',
  'member-id': 'a member id',
  'account-number': 'an account number',
  dob: 'a date of birth',
  icd10: 'an ICD-10 diagnosis code',
  ndc: 'an NDC drug code',
  'age-over-89': 'an age over 89',
  phone: 'a phone number',
  email: 'an email address',
};

/**
 * NPI and DEA numbers identify prescribers, not patients: they are public registry numbers a
 * footer may show. They still take part in detection, so a valid NPI is never read as a phone.
 */
const PROVIDER_TYPES: ReadonlySet<IdentifierType> = new Set(['npi', 'dea']);

/**
 * `our 100-year-old hospital` is an age phrase the age detector accepts. The noun after it shows
 * that it describes a place or an institution, not a person.
 */
const NOT_A_PERSON = /^[-\s]*(hospital|clinic|building|practice|institution|tradition|company|church|school|house|tree|campus|program|organization|foundation)\b/i;

/** Literal identifiers of a patient in `text`. */
export function findPatientIdentifiers(text: string, options: DetectOptions): IdentifierMatch[] {
  return detectIdentifiers(text, options).filter((match) => {
    if (PROVIDER_TYPES.has(match.type)) {
      return false;
    }
    return match.type !== 'age-over-89' || !NOT_A_PERSON.test(text.slice(match.end, match.end + 40));
  });
}
