import { categoryLabel, needsOptOut } from '../engine/category';
import type { Rule } from '../engine/rule';
import { firstLineSpan } from './support/first-line';
import { findPostalAddress } from './support/postal-address';

export const missingPostalAddress: Rule = {
  meta: {
    id: 'missing-postal-address',
    family: 'opt-out',
    description: 'Commercial messages must show the sender\'s valid physical postal address.',
    defaultSeverity: 'error',
    messages: {
      missing: 'This {{category}} template shows no physical postal address (street address, PO Box, or an address tag such as *|LIST:ADDRESS|*).',
    },
    fixable: false,
    basis: 'CAN-SPAM, 15 USC 7704(a)(5)(A)(iii): a commercial message must include the sender\'s valid physical postal address.',
  },

  check(context) {
    if (!needsOptOut(context.category)) {
      return;
    }
    if (findPostalAddress(context.model)) {
      return;
    }
    context.report({
      messageId: 'missing',
      data: { category: categoryLabel(context.category) },
      span: firstLineSpan(context.model),
      detail: 'Add the organisation\'s street address, a USPS PO Box or a registered private mailbox to the footer, in visible text.',
    });
  },
};
