import type { IdentifierMatch } from './types';

/**
 * Medicare Beneficiary Identifiers: 11 characters, dashes only in the 4-3-4 display form
 * (1EG4-TE5-MK73). Position 1 is 1-9; positions 2, 5, 8 and 9 are letters; 3 and 6 a letter
 * or digit; 4, 7, 10 and 11 digits. Letters never include S, L, O, I, B or Z. There is no
 * check digit, but the fixed letter and digit positions are specific enough to report without
 * a context word. Only upper case matches: CMS prints MBIs in capitals, and lower-case runs are
 * usually tokens in URLs.
 */
const L = '[AC-HJKMNP-RT-Y]';
const A = '[AC-HJKMNP-RT-Y0-9]';
const PLAIN = `[1-9]${L}${A}\\d${L}${A}\\d${L}${L}\\d\\d`;
const DASHED = `[1-9]${L}${A}\\d-${L}${A}\\d-${L}${L}\\d\\d`;
const CANDIDATE = new RegExp(`(?<![A-Za-z0-9-])(?:${DASHED}|${PLAIN})(?![A-Za-z0-9]|-[A-Za-z0-9])`, 'g');
const EXACT = new RegExp(`^(?:${DASHED}|${PLAIN})$`);

export function detectMbi(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];
  for (const found of text.matchAll(CANDIDATE)) {
    const start = found.index;
    matches.push({ type: 'mbi', start, end: start + found[0].length, value: found[0] });
  }
  return matches;
}

export function isValidMbi(mbi: string): boolean {
  return EXACT.test(mbi);
}
