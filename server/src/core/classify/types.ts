/**
 * Types of the transactional-or-marketing classifier. It reads a template's subject and
 * content blocks and applies the primary-purpose test of 16 CFR 316.3(a)(2); see
 * `docs/classifier.md` for the scoring rules.
 */

/** A content block of the template in reading order; the model's `ContentBlock` fits it as is. */
export interface ClassifierBlock {
  index: number;
  kind: 'section' | 'paragraph' | 'button' | 'heading' | 'list-item' | 'table-cell';
  /** Visible text with merge tags kept as written. */
  text: string;
}

export type Signal = 'promotional' | 'transactional';

/** Phrases and their weights by signal: 3 strong, 2 medium, 1 weak. */
export interface PhraseConfig {
  promotional: Readonly<Record<string, number>>;
  transactional: Readonly<Record<string, number>>;
}

/** One phrase found in a subject or block. */
export interface PhraseHit {
  /** The configured phrase that matched, e.g. `#% off`. */
  phrase: string;
  signal: Signal;
  weight: number;
  /** UTF-16 offsets into the text that was classified, merge tags included. */
  start: number;
  end: number;
  /** The matched text as written, e.g. `20% off`. */
  text: string;
}

export type ScoreLabel = 'promotional' | 'transactional' | 'neutral';

/** Summed weights of the hits in one text, and the label they give it. */
export interface SignalScore {
  promotional: number;
  transactional: number;
  hits: PhraseHit[];
  label: ScoreLabel;
}

export interface BlockScore extends SignalScore {
  index: number;
}

/**
 * The input that decided the category. `blocks`: labelled blocks or a promotional subject.
 * `totals`: the template's summed weights, used when no block or subject has a label.
 * `none`: the transactional default, used when no phrase matched at all.
 */
export type ClassificationBasis = 'blocks' | 'totals' | 'none';

export interface Classification {
  category: 'transactional' | 'marketing' | 'mixed';
  /** Commercial under 316.3(a)(2): marketing, or mixed with a commercial subject or promotional content before the transactional content. */
  commercial: boolean;
  subject: SignalScore | null;
  blocks: BlockScore[];
  /** Index of the first promotional block that precedes all transactional blocks, when the mix is commercial for that reason. */
  promotionalFirstIndex?: number;
  /** Human-readable evidence, e.g. `'20% off' (promotional, 3) in block 4`. */
  evidence: string[];
  basis: ClassificationBasis;
  /** One sentence saying why the category and the commercial flag came out as they did. */
  reason: string;
}

/** The `classifier` section of `presend.config.json`. */
export interface UserPhrases {
  promotional?: Record<string, number>;
  transactional?: Record<string, number>;
}
