import { ContextWords } from './context';
import { luhnCheckDigit } from './luhn';
import type { IdentifierMatch } from './types';

/**
 * National Provider Identifiers: ten digits, first digit 1 or 2, last digit a Luhn check over
 * the card-issuer prefix 80840 followed by the first nine. One in ten random ten-digit numbers
 * passes the check, so the word NPI must be in the context window.
 */
const CANDIDATE = /(?<![A-Za-z0-9]|\d[-. ])[12]\d{9}(?![A-Za-z0-9]|[-.]\d)/g;
const CONTEXT = ContextWords.of(['npi', 'npis', 'national provider identifier', 'national provider id']);

export function detectNpi(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(CANDIDATE)) {
    if (!isValidNpi(found[0])) {
      continue;
    }
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    if (context !== undefined) {
      matches.push({ type: 'npi', start, end, value: found[0], context: context.text });
    }
  }
  return matches;
}

export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) {
    return false;
  }
  return luhnCheckDigit(`80840${npi.slice(0, 9)}`) === Number(npi[9]);
}
