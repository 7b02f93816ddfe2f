import type { BlockScore } from '../../classify/types';
import type { RuleContext } from '../../engine/rule';
import type { Span } from '../../model/source';
import type { ContentBlock } from '../../model/types';

/** A content block with the classifier's score for it. */
export interface ScoredBlock {
  block: ContentBlock;
  score: BlockScore;
}

/**
 * Returns the first block of each run of consecutive promotional blocks, in reading order, so
 * an offer made of a heading, a paragraph and a button is one finding. The engine drops hidden blocks before classifying,
 * so a hidden preheader with an offer is not returned.
 */
export function promotionalBlocks(context: RuleContext): ScoredBlock[] {
  const classification = context.category.classification;
  if (!classification) {
    return [];
  }
  const byIndex = new Map(context.model.blocks.map((block) => [block.index, block]));
  const found: ScoredBlock[] = [];
  let previousPromotional = false;
  for (const score of classification.blocks) {
    const block = byIndex.get(score.index);
    const promotional = score.label === 'promotional' && block !== undefined;
    // A heading, paragraph and button in a row make one offer; report the run once, at its start.
    if (promotional && !previousPromotional) {
      found.push({ block, score });
    }
    previousPromotional = promotional;
  }
  return found;
}

/** True when the template's category came from the directive or the config rather than the classifier. */
export function isDeclared(context: RuleContext): boolean {
  return context.category.source === 'directive' || context.category.source === 'config';
}

/**
 * Returns the span for a finding about a block: from the block's open tag to the end of that
 * line or of the block, whichever comes first. One line keeps the squiggle readable for a
 * multi-line section. Stopping at the block's end keeps a minified template from underlining
 * everything after the block.
 */
export function blockFirstLineSpan(block: ContentBlock): Span {
  const { file, start, end } = block.span;
  const lineBreak = file.text.slice(start, end).search(/\r?\n/);
  const lineEnd = lineBreak === -1 ? end : start + lineBreak;
  const trimmed = file.text.slice(start, lineEnd).trimEnd();
  return { file, start, end: start + trimmed.length };
}

/** Quotes the distinct phrases that scored a block on one side, e.g. `'20% off', 'promo code'`. */
export function quotedPhrases(score: BlockScore, signal: 'promotional' | 'transactional', limit = 4): string {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const hit of score.hits) {
    const key = hit.phrase;
    if (hit.signal !== signal || seen.has(key)) {
      continue;
    }
    seen.add(key);
    phrases.push(`'${hit.text}'`);
  }
  const listed = phrases.slice(0, limit).join(', ');
  return phrases.length > limit ? `${listed} and ${phrases.length - limit} more` : listed;
}
