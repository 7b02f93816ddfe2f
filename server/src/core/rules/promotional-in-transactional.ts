import type { Rule } from '../engine/rule';
import { blockFirstLineSpan, isDeclared, promotionalBlocks, quotedPhrases } from './support/category-blocks';

export const promotionalInTransactional: Rule = {
  meta: {
    id: 'promotional-in-transactional',
    family: 'category',
    description: 'A transactional template holds no promotional content: offers, discounts, new services, events.',
    defaultSeverity: 'error',
    messages: {
      promotional: 'Promotional content ({{phrases}}) in a {{source}} transactional message; send it as a separate marketing message.',
    },
    fixable: false,
    basis: 'CAN-SPAM primary-purpose test, 16 CFR 316.3(a)(2): promotional content can make a transactional message commercial.',
  },

  check(context) {
    if (context.category.category !== 'transactional') {
      return;
    }
    const source = isDeclared(context) ? 'declared' : 'presumed';
    for (const { block, score } of promotionalBlocks(context)) {
      context.report({
        messageId: 'promotional',
        data: { phrases: quotedPhrases(score, 'promotional'), source },
        span: blockFirstLineSpan(block),
        detail: DETAIL,
      });
    }
  },
};

const DETAIL = [
  'Under 16 CFR 316.3(a)(2) a message that mixes transactional and commercial content is commercial when its subject reads as an ad or when the transactional part is not at the beginning. Editing the layout or the subject later can tip this message over that line.',
  'A commercial message needs a working unsubscribe link, a postal address and an advertisement notice (15 USC 7704(a)(3), (a)(5)). When patient information decides who receives the offer or what it says, HIPAA also requires a signed marketing authorization (45 CFR 164.508(a)(3)).',
  'Mixing also hurts deliverability: mailbox providers learn from complaints about the offer and file the whole transactional stream, results and reminders included, with promotions or spam.',
  'To fix: remove the block from this template and send it as its own marketing message, from the marketing stream, to recipients who may receive marketing, with the opt-out footer.',
].join('\n\n');
