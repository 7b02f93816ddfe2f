import { CONDITION_TERMS, type ConditionTermEntry } from './conditions-data';
import { PhraseIndex, type PhraseMatch } from './phrase-index';
import type { TextToken } from './text-tokens';

const DEFAULT_INDEX = buildIndex([]);

/** Returns the default condition-term index, or one extended with organisation-specific terms. */
export function conditionIndex(extra?: readonly string[]): PhraseIndex<ConditionTermEntry> {
  return extra === undefined || extra.length === 0 ? DEFAULT_INDEX : buildIndex(extra);
}

/** Finds the condition term starting at token `index`, skipping vaccine mentions. */
export function conditionTermAt(index: PhraseIndex<ConditionTermEntry>, tokens: readonly TextToken[], position: number): PhraseMatch<ConditionTermEntry> | undefined {
  const match = index.matchAt(tokens, position);
  return match === undefined || isVaccineMention(match, tokens) ? undefined : match;
}

function buildIndex(extra: readonly string[]): PhraseIndex<ConditionTermEntry> {
  const custom: ConditionTermEntry[] = extra.map((term) => ({ term, category: 'custom' }));
  return new PhraseIndex(
    [...CONDITION_TERMS, ...custom].map((entry) => ({
      phrase: entry.term,
      value: entry,
      caseSensitive: entry.caseSensitive,
      plural: true,
    })),
  );
}

/** `HPV vaccine` announces a vaccination and reveals nothing about a condition the reader has. */
function isVaccineMention(match: PhraseMatch<ConditionTermEntry>, tokens: readonly TextToken[]): boolean {
  const next = tokens[match.endToken];
  return next !== undefined && match.value.unlessFollowedBy !== undefined && match.value.unlessFollowedBy.includes(next.norm);
}
