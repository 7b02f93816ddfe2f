import type { Rule } from '../engine/rule';
import { firstLineSpan } from './support/first-line';

const OPT_OUT = /\b(?:opt[\s-]?out|unsubscribe|stop receiving|no longer (?:wish|want) to receive|do not (?:wish|want) to receive|remove (?:me|you|your name))\b/i;
const FUNDRAISING = /\b(?:fundrais\w*|donation requests?|appeals?|solicitations?|giving (?:requests?|communications?)|philanthropy)\b/i;
const FUNDRAISING_FIELD = /fundrais|donat|giving|philanthrop/i;
const OPT_OUT_FIELD = /opt_?out|unsub/i;

export const missingFundraisingOptOut: Rule = {
  meta: {
    id: 'missing-fundraising-opt-out',
    family: 'opt-out',
    description: 'Fundraising messages from a covered entity must offer a clear opt-out of further fundraising.',
    defaultSeverity: 'error',
    messages: {
      missing: 'This fundraising template offers no way to opt out of further fundraising communications.',
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.514(f)(2)(ii): each fundraising communication must give a clear and conspicuous opportunity to opt out of further fundraising.',
  },

  check(context) {
    if (context.category.category !== 'fundraising') {
      return;
    }
    const { model } = context;

    const visibleTexts = [
      ...model.textRuns.filter((run) => !run.hidden).map((run) => run.text),
      ...model.blocks.filter((block) => !block.hidden).map((block) => block.text),
      ...model.links.filter((link) => !link.hidden).map((link) => `${link.text} ${link.decodedHref}`),
    ];
    const inText = visibleTexts.some((text) => OPT_OUT.test(text) && FUNDRAISING.test(text));
    const inTag = model.mergeTags.some((tag) => tag.field !== null && FUNDRAISING_FIELD.test(tag.field) && OPT_OUT_FIELD.test(tag.field));
    if (inText || inTag) {
      return;
    }

    context.report({
      messageId: 'missing',
      span: firstLineSpan(model),
      detail: 'Add a visible line such as "To stop receiving fundraising messages from us, opt out here." linked to your fundraising opt-out page or tag.',
    });
  },
};
