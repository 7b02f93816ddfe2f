import { ListInputError } from './errors';

/**
 * Which columns hold the address, consent and opt-out flags, and health information, found
 * from the header row. Header names are compared after folding case, accents, spaces and
 * punctuation, so "E-Mail-Adresse", "email_address" and "Email Address" all match.
 */

export interface ColumnMap {
  email: number;
  /** Columns whose true value means the person agreed to marketing. */
  consent: number[];
  /** Columns whose true value means the person asked not to get marketing. */
  optOut: number[];
  /** Subscription status columns (active, unsubscribed, bounced...). */
  status: number[];
  /** Headers that name clinical information, as written. */
  phi: string[];
  notices: string[];
}

const EMAIL_HEADERS = [
  'email',
  'emailaddress',
  'mail',
  'recipient',
  'recipientemail',
  'emailadresse',
  'mailadresse',
  'adresseemail',
  'courriel',
  'correo',
  'correoelectronico',
  'epost',
  'primaryemail',
  'emailaddr',
  'mailaddress',
  'to',
];

const CONSENT_HEADERS = new Set([
  'consent',
  'optedin',
  'optin',
  'emailoptin',
  'marketingconsent',
  'marketingoptin',
  'emailconsent',
  'gdprconsent',
  'subscribed',
  'acceptsmarketing',
  'acceptsemailmarketing',
  'emailmarketingconsent',
]);

const OPT_OUT_HEADERS = new Set([
  'unsubscribed',
  'unsubscribe',
  'optout',
  'optedout',
  'emailoptout',
  'emailoptedout',
  'donotemail',
  'donotcontact',
  'dne',
  'hasoptedoutofemail',
  'unsubscribeddate',
  'unsubscribedat',
]);

const STATUS_HEADERS = new Set(['status', 'emailstatus', 'subscriptionstatus', 'subscriberstatus']);

/** Words in a header that mark a column of clinical information. */
const PHI_WORDS = new Set([
  'allergies',
  'allergy',
  'condition',
  'conditions',
  'cpt',
  'diagnoses',
  'diagnosis',
  'dx',
  'hiv',
  'icd',
  'icd10',
  'lab',
  'labs',
  'medication',
  'medications',
  'meds',
  'pregnancy',
  'prescription',
  'prescriptions',
  'procedure',
  'procedures',
  'rx',
  'symptom',
  'symptoms',
  'therapy',
  'treatment',
]);

/** Lower case, accents removed, only letters and digits: how headers and merge fields compare. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export class EmailColumnError extends ListInputError {}

export function mapColumns(headers: readonly string[], emailColumn?: string): ColumnMap {
  const folded = headers.map(foldHeader);
  const notices: string[] = [];

  const seen = new Map<string, number>();
  const duplicates = new Set<string>();
  headers.forEach((header, index) => {
    const key = header.trim();
    if (seen.has(key)) duplicates.add(key);
    else seen.set(key, index);
  });
  for (const header of duplicates) {
    notices.push(`The header "${header}" appears more than once; the first such column is used.`);
  }

  const email = findEmailColumn(headers, folded, emailColumn);
  const indexesOf = (names: Set<string>) => folded.flatMap((name, index) => (names.has(name) && index !== email ? [index] : []));

  return {
    email,
    consent: indexesOf(CONSENT_HEADERS),
    optOut: indexesOf(OPT_OUT_HEADERS),
    status: indexesOf(STATUS_HEADERS),
    phi: headers.filter(isPhiHeader),
    notices,
  };
}

function findEmailColumn(headers: readonly string[], folded: string[], requested: string | undefined): number {
  const found = headers.map((header) => JSON.stringify(header)).join(', ') || '(none)';
  if (requested !== undefined) {
    const exact = headers.findIndex((header) => header.trim() === requested.trim());
    const index = exact !== -1 ? exact : folded.indexOf(foldHeader(requested));
    if (index === -1) {
      throw new EmailColumnError(`No column "${requested}" in the header row. Headers found: ${found}. Pass one of them to --email-column.`);
    }
    return index;
  }

  for (const name of EMAIL_HEADERS) {
    const index = folded.indexOf(name);
    if (index !== -1) return index;
  }
  throw new EmailColumnError(
    `No address column found. Headers found: ${found}. Name the column with --email-column NAME, or rename it to "email".`,
  );
}

function isPhiHeader(header: string): boolean {
  // "Terms and conditions" is about a contract, not a patient.
  if (/terms/i.test(header)) return false;
  const words = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => PHI_WORDS.has(word));
}

const TRUE_VALUES = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', 'on', 't', 'checked', 'ja', 'oui', 'si', 'sí']);
const FALSE_VALUES = new Set(['false', 'no', 'n', '0', '', 'off', 'f', 'nein', 'non', '✗', '✘', 'pending', 'unconfirmed', 'null', 'none', '-']);

/**
 * A flag cell as true or false. A value that is neither a known yes nor a known no counts as
 * true: in consent and opt-out columns such values are dates or sources ("2024-03-01",
 * "web form") recorded when the person said yes.
 */
export function parseFlag(cell: string | undefined): boolean {
  const value = (cell ?? '').trim().toLowerCase();
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  return true;
}

const SUPPRESSING_STATUSES = new Set([
  'unsubscribed',
  'unsubscribe',
  'unsub',
  'optedout',
  'optout',
  'bounced',
  'bounce',
  'complained',
  'complaint',
  'cleaned',
  'unreachable',
  'blocked',
  'blocklisted',
  'suppressed',
]);

/** True for a status value that means mail must not go to the address. */
export function isSuppressingStatus(cell: string | undefined): boolean {
  return SUPPRESSING_STATUSES.has(foldHeader(cell ?? ''));
}

/** Merge fields the template uses that no header provides. */
export function missingFields(headers: readonly string[], mergeFields: readonly string[]): string[] {
  const available = new Set(headers.map(foldHeader));
  // `patient.first_name` is satisfied by a `patient.first_name` or a `first_name` column,
  // because ESP uploads usually flatten the object path to its last name.
  const lastSegment = (field: string) => field.split(/[.:]/).pop() ?? field;
  return [...new Set(mergeFields)].filter((field) => !available.has(foldHeader(field)) && !available.has(foldHeader(lastSegment(field))));
}
