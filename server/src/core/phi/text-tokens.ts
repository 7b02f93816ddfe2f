/**
 * Word tokens of free text with their UTF-16 offsets, shared by the condition-term and
 * context-word scanners. A token is a run of letters and digits; an apostrophe between two
 * letters stays inside the token (`Alzheimer's`) and is dropped from `norm`.
 */
export interface TextToken {
  /** The token as written. */
  raw: string;
  /** Lower case, apostrophes removed: the form dictionaries compare against. */
  norm: string;
  start: number;
  end: number;
}

const APOSTROPHES = new Set(["'", '\u2019']);

/** Tokenizes `text[from, to)` in one pass, so the cost is linear in the length. */
export function tokenize(text: string, from = 0, to = text.length): TextToken[] {
  const tokens: TextToken[] = [];
  let i = from;

  while (i < to) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && (isWordChar(text, i) || (APOSTROPHES.has(text[i]) && i + 1 < to && isWordChar(text, i + 1) && i > start))) {
      i++;
    }
    const raw = text.slice(start, i);
    tokens.push({ raw, norm: raw.toLowerCase().replace(/['\u2019]/g, ''), start, end: i });
  }
  return tokens;
}

export function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
    return true;
  }
  if (code < 128 || Number.isNaN(code)) {
    return false;
  }
  return /[\p{L}\p{N}]/u.test(text[index]);
}
