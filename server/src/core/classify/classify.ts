import { DEFAULT_PHRASES } from './phrases-data';
import { distinctHits, scoredBlockLabel, scoreText, subjectSignals } from './score';
import type { BlockScore, Classification, ClassifierBlock, PhraseConfig, PhraseHit, Signal, SignalScore } from './types';

/**
 * Classifies a template as transactional, marketing or mixed, and decides whether it is
 * commercial under the primary-purpose test of 16 CFR 316.3(a)(2). A mixed message is
 * commercial when its subject reads as commercial, or when its transactional content does not
 * come first in the body.
 */
/** Longest block, in words, that counts as a call to action when it follows an offer. */
const CALL_TO_ACTION_WORDS = 4;

export function classify(input: { subject?: string; blocks: ClassifierBlock[] }, phrases: PhraseConfig = DEFAULT_PHRASES): Classification {
  const subject = input.subject !== undefined && input.subject.trim() !== '' ? subjectSignals(input.subject, phrases) : null;
  const blocks: BlockScore[] = input.blocks.map((block) => {
    const score = scoreText(block.text, phrases);
    return { index: block.index, ...score, label: scoredBlockLabel(score) };
  });

  const promotionalBlocks = blocks.filter((block) => block.label === 'promotional');
  const firstPromotionalIndex = promotionalBlocks.length > 0 ? Math.min(...promotionalBlocks.map((block) => block.index)) : Infinity;
  const words = new Map(input.blocks.map((block) => [block.index, block.text.trim().split(/\s+/).filter(Boolean).length]));
  // A short call to action after an offer ("Reserve your appointment") belongs to the offer;
  // it is not transactional content of its own.
  const transactionalBlocks = blocks.filter(
    (block) => block.label === 'transactional' && !(block.index > firstPromotionalIndex && (words.get(block.index) ?? 0) <= CALL_TO_ACTION_WORDS),
  );
  const promotionalSubject = subject?.label === 'promotional';

  // A promotional subject is promotional content in its own right: a reminder whose subject
  // advertises whitening is mixed even when every block is transactional.
  const hasPromotional = promotionalBlocks.length > 0 || promotionalSubject;

  if (!hasPromotional && transactionalBlocks.length === 0) return decideOnTotals(subject, blocks);

  if (!hasPromotional) {
    return {
      category: 'transactional',
      commercial: false,
      subject,
      blocks,
      evidence: evidenceFor(subject, blocks, ['transactional']),
      basis: 'blocks',
      reason: `${count(transactionalBlocks.length, 'transactional block')} and no promotional block or subject.`,
    };
  }

  if (transactionalBlocks.length === 0) {
    return {
      category: 'marketing',
      commercial: true,
      subject,
      blocks,
      evidence: evidenceFor(subject, blocks, ['promotional']),
      basis: 'blocks',
      reason: `Promotional content (${promotionalParts(promotionalBlocks.length, promotionalSubject)}) and no transactional block.`,
    };
  }

  return decideMixed(subject, blocks, promotionalBlocks, transactionalBlocks);
}

function decideMixed(
  subject: SignalScore | null,
  blocks: BlockScore[],
  promotionalBlocks: BlockScore[],
  transactionalBlocks: BlockScore[],
): Classification {
  const firstTransactional = Math.min(...transactionalBlocks.map((block) => block.index));
  const firstPromotional = promotionalBlocks.length > 0 ? Math.min(...promotionalBlocks.map((block) => block.index)) : undefined;
  const promotionalFirst = firstPromotional !== undefined && firstPromotional < firstTransactional;
  const promotionalSubject = subject?.label === 'promotional';

  const reasons: string[] = [];
  if (promotionalSubject) reasons.push('the subject is promotional');
  if (promotionalFirst) reasons.push(`promotional block ${firstPromotional} comes before the first transactional block ${firstTransactional}`);

  const classification: Classification = {
    category: 'mixed',
    commercial: reasons.length > 0,
    subject,
    blocks,
    evidence: evidenceFor(subject, blocks, ['promotional', 'transactional']),
    basis: 'blocks',
    reason:
      reasons.length > 0
        ? `Transactional and promotional content are mixed and ${reasons.join(' and ')}, so the primary purpose is commercial.`
        : `Transactional and promotional content are mixed, but transactional block ${firstTransactional} comes first and the subject is not promotional, so the primary purpose stays transactional.`,
  };
  if (promotionalFirst) classification.promotionalFirstIndex = firstPromotional;
  return classification;
}

/**
 * With no labelled block and no labelled subject, weak signals decide together: a newsletter
 * skeleton's "Read more", "View in browser" and "Unsubscribe" add up to marketing. With no
 * phrase at all the template is taken as transactional, because most such templates are
 * short notices or empty layouts, and a directive or config can declare the category.
 */
/** Least summed promotional weight that makes a template with no labelled block marketing. */
const MINIMUM_PROMOTIONAL_TOTAL = 2;

/** Phrases that mark a message sent to a mailing list; one of them is enough on its own. */
const LIST_MEMBERSHIP_PHRASES = new Set([
  'unsubscribe',
  'update your preferences',
  'subscription preferences',
  'manage subscription',
  'how you receive these emails',
  'view in browser',
  'in your browser',
  'view online',
  'web version',
  'subscribed',
  'you subscribed',
  'subscriber',
  'opted in',
  'newsletter',
  'forward to a friend',
]);

function decideOnTotals(subject: SignalScore | null, blocks: BlockScore[]): Classification {
  const texts: SignalScore[] = subject === null ? blocks : [subject, ...blocks];
  const promotional = texts.reduce((sum, text) => sum + text.promotional, 0);
  const transactional = texts.reduce((sum, text) => sum + text.transactional, 0);

  if (promotional === 0 && transactional === 0) {
    return {
      category: 'transactional',
      commercial: false,
      subject,
      blocks,
      evidence: [],
      basis: 'none',
      reason: 'No promotional or transactional phrase was found, so the template is taken as transactional.',
    };
  }

  // One weak phrase (a lone price such as "a $20 value") is too little to call a message
  // marketing, unless it is the mark of a mailing list, such as an unsubscribe link.
  const listMark = texts.some((text) => text.hits.some((hit) => hit.signal === 'promotional' && LIST_MEMBERSHIP_PHRASES.has(hit.phrase)));
  const marketing = promotional > transactional && (promotional >= MINIMUM_PROMOTIONAL_TOTAL || listMark);
  return {
    category: marketing ? 'marketing' : 'transactional',
    commercial: marketing,
    subject,
    blocks,
    evidence: evidenceFor(subject, blocks, [marketing ? 'promotional' : 'transactional'], true),
    basis: 'totals',
    reason: `No block reached a label, and the phrases found weigh ${promotional} promotional against ${transactional} transactional.`,
  };
}

/**
 * Evidence lines for the hits that made the decision: in the subject and in each block whose
 * label is one of `signals` (or in every block, for a decision on totals), the counted hits
 * of that block's side.
 */
function evidenceFor(subject: SignalScore | null, blocks: BlockScore[], signals: Signal[], everyBlock = false): string[] {
  const evidence: string[] = [];
  const counts = (label: string): boolean => (signals as string[]).includes(label);

  if (subject !== null && (everyBlock || counts(subject.label))) {
    const signal = everyBlock ? signals[0] : (subject.label as Signal);
    for (const hit of distinctHits(subject.hits)) if (hit.signal === signal) evidence.push(describeHit(hit, 'subject'));
  }
  for (const block of blocks) {
    if (!everyBlock && !counts(block.label)) continue;
    const signal = everyBlock ? signals[0] : (block.label as Signal);
    for (const hit of distinctHits(block.hits)) if (hit.signal === signal) evidence.push(describeHit(hit, `block ${block.index}`));
  }
  return evidence;
}

/** Formats a hit as `'20% off' (promotional, 3) in block 4`. */
export function describeHit(hit: PhraseHit, where: string): string {
  return `'${hit.text}' (${hit.signal}, ${hit.weight}) in ${where}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function promotionalParts(blockCount: number, promotionalSubject: boolean): string {
  const parts: string[] = [];
  if (blockCount > 0) parts.push(count(blockCount, 'block'));
  if (promotionalSubject) parts.push('the subject');
  return parts.join(' and ');
}
