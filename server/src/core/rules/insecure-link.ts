import { needsOptOut } from '../engine/category';
import type { Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import { findPhiEvidence } from './support/phi-carries';
import { phiSettings } from './support/phi-settings';
import { findUnsubscribeOffers } from './support/unsubscribe';

export const insecureLink: Rule = {
  meta: {
    id: 'insecure-link',
    family: 'phi',
    description: 'A message that carries PHI links and loads images over https:, not plain http:.',
    defaultSeverity: 'warning',
    messages: {
      link: 'This message carries PHI ({{evidence}}) and this link uses plain http:, which anyone on the network can read and alter.',
      image: 'This message carries PHI ({{evidence}}) and loads this image over plain http:, which anyone on the network can read and alter.',
    },
    fixable: true,
    basis: 'HIPAA Security Rule, 45 CFR 164.312(e)(1): transmission security guards PHI sent over a network.',
  },

  check(context) {
    const evidence = findPhiEvidence(context.model, context.category, phiSettings(context.config.user));
    if (evidence === undefined) {
      return;
    }
    // broken-unsubscribe already reports a plain-http unsubscribe link in mail that needs one.
    const unsubscribeLinks = needsOptOut(context.category) ? new Set(findUnsubscribeOffers(context.model, context.config.user).map((offer) => offer.link)) : new Set();

    for (const link of context.model.links) {
      if (!unsubscribeLinks.has(link)) {
        reportIfHttp(context, 'link', evidence.description, link.href, link.hrefSpan);
      }
    }
    for (const image of context.model.images) {
      const src = image.element.attributes.find((attribute) => attribute.name === 'src');
      if (src !== undefined) {
        reportIfHttp(context, 'image', evidence.description, src.value, src.valueSpan);
      }
    }
  },
};

function reportIfHttp(context: RuleContext, messageId: 'link' | 'image', evidence: string, raw: string, span: Span): void {
  const scheme = /^\s*http:/i.exec(raw);
  if (scheme === null) {
    return;
  }
  const schemeStart = span.start + scheme[0].length - 'http:'.length;
  context.report({
    messageId,
    data: { evidence },
    span,
    fix: { title: 'Use https:', edits: [{ span: { file: span.file, start: schemeStart, end: schemeStart + 'http'.length }, newText: 'https' }] },
  });
}
