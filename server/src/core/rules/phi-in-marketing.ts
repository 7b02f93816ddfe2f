import type { CategoryDecision, Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import type { Purpose } from '../model/types';
import { findConditionTargeting } from '../phi/conditions';
import { phiSettings } from './support/phi-settings';
import { classifyTag } from './support/phi-tags';
import { locateInSource, visibleRunDocument } from './support/phi-text';

/** The communications 45 CFR 164.501 excludes from marketing, with the condition each keeps. */
export const MARKETING_EXCEPTIONS: Readonly<Record<Purpose, string>> = {
  'refill-reminder':
    'a refill reminder or a message about a drug currently prescribed (or lapsed within 90 days) is not marketing, provided any payment from a third party is reasonably related to the cost of making the communication',
  treatment: 'a message for treatment or care coordination is not marketing, provided no third party pays the sender for making it',
  'own-services': "a description of the sender's own health-related products and services is not marketing, provided no third party pays the sender for making it",
};

const EXCEPTIONS_DETAIL = `Declare the purpose in the directive when an exception applies: \`purpose: refill-reminder\` (${MARKETING_EXCEPTIONS['refill-reminder']}); \`purpose: treatment\` (${MARKETING_EXCEPTIONS.treatment}); \`purpose: own-services\` (${MARKETING_EXCEPTIONS['own-services']}). Otherwise record the recipients' written authorization and declare \`authorization: documented\`.`;

export const phiInMarketing: Rule = {
  meta: {
    id: 'phi-in-marketing',
    family: 'phi',
    description: 'Marketing that uses clinical fields or targets readers by condition needs a documented HIPAA authorization or a declared exception.',
    defaultSeverity: 'error',
    messages: {
      field: "This marketing message prints '{{field}}', a clinical field, without a documented authorization: using PHI for marketing needs the patient's written authorization.",
      targeting: "This marketing message targets readers by condition ('{{text}}') without a documented authorization: using PHI for marketing needs the patient's written authorization.",
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.508(a)(3): a use of PHI for marketing requires an authorization; 45 CFR 164.501 lists the communications that are not marketing.',
  },

  check(context) {
    if (!isMarketing(context.category) || context.metadata.authorization === 'documented' || context.metadata.purpose !== undefined) {
      return;
    }
    const settings = phiSettings(context.config.user);
    const { model } = context;

    for (const tag of model.mergeTags) {
      const classified = classifyTag(tag, settings.fieldOverrides);
      if (classified?.classification.phiClass === 'clinical') {
        context.report({ messageId: 'field', data: { field: classified.field }, span: tag.span, detail: `'${classified.field}' ${classified.classification.reason}. ${EXCEPTIONS_DETAIL}` });
      }
    }

    for (const line of [model.subject, model.preheader]) {
      if (line === null) {
        continue;
      }
      for (const match of findConditionTargeting(line.text, settings.conditionTerms)) {
        reportTargeting(context, match.text, locateInSource(line.span, line.text, match.start, match.end));
      }
    }
    const visible = visibleRunDocument(model);
    for (const match of findConditionTargeting(visible.text, settings.conditionTerms)) {
      const span = visible.spanOf(match.start, match.end);
      if (span !== undefined) {
        reportTargeting(context, match.text, span);
      }
    }
  },
};

/** Marketing by declaration or inference, or a message commercial under the primary-purpose test; fundraising has its own HIPAA rules. */
function isMarketing(category: CategoryDecision): boolean {
  return category.category === 'marketing' || (category.commercial && category.category !== 'fundraising');
}

function reportTargeting(context: RuleContext, text: string, span: Span): void {
  context.report({ messageId: 'targeting', data: { text }, span, detail: `Copy that addresses the reader by condition uses the recipient's PHI to choose the message. ${EXCEPTIONS_DETAIL}` });
}
