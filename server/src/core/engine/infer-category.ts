import { classify, mergePhraseConfig } from '../classify/index';
import type { PhraseConfig } from '../classify/types';
import type { ResolvedConfig } from '../config/types';
import type { TemplateModel } from '../model/types';
import type { CategoryDecision } from './rule';

const phraseCache = new WeakMap<ResolvedConfig, PhraseConfig>();

/**
 * Infers a template's category from its subject and visible content blocks. A mixed message
 * counts as marketing when it is commercial under the primary-purpose test, and as
 * transactional otherwise; its promotional blocks are then findings of their own.
 */
export function inferCategory(model: TemplateModel, config: ResolvedConfig): CategoryDecision {
  let phrases = phraseCache.get(config);
  if (!phrases) {
    phrases = mergePhraseConfig(config.user.classifier);
    phraseCache.set(config, phrases);
  }

  const blocks = model.blocks
    .filter((block) => !block.hidden)
    .map((block) => ({ index: block.index, kind: block.kind, text: block.text }));
  const classification = classify({ subject: model.subject?.text, blocks }, phrases);

  const category = classification.category === 'mixed' ? (classification.commercial ? 'marketing' : 'transactional') : classification.category;
  return {
    category,
    source: 'inferred',
    commercial: classification.commercial,
    evidence: classification.evidence,
    classification,
  };
}
