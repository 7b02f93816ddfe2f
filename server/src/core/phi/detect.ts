import { detectAgeOver89 } from './detectors/age';
import { detectDea } from './detectors/dea';
import { detectDob } from './detectors/dob';
import { detectEmails } from './detectors/email';
import { detectIcd10 } from './detectors/icd10';
import { detectMbi } from './detectors/mbi';
import { detectNdc } from './detectors/ndc';
import { detectNpi } from './detectors/npi';
import { detectPhones } from './detectors/phone';
import { detectRecordNumbers } from './detectors/record-numbers';
import { detectSsn } from './detectors/ssn';
import type { DetectOptions, IdentifierMatch, IdentifierType } from './detectors/types';

export type { DetectOptions, IdentifierMatch, IdentifierType } from './detectors/types';

/**
 * When two matches overlap, the more specific detector keeps its match: a checksum or fixed
 * format beats a context-only guess, so `Account: 123-45-6789` is an SSN, not an account
 * number, and `NPI 2345678903` is an NPI, not a phone number.
 */
const PRIORITY: readonly IdentifierType[] = [
  'ssn',
  'mbi',
  'npi',
  'dea',
  'ndc',
  'icd10',
  'dob',
  'age-over-89',
  'email',
  'phone',
  'mrn',
  'member-id',
  'account-number',
];

/**
 * Finds literal identifiers in text: numbers with a checksum or fixed format, and numbers,
 * dates and contact details qualified by a context word in the window around them (40
 * characters either side, within the sentence). Matches never overlap and come in text order.
 */
export function detectIdentifiers(text: string, options: DetectOptions = {}): IdentifierMatch[] {
  const all = [
    ...detectSsn(text),
    ...detectMbi(text),
    ...detectNpi(text),
    ...detectDea(text),
    ...detectNdc(text),
    ...detectIcd10(text),
    ...detectDob(text),
    ...detectAgeOver89(text),
    ...detectEmails(text, options),
    ...detectPhones(text, options),
    ...detectRecordNumbers(text),
  ];
  return removeOverlaps(all);
}

function removeOverlaps(matches: readonly IdentifierMatch[]): IdentifierMatch[] {
  const byPriority = [...matches].sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || a.start - b.start);
  // Selected matches, sorted by start and never overlapping, so only the neighbours of an
  // insertion point can overlap a new match.
  const selected: IdentifierMatch[] = [];

  for (const match of byPriority) {
    const index = firstStartingAtOrAfter(selected, match.start);
    const previous = selected[index - 1];
    const next = selected[index];
    const overlapsPrevious = previous !== undefined && previous.end > match.start;
    const overlapsNext = next !== undefined && next.start < match.end;
    if (!overlapsPrevious && !overlapsNext) {
      selected.splice(index, 0, match);
    }
  }
  return selected;
}

function firstStartingAtOrAfter(sorted: readonly IdentifierMatch[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < start) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
