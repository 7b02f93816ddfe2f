import { ContextWords } from './context';
import type { IdentifierMatch } from './types';

/**
 * Dates of birth: a full date (day, month and year) with a birth word in the context window.
 * A year alone, a month and year, or a date with no birth word (an event or appointment date)
 * is not reported here.
 */
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** m/d/yyyy, m-d-yyyy, m.d.yyyy and two-digit years; the order of day and month is not assumed. */
const NUMERIC = /(?<![A-Za-z0-9/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![A-Za-z0-9/-]|\.\d)/g;
const ISO = /(?<![A-Za-z0-9/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![A-Za-z0-9/-]|\.\d)/g;
const MONTH_FIRST = new RegExp(`(?<![A-Za-z0-9])${MONTH}\\.?[ \\t]{1,3}(\\d{1,2})${ORDINAL},?[ \\t]{1,3}(\\d{4})(?![A-Za-z0-9])`, 'gi');
const DAY_FIRST = new RegExp(`(?<![A-Za-z0-9])(\\d{1,2})${ORDINAL}[ \\t]{1,3}(?:of[ \\t]{1,3})?${MONTH}\\.?,?[ \\t]{1,3}(\\d{4})(?![A-Za-z0-9])`, 'gi');

const CONTEXT = ContextWords.of(['dob', 'd o b', 'date of birth', 'birth date', 'birthdate', 'born', 'birthday', 'bday']);

export function detectDob(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  const consider = (start: number, value: string, valid: boolean): void => {
    if (!valid) {
      return;
    }
    const end = start + value.length;
    const context = CONTEXT.nearest(text, start, end);
    if (context !== undefined) {
      matches.push({ type: 'dob', start, end, value, context: context.text });
    }
  };

  for (const found of text.matchAll(NUMERIC)) {
    const first = Number(found[1]);
    const second = Number(found[3]);
    consider(found.index, found[0], (isDay(first, second) || isDay(second, first)) && !isThisYearOrLater(found[4]));
  }
  for (const found of text.matchAll(ISO)) {
    consider(found.index, found[0], isPlausibleYear(found[1]) && isDay(Number(found[3]), Number(found[4])) && !isThisYearOrLater(found[1]));
  }
  for (const found of text.matchAll(MONTH_FIRST)) {
    consider(found.index, found[0], isPlausibleYear(found[3]) && Number(found[2]) >= 1 && Number(found[2]) <= 31 && !isThisYearOrLater(found[3]));
  }
  for (const found of text.matchAll(DAY_FIRST)) {
    consider(found.index, found[0], isPlausibleYear(found[3]) && Number(found[1]) >= 1 && Number(found[1]) <= 31 && !isThisYearOrLater(found[3]));
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** True when `month`/`day` can be a calendar month and day. */
function isDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isPlausibleYear(year: string): boolean {
  const value = Number(year);
  return value >= 1850 && value <= 2199;
}

/**
 * True for a year of this calendar year or later: such a date next to "birthday" or "born" is
 * an event ("25th birthday open house on 06/06/2026"), not a recipient's date of birth.
 * Two-digit years are read as 19xx or 20xx whichever is not in the future.
 */
function isThisYearOrLater(year: string): boolean {
  const current = new Date().getFullYear();
  let value = Number(year);
  if (year.length === 2) {
    value += value + 2000 > current ? 1900 : 2000;
  }
  return value >= current;
}
