/**
 * Splits a merge-field path into lower-case words, the unit the field dictionary matches on.
 *
 * `patient.diagnosisCode` → patient, diagnosis, code; `LIST:ADDRESS` → list, address;
 * `recipient.first_name` → recipient, first, name; `MMERGE3` → mmerge, 3.
 */

/** Words that carry digits and must not be split at the letter-digit boundary. */
const WORDS_WITH_DIGITS = new Set(['a1c', 'hba1c', 'icd10', 'icd9', 'b12', 'covid19', 'h1n1', 'brca1', 'brca2', 'w2', 'i9', '1099']);

export function splitFieldWords(path: string): string[] {
  const words: string[] = [];

  // Any character that is not a letter or digit separates parts: dots, underscores, dashes,
  // colons of Mailchimp tags, brackets of `items[0]`, spaces.
  for (const part of path.split(/[^A-Za-z0-9]+/)) {
    if (part === '') {
      continue;
    }
    for (const camelPart of splitCamelCase(part)) {
      words.push(...splitDigits(camelPart.toLowerCase()));
    }
  }
  return words;
}

/** Splits `diagnosisCode` → diagnosis, Code and `MRNNumber` → MRN, Number; all-caps stays whole. */
function splitCamelCase(part: string): string[] {
  const pieces: string[] = [];
  let start = 0;

  for (let i = 1; i < part.length; i++) {
    const previous = part[i - 1];
    const current = part[i];
    const next = part[i + 1] ?? '';
    const lowerToUpper = isLower(previous) && isUpper(current);
    const acronymEnd = isUpper(previous) && isUpper(current) && isLower(next);
    const digitToUpper = isDigit(previous) && isUpper(current) && isLower(next);
    if (lowerToUpper || acronymEnd || digitToUpper) {
      pieces.push(part.slice(start, i));
      start = i;
    }
  }
  pieces.push(part.slice(start));
  return pieces;
}

/** Splits `address2` → address, 2 unless the whole word is a known term such as `a1c`. */
function splitDigits(word: string): string[] {
  if (WORDS_WITH_DIGITS.has(word) || !/\d/.test(word) || /^\d+$/.test(word)) {
    return [word];
  }
  const pieces = word.match(/[a-z]+|\d+/g) ?? [];
  return pieces;
}

function isLower(char: string): boolean {
  return char >= 'a' && char <= 'z';
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
