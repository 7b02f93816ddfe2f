import { matcherFor } from '../../classify/matcher';
import type { PhraseConfig, SignalScore } from '../../classify/types';

/**
 * Subject wording that presents the message as being about a transaction or an existing
 * relationship. On a commercial message such a subject misleads about what the message is,
 * which 15 USC 7704(a)(2) forbids. The classifier's transactional subject label covers the
 * content words ("your results", "statement"); this list adds the alarm and account wording
 * that advertisers borrow and that the classifier does not score.
 */
export const DEFAULT_RELATIONSHIP_PHRASES: readonly string[] = [
  'action required',
  'action needed',
  'response required',
  'important notice',
  'important account notice',
  'account notice',
  'account update',
  'your account',
  'account statement',
  'your statement',
  'your results',
  'your visit',
  'your appointment',
  'your order',
  'your prescription',
  'your invoice',
  'your receipt',
  'payment due',
  'final notice',
  'confirmation',
];

/** `Re:`, `Fwd:`, `Fw:` and their German and French forms at the start of a subject: a reply or a forward. */
const REPLY_PREFIX = /^\s*(re|fwd?|aw|wg|tr)\s*(\[\d+\])?\s*:/i;

export interface RelationshipSignal {
  kind: 'reply-prefix' | 'phrase' | 'classifier';
  /** The words that decided it, as written in the subject. */
  text: string;
}

const configs = new Map<string, PhraseConfig>();

/**
 * Reads a subject for relationship wording: a reply or forward prefix first, then the phrase
 * list, then the classifier's transactional label. Returns null when none applies.
 */
export function relationshipSignal(subject: string, score: SignalScore | null, phrases: readonly string[]): RelationshipSignal | null {
  const prefix = REPLY_PREFIX.exec(subject);
  if (prefix) {
    return { kind: 'reply-prefix', text: prefix[0].trim() };
  }

  const hit = matcherFor(phraseConfig(phrases)).match(subject)[0];
  if (hit) {
    return { kind: 'phrase', text: hit.text };
  }

  if (score?.label === 'transactional') {
    const decisive = score.hits.find((candidate) => candidate.signal === 'transactional');
    return { kind: 'classifier', text: decisive?.text ?? subject };
  }
  return null;
}

function phraseConfig(phrases: readonly string[]): PhraseConfig {
  const key = phrases.join('\u0000');
  let config = configs.get(key);
  if (!config) {
    config = { promotional: {}, transactional: Object.fromEntries(phrases.map((phrase) => [phrase, 1])) };
    configs.set(key, config);
  }
  return config;
}
