import { DEFAULT_PHRASES } from './phrases-data';
import { tokenizePhrase } from './tokenize';
import type { PhraseConfig, Signal, UserPhrases } from './types';

/**
 * Merges the `classifier` section of `presend.config.json` over the default phrases. A user
 * phrase replaces any default that reads the same once tokenized (case, spacing and hyphens
 * aside), and weight 0 removes it.
 *
 * @throws Error naming the phrase when a weight is negative or not a finite number, or when a
 *   phrase has no words or symbols to match.
 */
export function mergePhraseConfig(user?: UserPhrases, base: PhraseConfig = DEFAULT_PHRASES): PhraseConfig {
  return {
    promotional: mergeSignal('promotional', base.promotional, user?.promotional),
    transactional: mergeSignal('transactional', base.transactional, user?.transactional),
  };
}

function mergeSignal(
  signal: Signal,
  base: Readonly<Record<string, number>>,
  overrides: Record<string, number> | undefined,
): Readonly<Record<string, number>> {
  if (overrides === undefined) return base;

  // Keyed by token form so `Lab Results` and `lab-results` replace `lab results`.
  const byTokens = new Map<string, [string, number]>();
  for (const [phrase, weight] of Object.entries(base)) byTokens.set(tokenKey(phrase), [phrase, weight]);

  for (const [phrase, weight] of Object.entries(overrides)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `classifier.${signal}["${phrase}"] is ${JSON.stringify(weight)}; use a weight of 0 (removes the phrase) or more, usually 1, 2 or 3.`,
      );
    }
    const key = tokenKey(phrase);
    if (key === '') {
      throw new Error(`classifier.${signal} has the phrase ${JSON.stringify(phrase)}, which has nothing to match; remove it or add words.`);
    }
    if (weight === 0) byTokens.delete(key);
    else byTokens.set(key, [phrase, weight]);
  }

  return Object.freeze(Object.fromEntries(byTokens.values()));
}

function tokenKey(phrase: string): string {
  return tokenizePhrase(phrase).join(' ');
}
