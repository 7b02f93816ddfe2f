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

  let category = classification.category;
  if (category === 'mixed') {
    category = classification.commercial ? 'marketing' : 'transactional';
  }

  // The classifier scores promotion, not charity: a message that asks for gifts is a fundraising
  // appeal (HIPAA's fundraising opt-out applies), not an advertisement.
  if (category === 'marketing') {
    const appeal = fundraisingPhrases([model.subject?.text ?? '', ...blocks.map((block) => block.text)].join('\n'));
    if (appeal.length >= 2) {
      return {
        category: 'fundraising',
        source: 'inferred',
        commercial: false,
        evidence: appeal.map((phrase) => `'${phrase}' (fundraising)`),
        classification,
      };
    }
  }
  return {
    category,
    source: 'inferred',
    commercial: classification.commercial,
    evidence: classification.evidence,
    classification,
  };
}

const FUNDRAISING = /\b(donat(?:e|es|ed|ing|ion|ions)|donors?|make a gift|your gift|a gift of|give today|give now|gifts? (?:of|to) (?:any|every)|fundrais\w*|philanthrop\w*|matching gift|tax[- ]deductible|capital campaign|annual fund|foundation)\b/gi;

/** Returns the distinct fundraising phrases in the text, lower-cased. */
function fundraisingPhrases(text: string): string[] {
  return [...new Set([...text.matchAll(FUNDRAISING)].map((match) => match[1].toLowerCase()))];
}
