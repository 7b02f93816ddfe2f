import type { Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import { walk } from '../model/tree';
import type { MergeTag } from '../model/types';
import { findRevealingTerms } from './support/phi-conditions';
import { findPatientIdentifiers, IDENTIFIER_LABELS } from './support/phi-identifiers';
import { phiSettings, type PhiSettings } from './support/phi-settings';
import { classifyTag, isPhiClass, maskTagText, tagsWithin } from './support/phi-tags';
import { locateInSource, spanWithin } from './support/phi-text';

/** Attributes mail clients show as text: where images are blocked, as tooltips, to screen readers. */
const TEXT_ATTRIBUTES: Readonly<Record<string, string>> = { alt: 'alt text', title: 'title attribute', 'aria-label': 'aria-label' };

/**
 * `mso-hide: all` hides a block from Outlook only, because another block serves Outlook; every
 * other client shows it, so it is ordinary visible copy, not hidden text.
 */
const OUTLOOK_ONLY = 'mso-hide';

export const phiInAttribute: Rule = {
  meta: {
    id: 'phi-in-attribute',
    family: 'phi',
    description: 'Alt text, title and aria-label attributes and hidden text carry no PHI fields, identifiers or condition names.',
    defaultSeverity: 'error',
    messages: {
      field: "The {{place}} prints '{{field}}', a {{phiClass}} field; it shows where images are blocked, in tooltips, to screen readers and in the plain-text part.",
      identifier: 'The {{place}} contains {{kind}} ({{value}}); it shows where images are blocked, in tooltips, to screen readers and in the plain-text part.',
      condition: "The {{place}} names '{{term}}', which reveals a health condition where images are blocked, in tooltips, to screen readers and in the plain-text part.",
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.530(c): reasonable safeguards limit the information in places of an unencrypted email that others see or software logs.',
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    walk(context.model.roots, (node) => {
      if (node.type !== 'element') {
        return;
      }
      for (const attribute of node.attributes) {
        const place = TEXT_ATTRIBUTES[attribute.name];
        if (place !== undefined && attribute.value.trim() !== '') {
          checkText(context, settings, place, attribute.decoded, attribute.valueSpan);
        }
      }
    });

    const preheader = context.model.preheader?.span;
    for (const run of context.model.textRuns) {
      if (run.hidden !== undefined && run.hidden !== OUTLOOK_ONLY && !spanWithin(run.span, preheader)) {
        checkText(context, settings, 'hidden text', run.text, run.span);
      }
    }
  },
};

function checkText(context: RuleContext, settings: PhiSettings, place: string, text: string, span: Span): void {
  const tags = tagsWithin(context.model, span);
  for (const tag of tags) {
    reportField(context, settings, place, tag);
  }

  const masked = maskTagText(text, tags);
  for (const match of findPatientIdentifiers(masked, settings.detectOptions)) {
    context.report({ messageId: 'identifier', data: { place, kind: IDENTIFIER_LABELS[match.type], value: match.value }, span: locateInSource(span, text, match.start, match.end) });
  }
  for (const term of findRevealingTerms(masked, settings.conditionTerms)) {
    context.report({ messageId: 'condition', data: { place, term: term.term }, span: locateInSource(span, text, term.start, term.end) });
  }
}

/** A first name alone may stand wherever a subject line may carry it. */
function reportField(context: RuleContext, settings: PhiSettings, place: string, tag: MergeTag): void {
  const classified = classifyTag(tag, settings.fieldOverrides);
  if (classified === undefined || !isPhiClass(classified.classification.phiClass) || classified.classification.firstNameOnly === true) {
    return;
  }
  context.report({
    messageId: 'field',
    data: { place, field: classified.field, phiClass: classified.classification.phiClass },
    span: tag.span,
    detail: `'${classified.field}' ${classified.classification.reason}.`,
  });
}
