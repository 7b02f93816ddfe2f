import { ContextWords } from './context';
import type { IdentifierMatch } from './types';

/**
 * US Social Security numbers: AAA-GG-SSSS with one consistent delimiter (dash or space) or
 * none. A delimited number is reported without context. A bare nine-digit run is reported only
 * with a context word nearby, because order and tracking numbers look the same.
 */
const DELIMITED = /(?<![A-Za-z0-9]|\d[-. ])(\d{3})([- ])(\d{2})\2(\d{4})(?![A-Za-z0-9]|-\d)/g;
const UNDELIMITED = /(?<![A-Za-z0-9]|\d[-. ])\d{9}(?![A-Za-z0-9]|[-.]\d)/g;

const CONTEXT = ContextWords.of(['ssn', 'ssns', 'ss', 'social security', 'social security number', 'social']);

/** Sample numbers printed on a wallet insert and in advertising, never issued to a person. */
const KNOWN_SAMPLES = new Set(['078051120', '123456789']);

export function detectSsn(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(DELIMITED)) {
    const digits = found[1] + found[3] + found[4];
    if (!isValidSsn(digits)) {
      continue;
    }
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    matches.push({ type: 'ssn', start, end, value: found[0], ...(context ? { context: context.text } : {}) });
  }

  for (const found of text.matchAll(UNDELIMITED)) {
    if (!isValidSsn(found[0])) {
      continue;
    }
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    if (context !== undefined) {
      matches.push({ type: 'ssn', start, end, value: found[0], context: context.text });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * Checks the nine digits against the rules the Social Security Administration publishes for
 * randomized numbers (since June 2011): area not 000, 666 or 900-999; group not 00; serial not
 * 0000; and not a known sample number.
 */
export function isValidSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || KNOWN_SAMPLES.has(digits)) {
    return false;
  }
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  return area !== 0 && area !== 666 && area < 900 && group !== '00' && serial !== '0000';
}
