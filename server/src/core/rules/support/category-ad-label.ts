import { matcherFor } from '../../classify/matcher';
import type { PhraseConfig } from '../../classify/types';
import type { TemplateModel } from '../../model/types';

/**
 * Wording that identifies a message as an advertisement, as 15 USC 7704(a)(5)(A)(i) requires
 * of commercial mail sent without prior affirmative consent. Phrases match whole words, case
 * and hyphens ignored. A bare "ad" is too common a token to count in body text, so it counts
 * only as a label: `[Ad]` or `(Ad)` anywhere, or `Ad:` at the start of the subject.
 */
export const DEFAULT_AD_LABEL_PHRASES: readonly string[] = [
  'advertisement',
  'this is an ad',
  'this email is an ad',
  'promotional message',
  'promotional email',
  'promotional offer from',
  'sponsored',
  'paid promotion',
  '[ad]',
  '(ad)',
];

const SUBJECT_AD_PREFIX = /^\s*ad\s*[:|–—-]/i;

export interface AdLabel {
  where: 'subject' | 'body';
  text: string;
}

const configs = new Map<string, PhraseConfig>();

/** Finds the first advertisement label in the subject, then in the visible blocks; null when there is none. */
export function findAdLabel(model: TemplateModel, phrases: readonly string[]): AdLabel | null {
  const matcher = matcherFor(phraseConfig(phrases));
  const subject = model.subject?.text ?? '';

  const prefix = SUBJECT_AD_PREFIX.exec(subject);
  if (prefix) {
    return { where: 'subject', text: prefix[0].trim() };
  }
  const subjectHit = matcher.match(subject)[0];
  if (subjectHit) {
    return { where: 'subject', text: subjectHit.text };
  }

  const quick = quickFilter(phrases);
  for (const block of model.blocks) {
    // Tokenizing every block is the expensive part; most blocks hold none of the words.
    if (block.hidden || !quick.test(block.text)) {
      continue;
    }
    const hit = matcher.match(block.text)[0];
    if (hit) {
      return { where: 'body', text: hit.text };
    }
  }
  return null;
}

function phraseConfig(phrases: readonly string[]): PhraseConfig {
  const key = phrases.join('\u0000');
  let config = configs.get(key);
  if (!config) {
    config = { promotional: Object.fromEntries(phrases.map((phrase) => [phrase, 1])), transactional: {} };
    configs.set(key, config);
  }
  return config;
}

const filters = new Map<string, RegExp>();

/** A case-insensitive test for the letters of any phrase's first word, to skip blocks that cannot match. */
function quickFilter(phrases: readonly string[]): RegExp {
  const key = phrases.join('\u0000');
  let filter = filters.get(key);
  if (!filter) {
    const stems = phrases
      .map((phrase) => (phrase.toLowerCase().match(/[\p{L}\p{N}]+/u)?.[0] ?? '').slice(0, 5))
      .filter((stem) => stem !== '')
      .map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    filter = stems.length > 0 ? new RegExp(stems.join('|'), 'iu') : /$^/;
    filters.set(key, filter);
  }
  return filter;
}
