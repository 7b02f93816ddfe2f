import { conditionIndex, conditionTermAt } from './condition-index';
import type { ConditionCategory } from './conditions-data';
import { tokenize } from './text-tokens';

export { findConditionTargeting, type ConditionTargetingMatch } from './condition-targeting';

export interface ConditionTermMatch {
  /** The text as written, e.g. `Alzheimer's`. */
  term: string;
  start: number;
  end: number;
  category: ConditionCategory;
}

/**
 * Finds condition-revealing terms (HIV, chemotherapy, prenatal, dialysis…), word-bounded and
 * case-insensitive. `extra` adds organisation-specific terms, reported with category `custom`.
 * Where a term sits (subject, URL, body) is for the rules to judge, so `cancer awareness month`
 * matches here too.
 */
export function findConditionTerms(text: string, extra?: readonly string[]): ConditionTermMatch[] {
  const tokens = tokenize(text);
  const index = conditionIndex(extra);
  const found: ConditionTermMatch[] = [];
  let position = 0;

  // Left to right, longest term first, so `radiation therapy` is one match, not two.
  while (position < tokens.length) {
    const match = conditionTermAt(index, tokens, position);
    if (match === undefined) {
      position++;
      continue;
    }
    found.push({ term: text.slice(match.start, match.end), start: match.start, end: match.end, category: match.value.category });
    position = match.endToken;
  }
  return found;
}
