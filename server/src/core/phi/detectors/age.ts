import type { IdentifierMatch } from './types';

/**
 * Ages over 89, which Safe Harbor lists as identifiers (shown as "90 or older"): `age 92`,
 * `aged 95`, `92 years old`, `92-year-old`, for ages 90 to 125. The span covers the whole phrase
 * so a fix can replace it. Durations (`90 days`), anniversaries (`100 years of care`) and
 * percentages (`over 90%`) lack the age words and do not match.
 *
 * A group ("aged 90 or older", "aged 90+") is not a person's age and is not reported.
 * NOTE: `years old` does not check what it describes, so `our 100-year-old hospital` matches.
 */
const AGE_WORD = /(?<![A-Za-z0-9])(aged?)(?:[ \t]{0,3}:)?[ \t]{0,3}(?:of[ \t]{1,3})?(\d{2,3})(?![\d%+]|\.\d|[ \t]{0,2}(?:%|percent|days?|weeks?|months?|minutes?|hours?|mg|kg|lbs?)(?![A-Za-z])|[ \t]{1,3}(?:or|and)[ \t]{1,3}(?:older|over|above)\b)/gi;
const YEARS_OLD = /(?<![A-Za-z0-9.])(\d{2,3})(?:[ \t]{0,2}|-)(?:years?|yrs?)(?:[ \t]{1,2}|-)old(?![A-Za-z])/gi;

const MIN_AGE = 90;
const MAX_AGE = 125;

export function detectAgeOver89(text: string): IdentifierMatch[] {
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(AGE_WORD)) {
    if (isOver89(found[2])) {
      matches.push({ type: 'age-over-89', start: found.index, end: found.index + found[0].length, value: found[0], context: found[1] });
    }
  }
  for (const found of text.matchAll(YEARS_OLD)) {
    if (isOver89(found[1])) {
      const start = found.index;
      const end = start + found[0].length;
      matches.push({ type: 'age-over-89', start, end, value: found[0], context: found[0].slice(found[1].length).replace(/^[\s-]+/, '') });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

function isOver89(digits: string): boolean {
  const age = Number(digits);
  return age >= MIN_AGE && age <= MAX_AGE;
}
