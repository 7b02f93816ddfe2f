import { findConditionTerms, type ConditionTermMatch } from '../../phi/conditions';
import { tokenize } from '../../phi/text-tokens';

/**
 * Words that turn a condition term into a public campaign rather than a fact about the reader:
 * `Breast Cancer Awareness Month`, `diabetes walk`, `cancer research gala`. A newsletter
 * subject like that goes to everyone and reveals nothing about who receives it.
 */
const CAMPAIGN_WORDS = new Set(['awareness', 'month', 'walk', 'run', 'ride', 'gala', 'fundraiser', 'research', '5k']);

/** How many tokens after a term a campaign word may stand (`cancer research gala`). */
const CAMPAIGN_REACH = 2;

/** Condition terms that reveal something about the reader: campaign and awareness wording left out. */
export function findRevealingTerms(text: string, extra: readonly string[]): ConditionTermMatch[] {
  const terms = findConditionTerms(text, extra);
  if (terms.length === 0) {
    return terms;
  }
  return terms.filter((term) => {
    const following = tokenize(text, term.end, Math.min(text.length, term.end + 40)).slice(0, CAMPAIGN_REACH);
    return !following.some((token) => CAMPAIGN_WORDS.has(token.norm));
  });
}
