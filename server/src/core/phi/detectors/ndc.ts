import { ContextWords } from './context';
import type { IdentifierMatch } from './types';

/**
 * National Drug Codes: ten digits as 4-4-2, 5-3-2 or 5-4-1, or the HIPAA 11-digit 5-4-2 form
 * with or without dashes. There is no check digit, so the word NDC must be in the window.
 */
const DASHED = /(?<![A-Za-z0-9-])(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})(?![A-Za-z0-9]|-\d)/g;
const PLAIN = /(?<![A-Za-z0-9-])\d{11}(?![A-Za-z0-9]|-\d)/g;

const CONTEXT = ContextWords.of(['ndc', 'ndcs', 'national drug code']);

export function detectNdc(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const pattern of [DASHED, PLAIN]) {
    for (const found of text.matchAll(pattern)) {
      const start = found.index;
      const end = start + found[0].length;
      const context = CONTEXT.nearest(text, start, end);
      if (context !== undefined) {
        matches.push({ type: 'ndc', start, end, value: found[0], context: context.text });
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
