export type IdentifierType =
  | 'ssn'
  | 'npi'
  | 'dea'
  | 'mbi'
  | 'mrn'
  | 'member-id'
  | 'account-number'
  | 'dob'
  | 'icd10'
  | 'ndc'
  | 'age-over-89'
  | 'phone'
  | 'email';

/** A literal identifier found in text; offsets are UTF-16 indexes, `end` exclusive. */
export interface IdentifierMatch {
  type: IdentifierType;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  value: string;
  /** The context word or phrase that qualified the match, as written in the text. */
  context?: string;
}

export interface DetectOptions {
  /** The sender's own phone numbers, in any format; they are never reported. */
  orgPhones?: readonly string[];
  /** The sender's own addresses; never reported. */
  orgEmails?: readonly string[];
  /** The sender's domains; addresses at them or their subdomains are never reported. */
  orgDomains?: readonly string[];
  /**
   * True when the caller knows the text is about the recipient (rendered preview data, a
   * personalisation CSV cell), so phones and emails need no context word.
   */
  patientContext?: boolean;
}
