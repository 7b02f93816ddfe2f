/** The transactional-or-marketing classifier; `docs/classifier.md` explains the scoring. */
export { classify, describeHit } from './classify';
export { subjectSignals, scoreText, blockLabel, scoredBlockLabel, subjectLabel, BLOCK_THRESHOLD } from './score';
export { mergePhraseConfig } from './phrases';
export { DEFAULT_PHRASES } from './phrases-data';
export type {
  BlockScore,
  Classification,
  ClassificationBasis,
  ClassifierBlock,
  PhraseConfig,
  PhraseHit,
  ScoreLabel,
  Signal,
  SignalScore,
  UserPhrases,
} from './types';
