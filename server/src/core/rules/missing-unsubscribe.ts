import { categoryLabel, needsOptOut } from '../engine/category';
import type { Rule } from '../engine/rule';
import { firstLineSpan } from './support/first-line';
import { findUnsubscribeOffers } from './support/unsubscribe';

export const missingUnsubscribe: Rule = {
  meta: {
    id: 'missing-unsubscribe',
    family: 'opt-out',
    description: 'Commercial and fundraising messages need a working unsubscribe link or an ESP unsubscribe tag.',
    defaultSeverity: 'error',
    messages: {
      missing: 'This {{category}} template has no unsubscribe link or ESP unsubscribe tag (such as *|UNSUB|*).',
    },
    fixable: false,
    basis: 'CAN-SPAM, 15 USC 7704(a)(3) and (a)(5)(A)(ii): a commercial message must offer a working opt-out and say so clearly.',
  },

  check(context) {
    if (!needsOptOut(context.category)) {
      return;
    }
    if (findUnsubscribeOffers(context.model, context.config.user).length > 0) {
      return;
    }
    context.report({
      messageId: 'missing',
      data: { category: categoryLabel(context.category) },
      span: firstLineSpan(context.model),
      detail: 'Add a visible link such as <a href="{{unsubscribe_url}}">Unsubscribe</a> to the footer, using the tag your email service replaces.',
    });
  },
};
