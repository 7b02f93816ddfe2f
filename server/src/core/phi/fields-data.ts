/**
 * The default field dictionary: words and phrases of merge-field names with the class of data
 * they carry. A phrase matches consecutive words of a field path (`first name` in
 * `recipient.first_name`) and also the words run together (`firstname`, `FNAME` is listed).
 * A trailing `s` is accepted (`results`, `claims`).
 *
 * Classes follow HIPAA's split: identifiers are the Safe Harbor list of 45 CFR 164.514(b)(2);
 * clinical and financial data are the health information that makes an identifier PHI.
 */
export type PhiClass = 'identifier' | 'clinical' | 'financial' | 'neutral' | 'unknown';

export interface FieldEntry {
  phrase: string;
  phiClass: Exclude<PhiClass, 'unknown'>;
  /** One line shown in findings: why the phrase has this class. */
  reason: string;
  /** A first name alone: an identifier, but the subject-line rule lets it through. */
  firstNameOnly?: boolean;
}

const NAMES = 'names';
const FIRST_NAME = 'names (a first name alone)';
const CONTACT = 'contact details';
const GEOGRAPHY = 'geographic subdivisions smaller than a state';
const BIRTH = 'birth dates';
const PERSON_DATE = "dates of the person's own care events";
const RECORD = 'medical record numbers';
const SSN = 'Social Security numbers';
const PLAN = 'health plan beneficiary numbers';
const ACCOUNT = 'account numbers';
const OTHER_ID = 'other unique identifying numbers';
const DIAGNOSIS = 'diagnoses and conditions';
const PROCEDURE = 'procedures';
const MEDICATION = 'medications';
const LAB = 'test and lab results';
const VISIT = 'appointment type or department';
const SPECIALTY = 'provider specialty, which reveals the condition';
const TREATMENT = 'treatment';
const BILLING = 'billing for care';
const INSURANCE = 'insurance and claims';
const SENDER = "the sender's own details";
const LINK = 'links and tokens the sender supplies';
const GENERIC_DATE = 'a date not tied to the recipient (send or event date)';

export const FIELD_ENTRIES: readonly FieldEntry[] = [
  // Identifiers: names of the person and of relatives, employers, household members.
  { phrase: 'name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'full name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'first name', phiClass: 'identifier', reason: FIRST_NAME, firstNameOnly: true },
  { phrase: 'given name', phiClass: 'identifier', reason: FIRST_NAME, firstNameOnly: true },
  { phrase: 'fname', phiClass: 'identifier', reason: FIRST_NAME, firstNameOnly: true },
  { phrase: 'last name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'lname', phiClass: 'identifier', reason: NAMES },
  { phrase: 'surname', phiClass: 'identifier', reason: NAMES },
  { phrase: 'family name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'middle name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'maiden name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'nickname', phiClass: 'identifier', reason: NAMES },
  { phrase: 'preferred name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'display name', phiClass: 'identifier', reason: NAMES },
  { phrase: 'username', phiClass: 'identifier', reason: NAMES },
  { phrase: 'uname', phiClass: 'identifier', reason: NAMES },
  { phrase: 'initials', phiClass: 'identifier', reason: NAMES },
  { phrase: 'emergency contact', phiClass: 'identifier', reason: 'names and contact details of relatives' },
  { phrase: 'next of kin', phiClass: 'identifier', reason: 'names and contact details of relatives' },
  { phrase: 'guardian', phiClass: 'identifier', reason: 'names and contact details of relatives' },
  { phrase: 'spouse', phiClass: 'identifier', reason: 'names and contact details of relatives' },
  { phrase: 'employer', phiClass: 'identifier', reason: 'names of employers' },

  { phrase: 'email', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'e mail', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'email address', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'phone number', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'mobile number', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'cell phone', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'home phone', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'phone', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'telephone', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'mobile', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'cell', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'sms', phiClass: 'identifier', reason: CONTACT },
  { phrase: 'fax', phiClass: 'identifier', reason: CONTACT },

  { phrase: 'address', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'street', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'street address', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'city', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'town', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'county', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'zip', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'zip code', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'postal code', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'postcode', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'latitude', phiClass: 'identifier', reason: GEOGRAPHY },
  { phrase: 'longitude', phiClass: 'identifier', reason: GEOGRAPHY },

  { phrase: 'dob', phiClass: 'identifier', reason: BIRTH },
  { phrase: 'date of birth', phiClass: 'identifier', reason: BIRTH },
  { phrase: 'birth date', phiClass: 'identifier', reason: BIRTH },
  { phrase: 'birthday', phiClass: 'identifier', reason: BIRTH },
  { phrase: 'age', phiClass: 'identifier', reason: 'ages (those over 89 are identifiers)' },
  { phrase: 'admission date', phiClass: 'identifier', reason: PERSON_DATE },
  { phrase: 'discharge date', phiClass: 'identifier', reason: PERSON_DATE },
  { phrase: 'date of service', phiClass: 'identifier', reason: PERSON_DATE },
  { phrase: 'date of death', phiClass: 'identifier', reason: PERSON_DATE },

  { phrase: 'mrn', phiClass: 'identifier', reason: RECORD },
  { phrase: 'medical record', phiClass: 'identifier', reason: RECORD },
  { phrase: 'chart number', phiClass: 'identifier', reason: RECORD },
  { phrase: 'patient id', phiClass: 'identifier', reason: RECORD },
  { phrase: 'patient number', phiClass: 'identifier', reason: RECORD },
  { phrase: 'ssn', phiClass: 'identifier', reason: SSN },
  { phrase: 'social security', phiClass: 'identifier', reason: SSN },
  { phrase: 'member id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'member number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'subscriber id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'subscriber number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'insurance id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'insurance number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'policy number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'policy id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'beneficiary id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'mbi', phiClass: 'identifier', reason: PLAN },
  { phrase: 'medicare number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'medicaid id', phiClass: 'identifier', reason: PLAN },
  { phrase: 'medicaid number', phiClass: 'identifier', reason: PLAN },
  { phrase: 'account number', phiClass: 'identifier', reason: ACCOUNT },
  { phrase: 'account id', phiClass: 'identifier', reason: ACCOUNT },
  { phrase: 'claim number', phiClass: 'identifier', reason: OTHER_ID },
  { phrase: 'claim id', phiClass: 'identifier', reason: OTHER_ID },
  { phrase: 'invoice number', phiClass: 'identifier', reason: OTHER_ID },
  { phrase: 'license', phiClass: 'identifier', reason: 'certificate and license numbers' },
  { phrase: 'licence', phiClass: 'identifier', reason: 'certificate and license numbers' },
  { phrase: 'vin', phiClass: 'identifier', reason: 'vehicle identifiers' },
  { phrase: 'license plate', phiClass: 'identifier', reason: 'vehicle identifiers' },
  { phrase: 'device serial', phiClass: 'identifier', reason: 'device identifiers and serial numbers' },
  { phrase: 'serial number', phiClass: 'identifier', reason: 'device identifiers and serial numbers' },
  { phrase: 'device id', phiClass: 'identifier', reason: 'device identifiers and serial numbers' },
  { phrase: 'udi', phiClass: 'identifier', reason: 'device identifiers and serial numbers' },
  { phrase: 'ip', phiClass: 'identifier', reason: 'IP addresses' },
  { phrase: 'ip address', phiClass: 'identifier', reason: 'IP addresses' },
  { phrase: 'photo', phiClass: 'identifier', reason: 'full-face photographs' },
  { phrase: 'photograph', phiClass: 'identifier', reason: 'full-face photographs' },
  { phrase: 'headshot', phiClass: 'identifier', reason: 'full-face photographs' },
  { phrase: 'fingerprint', phiClass: 'identifier', reason: 'biometric identifiers' },
  { phrase: 'biometric', phiClass: 'identifier', reason: 'biometric identifiers' },

  // Clinical: the health information that makes an identifier PHI.
  { phrase: 'diagnosis', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'diagnoses', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'dx', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'condition', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'problem', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'disease', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'disorder', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'illness', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'icd', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'icd10', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'icd9', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'chief complaint', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'symptom', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'pregnancy', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'estimated due date', phiClass: 'clinical', reason: 'expected delivery date, which reveals a pregnancy' },
  { phrase: 'gestational age', phiClass: 'clinical', reason: DIAGNOSIS },
  { phrase: 'trimester', phiClass: 'clinical', reason: DIAGNOSIS },

  { phrase: 'procedure', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'cpt', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'surgery', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'imaging', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'mri', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'referral', phiClass: 'clinical', reason: PROCEDURE },
  { phrase: 'screening', phiClass: 'clinical', reason: PROCEDURE },

  { phrase: 'medication', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'medicine', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'drug', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'rx', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'prescription', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'ndc', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'dosage', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'dose', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'refill', phiClass: 'clinical', reason: MEDICATION },
  { phrase: 'strength', phiClass: 'clinical', reason: MEDICATION },

  { phrase: 'lab', phiClass: 'clinical', reason: LAB },
  { phrase: 'test result', phiClass: 'clinical', reason: LAB },
  { phrase: 'result', phiClass: 'clinical', reason: LAB },
  { phrase: 'a1c', phiClass: 'clinical', reason: LAB },
  { phrase: 'hba1c', phiClass: 'clinical', reason: LAB },
  { phrase: 'hb a1c', phiClass: 'clinical', reason: LAB },
  { phrase: 'glucose', phiClass: 'clinical', reason: LAB },
  { phrase: 'cholesterol', phiClass: 'clinical', reason: LAB },
  { phrase: 'blood pressure', phiClass: 'clinical', reason: LAB },
  { phrase: 'bmi', phiClass: 'clinical', reason: LAB },
  { phrase: 'body weight', phiClass: 'clinical', reason: LAB },
  { phrase: 'vitals', phiClass: 'clinical', reason: LAB },

  { phrase: 'allergy', phiClass: 'clinical', reason: 'allergies' },
  { phrase: 'allergies', phiClass: 'clinical', reason: 'allergies' },
  { phrase: 'immunization', phiClass: 'clinical', reason: 'immunization history' },
  { phrase: 'vaccine', phiClass: 'clinical', reason: 'immunization history' },
  { phrase: 'vaccination', phiClass: 'clinical', reason: 'immunization history' },

  { phrase: 'appointment type', phiClass: 'clinical', reason: VISIT },
  { phrase: 'appointment reason', phiClass: 'clinical', reason: VISIT },
  { phrase: 'visit type', phiClass: 'clinical', reason: VISIT },
  { phrase: 'visit reason', phiClass: 'clinical', reason: VISIT },
  { phrase: 'reason for visit', phiClass: 'clinical', reason: VISIT },
  { phrase: 'service type', phiClass: 'clinical', reason: VISIT },
  { phrase: 'department', phiClass: 'clinical', reason: VISIT },
  { phrase: 'specialty', phiClass: 'clinical', reason: SPECIALTY },
  { phrase: 'speciality', phiClass: 'clinical', reason: SPECIALTY },

  { phrase: 'treatment', phiClass: 'clinical', reason: TREATMENT },
  { phrase: 'therapy', phiClass: 'clinical', reason: TREATMENT },
  { phrase: 'care plan', phiClass: 'clinical', reason: TREATMENT },
  { phrase: 'clinical note', phiClass: 'clinical', reason: TREATMENT },
  { phrase: 'discharge instructions', phiClass: 'clinical', reason: TREATMENT },

  // Financial: payment for care is health information too.
  { phrase: 'balance', phiClass: 'financial', reason: BILLING },
  { phrase: 'amount', phiClass: 'financial', reason: BILLING },
  { phrase: 'amount due', phiClass: 'financial', reason: BILLING },
  { phrase: 'total due', phiClass: 'financial', reason: BILLING },
  { phrase: 'copay', phiClass: 'financial', reason: BILLING },
  { phrase: 'co pay', phiClass: 'financial', reason: BILLING },
  { phrase: 'coinsurance', phiClass: 'financial', reason: BILLING },
  { phrase: 'deductible', phiClass: 'financial', reason: BILLING },
  { phrase: 'out of pocket', phiClass: 'financial', reason: BILLING },
  { phrase: 'invoice', phiClass: 'financial', reason: BILLING },
  { phrase: 'payment', phiClass: 'financial', reason: BILLING },
  { phrase: 'charge', phiClass: 'financial', reason: BILLING },
  { phrase: 'bill', phiClass: 'financial', reason: BILLING },
  { phrase: 'billing', phiClass: 'financial', reason: BILLING },
  { phrase: 'statement', phiClass: 'financial', reason: BILLING },
  { phrase: 'refund', phiClass: 'financial', reason: BILLING },
  { phrase: 'claim', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'insurance', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'payer', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'insurer', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'coverage', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'premium', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'eob', phiClass: 'financial', reason: INSURANCE },
  { phrase: 'credit card', phiClass: 'financial', reason: BILLING },

  // Neutral: the sender's details, links, and dates that are not about the recipient.
  { phrase: 'clinic', phiClass: 'neutral', reason: SENDER },
  { phrase: 'clinic name', phiClass: 'neutral', reason: SENDER },
  { phrase: 'practice', phiClass: 'neutral', reason: SENDER },
  { phrase: 'practice name', phiClass: 'neutral', reason: SENDER },
  { phrase: 'organization', phiClass: 'neutral', reason: SENDER },
  { phrase: 'organisation', phiClass: 'neutral', reason: SENDER },
  { phrase: 'org', phiClass: 'neutral', reason: SENDER },
  { phrase: 'company', phiClass: 'neutral', reason: SENDER },
  { phrase: 'sender', phiClass: 'neutral', reason: SENDER },
  { phrase: 'facility', phiClass: 'neutral', reason: SENDER },
  { phrase: 'hospital', phiClass: 'neutral', reason: SENDER },
  { phrase: 'brand', phiClass: 'neutral', reason: SENDER },
  { phrase: 'logo', phiClass: 'neutral', reason: SENDER },
  // Provider names and numbers are not the patient's identifiers; a provider's specialty is
  // clinical (listed above) because it reveals what the patient is treated for.
  { phrase: 'provider name', phiClass: 'neutral', reason: "the provider's name, not the patient's" },
  { phrase: 'doctor name', phiClass: 'neutral', reason: "the provider's name, not the patient's" },
  { phrase: 'physician name', phiClass: 'neutral', reason: "the provider's name, not the patient's" },
  { phrase: 'npi', phiClass: 'neutral', reason: "the provider's public registry number" },
  // Names of things rather than people; the longer phrase wins over `name` alone.
  ...[
    'product', 'variant', 'site', 'brand', 'template', 'newsletter', 'list', 'campaign', 'event', 'file',
    'attachment', 'browser', 'app', 'store', 'plan', 'team', 'group', 'program', 'course', 'service',
    'location', 'business', 'device', 'platform', 'category', 'item',
  ].map((thing): FieldEntry => ({ phrase: `${thing} name`, phiClass: 'neutral', reason: 'the name of a thing, not a person' })),
  { phrase: 'state', phiClass: 'neutral', reason: 'states are not Safe Harbor identifiers' },
  { phrase: 'country', phiClass: 'neutral', reason: 'countries are not Safe Harbor identifiers' },

  { phrase: 'portal', phiClass: 'neutral', reason: LINK },
  { phrase: 'portal link', phiClass: 'neutral', reason: LINK },
  { phrase: 'url', phiClass: 'neutral', reason: LINK },
  { phrase: 'link', phiClass: 'neutral', reason: LINK },
  { phrase: 'token', phiClass: 'neutral', reason: LINK },
  { phrase: 'unsubscribe', phiClass: 'neutral', reason: LINK },
  { phrase: 'unsub', phiClass: 'neutral', reason: LINK },
  { phrase: 'preferences', phiClass: 'neutral', reason: LINK },
  { phrase: 'archive', phiClass: 'neutral', reason: LINK },
  { phrase: 'subject', phiClass: 'neutral', reason: 'message metadata' },
  { phrase: 'preheader', phiClass: 'neutral', reason: 'message metadata' },

  { phrase: 'date', phiClass: 'neutral', reason: GENERIC_DATE },
  { phrase: 'time', phiClass: 'neutral', reason: GENERIC_DATE },
  { phrase: 'event date', phiClass: 'neutral', reason: GENERIC_DATE },
  { phrase: 'year', phiClass: 'neutral', reason: 'years alone are not Safe Harbor identifiers' },
  { phrase: 'today', phiClass: 'neutral', reason: GENERIC_DATE },
];

/**
 * Words that mark the rest of a path as the sender's own details: `clinic.phone` is the
 * clinic's phone, not the patient's. `list` is Mailchimp's audience (`LIST:ADDRESS` is the
 * sender's postal address); `provider` and its synonyms cover the treating provider's contact
 * details.
 */
export const SENDER_NAMESPACES: ReadonlySet<string> = new Set([
  'clinic',
  'org',
  'organization',
  'organisation',
  'practice',
  'company',
  'sender',
  'from',
  'unsubscribe',
  'portal',
  'list',
  'facility',
  'hospital',
  'location',
  'office',
  'pharmacy',
  'provider',
  'doctor',
  'physician',
  'clinician',
  'prescriber',
  'pcp',
  'mc',
  'support',
  'help',
  'site',
  'store',
  'team',
]);

/** Words that hand a path back to a person after a sender namespace: `clinic.patient.name`. */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  'patient',
  'member',
  'recipient',
  'subscriber',
  'customer',
  'client',
  'guardian',
  'beneficiary',
  'insured',
  'dependent',
  'spouse',
  'parent',
  'caregiver',
  'child',
]);

/** Abbreviations expanded before matching, so `appt.type` reads as `appointment type`. */
export const FIELD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  appt: 'appointment',
  appts: 'appointment',
  dept: 'department',
  ins: 'insurance',
  acct: 'account',
  addr: 'address',
  med: 'medication',
  meds: 'medication',
  proc: 'procedure',
  tel: 'telephone',
  dr: 'doctor',
  organisation: 'organization',
};

/**
 * A date word next to one of these events anywhere in the path is a date of the person's own
 * care (`appt.date`, `appointment_start_time`), which Safe Harbor lists as an identifier.
 */
export const PERSON_EVENT_WORDS: ReadonlySet<string> = new Set([
  'appointment',
  'visit',
  'admission',
  'admit',
  'discharge',
  'death',
  'encounter',
  'booking',
  'checkin',
  'arrival',
  'birth',
]);

export const DATE_WORDS: ReadonlySet<string> = new Set(['date', 'time', 'datetime', 'day', 'timestamp', 'start', 'when', 'slot']);
