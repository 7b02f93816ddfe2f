import { needsOptOut } from '../engine/category';
import type { Rule } from '../engine/rule';
import { findUnsubscribeOffers } from './support/unsubscribe';

/** Returns why an href cannot work as an unsubscribe target, or undefined when it may. */
export function brokenHrefReason(decodedHref: string): string | undefined {
  const href = decodedHref.trim();
  if (href === '') {
    return 'empty';
  }
  if (href === '#' || href.startsWith('#')) {
    return 'a page anchor';
  }
  if (/^javascript:/i.test(href)) {
    return 'a javascript: URL';
  }
  if (/^http:/i.test(href)) {
    return 'plain http:';
  }
  return undefined;
}

export const brokenUnsubscribe: Rule = {
  meta: {
    id: 'broken-unsubscribe',
    family: 'opt-out',
    description: 'An unsubscribe link must lead somewhere that works: not empty, not #, not javascript:, not plain http:.',
    defaultSeverity: 'error',
    messages: {
      broken: 'The unsubscribe link\'s href is {{reason}}, so the opt-out does not work.',
      insecure: 'The unsubscribe link uses plain http:, which mail clients flag and networks can tamper with; use https:.',
    },
    fixable: true,
    basis: 'CAN-SPAM, 15 USC 7704(a)(3): the opt-out mechanism must work for at least 30 days after sending.',
  },

  check(context) {
    if (!needsOptOut(context.category)) {
      return;
    }
    for (const offer of findUnsubscribeOffers(context.model, context.config.user)) {
      const link = offer.link;
      if (!link) {
        continue;
      }
      const reason = brokenHrefReason(link.decodedHref);
      if (reason === 'plain http:') {
        context.report({
          messageId: 'insecure',
          span: link.hrefSpan,
          fix: {
            title: 'Use https: for the unsubscribe link',
            edits: [{ span: { ...link.hrefSpan, end: link.hrefSpan.start + link.href.indexOf(':') }, newText: 'https' }],
          },
        });
      } else if (reason) {
        context.report({ messageId: 'broken', data: { reason }, span: link.href === '' ? link.span : link.hrefSpan });
      }
    }
  },
};
