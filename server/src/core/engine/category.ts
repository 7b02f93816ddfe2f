import type { ResolvedConfig, TemplateDefaults } from '../config/types';
import type { Category, TemplateModel } from '../model/types';
import type { Classification } from '../classify/types';
import type { CategoryDecision } from './rule';

/** Infers a category from content, or returns null when it cannot decide. */
export type CategoryInference = (model: TemplateModel, config: ResolvedConfig) => CategoryDecision | null;

/**
 * Picks the template's category: the directive wins, then the config (defaults and
 * overrides), then inference from content. A template without a declared category that
 * inference could not place is treated as transactional, so no opt-out rule fires on a guess.
 */
export function decideCategory(model: TemplateModel, defaults: TemplateDefaults, config: ResolvedConfig, infer?: CategoryInference): CategoryDecision {
  // Inference runs even when a category is declared: rules about mixed content read its block scores.
  const inferred = infer?.(model, config) ?? null;
  const classification = inferred?.classification;

  const declared = model.directive?.category;
  if (declared) {
    return { ...declaredDecision(declared, 'directive', classification), classification };
  }
  if (defaults.category) {
    return { ...declaredDecision(defaults.category, 'config', classification), classification };
  }
  if (inferred) {
    return inferred;
  }
  return { category: 'transactional', source: 'default', commercial: false, evidence: [] };
}

/**
 * A declared category is kept, but a declaration cannot make a mixed message transactional:
 * when the classifier finds promotional content before the transactional content, or a
 * promotional subject, 16 CFR 316.3(a)(2) makes the message commercial whatever the directive
 * declares, so the opt-out rules apply to it. A declared transactional template whose body the
 * classifier reads as wholly promotional, under a subject that is not promotional, stays
 * non-commercial, because the declaration may know better than the phrase lists. Then
 * `promotional-in-transactional` reports its promotional blocks.
 */
function declaredDecision(category: Category, source: 'directive' | 'config', classification?: Classification): CategoryDecision {
  // A promotional subject makes the message commercial under 316.3(a)(2)(i) whatever the body is.
  const promotionalSubject = classification?.subject?.label === 'promotional';
  const mixedCommercial =
    category === 'transactional' && ((classification?.category === 'mixed' && classification.commercial) || promotionalSubject);
  return { category, source, commercial: category === 'marketing' || mixedCommercial, evidence: mixedCommercial ? (classification?.evidence ?? []) : [] };
}

/**
 * True when CAN-SPAM's opt-out duties apply (marketing, or a mixed message that is commercial
 * under the primary-purpose test), or HIPAA's fundraising opt-out does (fundraising).
 */
export function needsOptOut(decision: CategoryDecision): boolean {
  return decision.category !== 'transactional' || decision.commercial;
}

/**
 * Returns how findings name the template's kind: its category, except that a transactional template
 * made commercial by its content is called commercial, which is why the finding applies.
 */
export function categoryLabel(decision: CategoryDecision): string {
  return decision.category === 'transactional' && decision.commercial ? 'commercial' : decision.category;
}
