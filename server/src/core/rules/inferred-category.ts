import type { Rule } from '../engine/rule';
import { declareCategoryFix } from './support/category-directive-fix';
import { firstLineSpan } from './support/first-line';

/** Evidence lines the message lists; the rest are counted, and the hover lists them all. */
const EVIDENCE_IN_MESSAGE = 4;

export const inferredCategory: Rule = {
  meta: {
    id: 'inferred-category',
    family: 'category',
    description: 'Reports the category Presend inferred for a template that declares none, with the phrases that decided it.',
    defaultSeverity: 'info',
    messages: {
      inferred: 'No category is declared; Presend reads this template as {{category}}: {{reason}} Evidence: {{evidence}}.',
      noSignal: 'No category is declared and no promotional or transactional phrase was found, so Presend treats this template as transactional.',
    },
    fixable: true,
    basis: 'CAN-SPAM primary-purpose test, 16 CFR 316.3(a)(2): the category decides whether the opt-out, postal address and advertisement rules apply.',
  },

  check(context) {
    const { category, model } = context;
    if (category.source !== 'inferred' && category.source !== 'default') {
      return;
    }

    const fix = declareCategoryFix(model, category.category);
    const classification = category.classification;
    const evidence = classification?.evidence ?? category.evidence;
    const detail =
      'The inferred category decides which rules apply: marketing, or a mix that is commercial, must carry an unsubscribe link, a postal address and an advertisement notice; a transactional message need not. ' +
      'Declare the category in the template so that a change of wording cannot change it.' +
      (evidence.length > EVIDENCE_IN_MESSAGE ? `\n\nAll evidence:\n${evidence.map((line) => `- ${line}`).join('\n')}` : '');

    if (evidence.length === 0) {
      context.report({ messageId: 'noSignal', span: firstLineSpan(model), fix, detail });
      return;
    }

    const listed = evidence.slice(0, EVIDENCE_IN_MESSAGE).join('; ');
    const more = evidence.length > EVIDENCE_IN_MESSAGE ? ` and ${evidence.length - EVIDENCE_IN_MESSAGE} more` : '';
    context.report({
      messageId: 'inferred',
      data: { category: category.category, reason: classification?.reason ?? '', evidence: `${listed}${more}` },
      span: firstLineSpan(model),
      fix,
      detail,
    });
  },
};
