import { needsOptOut } from '../engine/category';
import type { Rule } from '../engine/rule';
import type { ComputedStyle, HiddenReason } from '../model/types';
import { contrastRatio } from './support/contrast';
import { findUnsubscribeOffers } from './support/unsubscribe';

const HIDDEN_REASONS: Record<HiddenReason, string> = {
  'display-none': 'display: none',
  'visibility-hidden': 'visibility: hidden',
  'mso-hide': 'mso-hide: all (hidden in Outlook)',
  'zero-size': 'a zero height or width with overflow hidden',
  transparent: 'opacity: 0',
  'hidden-attribute': 'the hidden attribute',
};

/** What a mail client shows when nothing is declared: default text and link colours, white page. */
const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_LINK_COLOUR = '#0000ee';

export const hiddenUnsubscribe: Rule = {
  meta: {
    id: 'hidden-unsubscribe',
    family: 'opt-out',
    description: 'The unsubscribe link must be clear and conspicuous: visible, at least the minimum font size, with enough contrast, and not only an image.',
    defaultSeverity: 'error',
    messages: {
      hidden: 'The unsubscribe link is hidden by {{reason}}.',
      tooSmall: 'The unsubscribe link is set in {{size}}px type; use at least {{minimum}}px.',
      lowContrast: 'The unsubscribe link\'s colour {{color}} on {{background}} has a contrast ratio of {{ratio}}:1; use at least {{minimum}}:1.',
      imageOnly: 'The unsubscribe link is only an image; images are often blocked, so add visible link text.',
    },
    fixable: false,
    basis: 'CAN-SPAM, 15 USC 7704(a)(5)(A)(ii) and 16 CFR 316.5: the opt-out notice must be clear and conspicuous.',
    defaultOptions: { minimumFontSizePx: 10, minimumContrast: 3 },
  },

  check(context) {
    if (!needsOptOut(context.category)) {
      return;
    }
    const minimumFontSize = Number(context.options.minimumFontSizePx);
    const minimumContrast = Number(context.options.minimumContrast);
    const offers = findUnsubscribeOffers(context.model, context.config.user);

    for (const offer of offers) {
      const target = offer.link ?? offer.run;
      if (!target) {
        continue;
      }
      const span = offer.link?.span ?? offer.tag?.span ?? offer.run!.span;
      const style: ComputedStyle = target.style;

      if (target.hidden) {
        context.report({ messageId: 'hidden', data: { reason: HIDDEN_REASONS[target.hidden] }, span });
        continue;
      }
      if (offer.link?.imageOnly) {
        context.report({ messageId: 'imageOnly', span });
        continue;
      }
      if (style.fontSizePx !== undefined && style.fontSizePx < minimumFontSize) {
        context.report({ messageId: 'tooSmall', data: { size: round(style.fontSizePx), minimum: minimumFontSize }, span });
        continue;
      }

      const colour = style.color ?? (offer.link?.kind === 'a' ? DEFAULT_LINK_COLOUR : undefined);
      const background = style.backgroundColor ?? DEFAULT_BACKGROUND;
      const ratio = contrastRatio(colour, background);
      if (ratio !== undefined && ratio < minimumContrast) {
        context.report({
          messageId: 'lowContrast',
          data: { color: colour!, background, ratio: round(ratio), minimum: minimumContrast },
          span,
        });
      }
    }
  },
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
