import type { Rule } from '../engine/rule';
import { DEFAULT_AD_LABEL_PHRASES, findAdLabel } from './support/category-ad-label';
import { firstLineSpan } from './support/first-line';

export const missingAdLabel: Rule = {
  meta: {
    id: 'missing-ad-label',
    family: 'category',
    description: 'Commercial mail sent without prior affirmative consent identifies itself as an advertisement.',
    defaultSeverity: 'warning',
    messages: {
      missing: 'This commercial message does not say it is an advertisement (for example "Advertisement" or "This is a promotional message") in its subject or visible text.',
    },
    fixable: false,
    basis: 'CAN-SPAM, 15 USC 7704(a)(5)(A)(i): a commercial message must clearly and conspicuously identify itself as an advertisement, unless the recipient gave prior affirmative consent.',
    defaultOptions: { phrases: [...DEFAULT_AD_LABEL_PHRASES] },
  },

  check(context) {
    if (!context.category.commercial || context.metadata.consent === 'affirmative') {
      return;
    }
    const option = context.options.phrases;
    const phrases = Array.isArray(option) && option.every((item) => typeof item === 'string') ? (option as string[]) : DEFAULT_AD_LABEL_PHRASES;
    if (findAdLabel(context.model, phrases)) {
      return;
    }
    context.report({
      messageId: 'missing',
      span: firstLineSpan(context.model),
      detail:
        'Add a visible line such as "This is a promotional message from <organisation>." near the top or in the footer, or start the subject with "Ad:". ' +
        'When every recipient opted in to this list, declare `consent: affirmative` in the presend directive instead.',
    });
  },
};
