import { ContextWords } from './context';
import type { IdentifierMatch } from './types';

/**
 * ICD-10-CM diagnosis codes: a letter (U included, as in U07.1), a digit, a digit or letter,
 * then an optional dot and up to four letters or digits (X is a placeholder). The dotted form is
 * reported anywhere. Undotted forms (E119, S72001A) collide with model numbers and words, so
 * they need a context word (ICD, dx, diagnosis) in the window. Only upper case matches, as
 * codes are printed.
 */
const DOTTED = /(?<![A-Za-z0-9.-])[A-Z]\d[A-Z0-9]\.[A-Z0-9]{1,4}(?![A-Za-z0-9]|\.[A-Za-z0-9])/g;
const UNDOTTED = /(?<![A-Za-z0-9.-])[A-Z]\d[A-Z0-9][A-Z0-9]{0,4}(?![A-Za-z0-9]|[.-][A-Za-z0-9])/g;

const CONTEXT = ContextWords.of(['icd', 'icd10', 'icd 10', 'icd 10 cm', 'dx', 'diagnosis', 'diagnoses', 'diagnosis code', 'diagnostic code']);

/**
 * Undotted tokens that fit the shape but are lab tests, vitamins or virus strains, which sit
 * next to the word `diagnosis` often enough to matter.
 */
const NOT_CODES = new Set(['A1C', 'B12', 'B6', 'D3', 'H1N1', 'H3N2', 'H5N1', 'K2', 'T3', 'T4', 'C19']);

export function detectIcd10(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(DOTTED)) {
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    matches.push({ type: 'icd10', start, end, value: found[0], ...(context ? { context: context.text } : {}) });
  }

  for (const found of text.matchAll(UNDOTTED)) {
    if (NOT_CODES.has(found[0])) {
      continue;
    }
    const start = found.index;
    const end = start + found[0].length;
    const context = CONTEXT.nearest(text, start, end);
    if (context !== undefined) {
      matches.push({ type: 'icd10', start, end, value: found[0], context: context.text });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
