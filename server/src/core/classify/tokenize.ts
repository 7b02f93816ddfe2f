import { findMergeTags } from './merge-tags';

/**
 * Splits text into the tokens phrases are matched against. Words are runs of letters and
 * digits (with inner apostrophes), numbers may contain `.` and `,` between digits, and any
 * other visible character except a hyphen is a one-character symbol token. Whitespace,
 * hyphens and dashes separate tokens, so `check-in` and `check in` read the same.
 */

export interface Token {
  /** Lower-cased word, a symbol, or one of the class values below. */
  value: string;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

/** Value of a number token and of a merge tag printing a value: a phrase's number matches either. */
export const NUMBER = '<number>';

/** Value standing for the code of a merge tag around its literals; no phrase matches it. */
export const BREAK = '<break>';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SEPARATOR = /[\s\-\u2010-\u2015_]/u;
/** Zero-width characters some templates put inside words to stop auto-linking. */
const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const APOSTROPHES = /['\u2019\u02bc]/;

/** Tokenizes `text`, treating merge tags as described in `merge-tags.ts`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;

  for (const tag of findMergeTags(text)) {
    scanText(text, position, tag.start, tokens);
    if (tag.literals.length === 0) {
      tokens.push({ value: NUMBER, start: tag.start, end: tag.end });
    } else {
      let codeStart = tag.start;
      for (const [literalStart, literalEnd] of tag.literals) {
        tokens.push({ value: BREAK, start: codeStart, end: literalStart });
        scanText(text, literalStart, literalEnd, tokens);
        codeStart = literalEnd;
      }
      tokens.push({ value: BREAK, start: codeStart, end: tag.end });
    }
    position = tag.end;
  }
  scanText(text, position, text.length, tokens);
  return tokens;
}

/** Tokenizes a phrase from the configuration; a phrase has no merge tags. */
export function tokenizePhrase(phrase: string): string[] {
  const tokens: Token[] = [];
  scanText(phrase, 0, phrase.length, tokens);
  return tokens.map((token) => token.value);
}

function scanText(text: string, from: number, to: number, tokens: Token[]): void {
  let position = from;
  while (position < to) {
    const char = text[position];
    if (isSeparator(char) || isIgnorable(char)) {
      position++;
    } else if (isDigit(char)) {
      position = scanNumberOrWord(text, position, to, tokens);
    } else if (isWordChar(char)) {
      position = scanWord(text, position, to, tokens);
    } else {
      tokens.push({ value: APOSTROPHES.test(char) ? "'" : char, start: position, end: position + 1 });
      position++;
    }
  }
}

/** Scans a run starting with a digit: a number, unless letters follow as in `3rd`, which makes it a word. */
function scanNumberOrWord(text: string, from: number, to: number, tokens: Token[]): number {
  let position = from;
  while (position < to && (isDigit(text[position]) || isIgnorable(text[position]) || isInnerNumberMark(text, position, to))) {
    position++;
  }
  if (position < to && isWordChar(text[position])) return scanWord(text, from, to, tokens);
  tokens.push({ value: NUMBER, start: from, end: position });
  return position;
}

function isInnerNumberMark(text: string, position: number, to: number): boolean {
  const char = text[position];
  return (char === '.' || char === ',') && position + 1 < to && isDigit(text[position + 1]);
}

function scanWord(text: string, from: number, to: number, tokens: Token[]): number {
  let value = '';
  let position = from;
  while (position < to) {
    const char = text[position];
    if (isWordChar(char)) {
      value += char;
    } else if (isIgnorable(char)) {
      // Skipped so that `add\u200cress` still reads as `address`.
    } else if (APOSTROPHES.test(char) && position + 1 < to && isWordChar(text[position + 1]) && value !== '') {
      value += "'";
    } else {
      break;
    }
    position++;
  }
  tokens.push({ value: value.toLowerCase(), start: from, end: position });
  return position;
}

// ASCII fast paths: templates are mostly ASCII, and a Unicode property test per character
// was the largest cost of classifying a 100 KB template.
function isDigit(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return WORD_CHAR.test(char);
}

function isSeparator(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) {
    return code === 32 || (code >= 9 && code <= 13) || code === 45 || code === 95;
  }
  return SEPARATOR.test(char);
}

function isIgnorable(char: string): boolean {
  return char.charCodeAt(0) >= 128 && IGNORABLE.test(char);
}
