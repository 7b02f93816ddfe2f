import type { Rule } from '../engine/rule';
import { blockFirstLineSpan, isDeclared } from './support/category-blocks';

export const transactionalNotFirst: Rule = {
  meta: {
    id: 'transactional-not-first',
    family: 'category',
    description: 'In a message that mixes transactional and promotional content, the transactional content comes first.',
    defaultSeverity: 'error',
    messages: {
      promotionalFirst: 'This promotional content comes before the transactional content, so the whole message is commercial and needs an unsubscribe link, a postal address and an advertisement notice.',
    },
    fixable: false,
    basis: 'CAN-SPAM primary-purpose test, 16 CFR 316.3(a)(2)(ii): a mixed message whose transactional content is not at the beginning is commercial.',
  },

  check(context) {
    const { category, model } = context;
    const index = category.classification?.promotionalFirstIndex;
    if (index === undefined) {
      return;
    }
    // A template declared marketing or fundraising already carries the commercial duties, so
    // only a declared or inferred transactional category is reported.
    if (isDeclared(context) && category.category !== 'transactional') {
      return;
    }
    const block = model.blocks.find((candidate) => candidate.index === index);
    if (!block) {
      return;
    }
    context.report({
      messageId: 'promotionalFirst',
      span: blockFirstLineSpan(block),
      detail:
        'Presend applies the opt-out rules to this message even when it is declared transactional. ' +
        'Move the transactional content (the notice, the results, the receipt) to the top of the body, or better, remove the promotion and send it as a separate marketing message.',
    });
  },
};
