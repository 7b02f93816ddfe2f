import { ContextWords } from './context';
import type { IdentifierMatch } from './types';

/**
 * DEA registration numbers: two letters and seven digits. The first letter is the registrant
 * type, the second the registrant's last-name initial or 9, and the seventh digit is a check
 * digit. Decision: the format and check digit together are enough, with no context word
 * required. The restricted first letter and the check digit leave about one random
 * upper-case letter-letter-seven-digit token in ten, and such tokens are rare in email copy.
 * Presidio's recognizer makes the same call. The context word, when present, is reported.
 */
const CANDIDATE = /(?<![A-Za-z0-9])([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})(?![A-Za-z0-9])/g;
const CONTEXT = ContextWords.of(['dea', 'dea number', 'dea registration', 'registration number', 'prescriber']);

export function detectDea(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(CANDIDATE)) {
    if (!isValidDea(found[0])) {
      continue;
    }
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    matches.push({ type: 'dea', start, end, value: found[0], ...(context ? { context: context.text } : {}) });
  }
  return matches;
}

/** (d1 + d3 + d5) + 2 × (d2 + d4 + d6); the last digit of the sum must equal d7. */
export function isValidDea(dea: string): boolean {
  if (!/^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/.test(dea)) {
    return false;
  }
  const d = [...dea.slice(2)].map(Number);
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}
