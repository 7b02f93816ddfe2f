import type { Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import { forEachFilledAttribute } from '../model/tree';
import type { MergeTag } from '../model/types';
import { findRevealingTerms } from './support/phi-conditions';
import { findPatientIdentifiers, IDENTIFIER_LABELS } from './support/phi-identifiers';
import { phiSettings, type PhiSettings } from './support/phi-settings';
import { classifyTag, isPhiClass, maskTagText, tagsWithin } from './support/phi-tags';
import { locateInSource, spanWithin } from './support/phi-text';
import { maskIdentifier } from './support/phi-mask';

/** Attributes mail clients show as text: where images are blocked, as tooltips, to screen readers. */
const TEXT_ATTRIBUTES: Readonly<Record<string, string>> = { alt: 'alt text', title: 'title attribute', 'aria-label': 'aria-label' };

const ATTRIBUTE_EXPOSURE = 'mail clients show it where images are blocked, as a tooltip and to screen readers, and it goes into the plain-text part';
const HIDDEN_EXPOSURE = 'screen readers still read hidden text, and it goes into the plain-text part and message previews';

/**
 * `mso-hide: all` hides a block from Outlook only, because another block serves Outlook. Every
 * other client shows it, so it is ordinary visible copy and not hidden text.
 */
const OUTLOOK_ONLY = 'mso-hide';

export const phiInAttribute: Rule = {
  meta: {
    id: 'phi-in-attribute',
    family: 'phi',
    description: 'Alt text, title and aria-label attributes and hidden text carry no PHI fields, identifiers or condition names.',
    defaultSeverity: 'error',
    messages: {
      field: "The {{place}} prints the {{phiClass}} field '{{field}}'; {{exposure}}.",
      identifier: 'The {{place}} contains {{kind}} ({{value}}); {{exposure}}.',
      condition: "The {{place}} names '{{term}}', a health condition; {{exposure}}.",
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.530(c): reasonable safeguards limit the information in places of an unencrypted email that others see or software logs.',
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    forEachFilledAttribute(context.model.roots, (attribute) => {
      const place = TEXT_ATTRIBUTES[attribute.name];
      if (place !== undefined) {
        checkText(context, settings, { place, exposure: ATTRIBUTE_EXPOSURE }, attribute.decoded, attribute.valueSpan);
      }
    });

    const preheader = context.model.preheader?.span;
    for (const run of context.model.textRuns) {
      if (run.hidden !== undefined && run.hidden !== OUTLOOK_ONLY && !spanWithin(run.span, preheader)) {
        checkText(context, settings, { place: 'hidden text', exposure: HIDDEN_EXPOSURE }, run.text, run.span);
      }
    }
  },
};

interface Place {
  place: string;
  exposure: string;
}

function checkText(context: RuleContext, settings: PhiSettings, place: Place, text: string, span: Span): void {
  const tags = tagsWithin(context.model, span);
  for (const tag of tags) {
    reportField(context, settings, place, tag);
  }

  const masked = maskTagText(text, tags);
  for (const match of findPatientIdentifiers(masked, settings.detectOptions)) {
    context.report({ messageId: 'identifier', data: { ...place, kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) }, span: locateInSource(span, text, match.start, match.end) });
  }
  for (const term of findRevealingTerms(masked, settings.conditionTerms)) {
    context.report({ messageId: 'condition', data: { ...place, term: term.term }, span: locateInSource(span, text, term.start, term.end) });
  }
}

/** Reports a PHI-class field; a first name alone passes, as it does in a subject line. */
function reportField(context: RuleContext, settings: PhiSettings, place: Place, tag: MergeTag): void {
  const classified = classifyTag(tag, settings.fieldOverrides);
  if (classified === undefined || !isPhiClass(classified.classification.phiClass) || classified.classification.firstNameOnly === true) {
    return;
  }
  context.report({
    messageId: 'field',
    data: { ...place, field: classified.field, phiClass: classified.classification.phiClass },
    span: tag.span,
    detail: `'${classified.field}' ${classified.classification.reason}.`,
  });
}
