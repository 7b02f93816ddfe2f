import { matcherFor } from './matcher';
import { DEFAULT_PHRASES } from './phrases-data';
import type { PhraseConfig, PhraseHit, ScoreLabel, SignalScore } from './types';

/** A block's label needs this much weight on its side as well as more than the other side. */
export const BLOCK_THRESHOLD = 2;

/**
 * Scores one text. Each phrase counts once per text however often it repeats, so a receipt
 * listing six prices scores like one price; `hits` still lists every occurrence.
 */
export function scoreText(text: string, phrases: PhraseConfig): Omit<SignalScore, 'label'> {
  const hits = matcherFor(phrases).match(text);
  let promotional = 0;
  let transactional = 0;
  for (const hit of distinctHits(hits)) {
    if (hit.signal === 'promotional') promotional += hit.weight;
    else transactional += hit.weight;
  }
  return { promotional, transactional, hits };
}

/** Returns the first hit of each phrase and signal, in text order: the hits a score counts. */
export function distinctHits(hits: PhraseHit[]): PhraseHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = `${hit.signal}\u0000${hit.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Labels a block: the side with at least `BLOCK_THRESHOLD` and more weight than the other, else neutral. */
export function blockLabel(promotional: number, transactional: number): ScoreLabel {
  if (promotional >= BLOCK_THRESHOLD && promotional > transactional) return 'promotional';
  if (transactional >= BLOCK_THRESHOLD && transactional > promotional) return 'transactional';
  return 'neutral';
}

/**
 * Labels a scored block: `blockLabel` on its sums, and the winning side needs one phrase of
 * weight 2 or more. Weak phrases alone do not label a block: "View in browser | Unsubscribe"
 * sums to 2 but is a footer, not an offer, and "Privacy statement | My account" is not a
 * notice. Weak phrases still count in the totals that decide a template no block labels,
 * such as an article-only newsletter.
 */
export function scoredBlockLabel(score: Omit<SignalScore, 'label'>): ScoreLabel {
  const label = blockLabel(score.promotional, score.transactional);
  if (label === 'neutral') return label;
  const strongest = Math.max(0, ...score.hits.filter((hit) => hit.signal === label).map((hit) => hit.weight));
  return strongest >= BLOCK_THRESHOLD ? label : 'neutral';
}

/**
 * Labels a subject by whichever side weighs more, with no threshold: a subject is short, and
 * one promotional phrase in it is what a reader notices first.
 */
export function subjectLabel(promotional: number, transactional: number): ScoreLabel {
  if (promotional > transactional) return 'promotional';
  if (transactional > promotional) return 'transactional';
  return 'neutral';
}

/** Scores a subject line on its own, e.g. for a hover on the directive's `subject`. */
export function subjectSignals(subject: string, phrases: PhraseConfig = DEFAULT_PHRASES): SignalScore {
  const score = scoreText(subject, phrases);
  return { ...score, label: subjectLabel(score.promotional, score.transactional) };
}
