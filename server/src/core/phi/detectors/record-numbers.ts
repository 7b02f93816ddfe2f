import type { IdentifierMatch, IdentifierType } from './types';

/**
 * Medical record, member and account numbers have no standard format, so they are reported
 * only right after a label (`MRN:`, `Member ID #`, `Acct.`), optionally followed by `number`,
 * `no` or `is`. The value must be one token of at least 5 letters or digits with at least 3
 * digits, so `Account settings` and `account 2024` do not match.
 */
type RecordType = Extract<IdentifierType, 'mrn' | 'member-id' | 'account-number'>;

const LABELS: ReadonlyArray<[string, RecordType]> = [
  ['mrn', 'mrn'],
  ['medical record', 'mrn'],
  ['medical record number', 'mrn'],
  ['patient id', 'mrn'],
  ['patient identifier', 'mrn'],
  ['patient number', 'mrn'],
  ['patient #', 'mrn'],
  ['chart number', 'mrn'],
  ['chart #', 'mrn'],
  ['member id', 'member-id'],
  ['member identification number', 'member-id'],
  ['member number', 'member-id'],
  ['member #', 'member-id'],
  ['subscriber id', 'member-id'],
  ['subscriber number', 'member-id'],
  ['subscriber #', 'member-id'],
  ['insurance id', 'member-id'],
  ['insurance member id', 'member-id'],
  ['policy number', 'member-id'],
  ['policy id', 'member-id'],
  ['policy #', 'member-id'],
  ['beneficiary id', 'member-id'],
  ['beneficiary number', 'member-id'],
  ['health plan id', 'member-id'],
  ['medicaid id', 'member-id'],
  ['medicaid number', 'member-id'],
  ['medicare id', 'member-id'],
  ['medicare number', 'member-id'],
  ['account', 'account-number'],
  ['account number', 'account-number'],
  ['account #', 'account-number'],
  ['acct', 'account-number'],
  ['acct #', 'account-number'],
];

const TYPE_BY_LABEL = new Map(LABELS.map(([label, type]) => [labelKey(label), type]));

// Longest labels first, so `member id` wins over a shorter label sharing its start.
const LABEL_PATTERN = [...LABELS]
  .map(([label]) => label)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/#/g, '\\#').replace(/ /g, '[ \\t]{0,2}'))
  .join('|');

const SEPARATOR = '[\\s:#=.\\u2013-]{0,5}';
const FILLER = `(?:(?:number|num|nbr|no|is)(?![A-Za-z0-9])${SEPARATOR})?`;
const TOKEN = '([A-Za-z0-9](?:[A-Za-z0-9-]{0,22}[A-Za-z0-9])?)';
const CANDIDATE = new RegExp(`(?<![A-Za-z0-9])(${LABEL_PATTERN})(?![A-Za-z0-9])${SEPARATOR}${FILLER}${TOKEN}(?![A-Za-z0-9-])`, 'gi');

const MIN_CHARACTERS = 5;
const MIN_DIGITS = 3;

export function detectRecordNumbers(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(CANDIDATE)) {
    const label = found[1];
    const value = found[2];
    const characters = value.replace(/-/g, '').length;
    const digits = value.replace(/\D/g, '').length;
    if (characters < MIN_CHARACTERS || digits < MIN_DIGITS) {
      continue;
    }

    const start = found.index + found[0].length - value.length;
    const type = TYPE_BY_LABEL.get(labelKey(label)) ?? 'account-number';
    matches.push({ type, start, end: start + value.length, value, context: label });
  }
  return matches;
}

/** Labels compare without case or spaces: `Member  ID`, `memberid` and `member id` are one label. */
function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '');
}
