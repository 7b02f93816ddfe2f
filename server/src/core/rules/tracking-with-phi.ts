import type { Rule, RuleContext } from '../engine/rule';
import type { Image } from '../model/types';
import { findPhiEvidence, type PhiEvidence } from './support/phi-carries';
import { isHostAt, phiSettings, type PhiSettings } from './support/phi-settings';
import { isAnalyticsParam, trackerOf } from './support/phi-trackers';
import { parseUrl, type UrlParts } from './support/phi-urls';

export const trackingWithPhi: Rule = {
  meta: {
    id: 'tracking-with-phi',
    family: 'phi',
    description: 'A message that carries PHI has no tracking pixel, third-party click tracking or analytics parameters without a business associate agreement.',
    defaultSeverity: 'error',
    messages: {
      pixel: 'This message carries PHI ({{evidence}}) and loads a tracking pixel from {{host}}, so the vendor learns who opened it.',
      clickTracker: 'This message carries PHI ({{evidence}}) and sends this link through {{vendor}} ({{host}}), which is not on trackers.allow.',
      analytics: 'This message carries PHI ({{evidence}}) and this link hands analytics parameters ({{parameters}}) to the landing page.',
    },
    fixable: false,
    basis: 'HHS OCR bulletin on online tracking technologies (December 2022, revised March 2024): a tracking vendor that receives PHI needs a business associate agreement (45 CFR 164.502(e)).',
    defaultOptions: { allowParameters: [] },
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    const evidence = findPhiEvidence(context.model, context.category, settings);
    if (evidence === undefined) {
      return;
    }
    const detail = `The message carries PHI because of ${evidence.description}. Turn off open and click tracking for this stream, or list the vendor in trackers.allow once a business associate agreement covers it.`;

    for (const image of context.model.images) {
      checkImage(context, settings, evidence, image, detail);
    }
    const allowedParams = new Set(stringList(context.options.allowParameters).map((name) => name.toLowerCase()));
    for (const link of context.model.links) {
      const url = parseUrl(link.href, link.hrefSpan);
      if (isAllowed(url, settings)) {
        continue;
      }
      const tracker = trackerOf(url);
      if (tracker !== undefined) {
        context.report({ messageId: 'clickTracker', data: { evidence: evidence.description, vendor: tracker.vendor, host: url.host ?? '' }, span: link.hrefSpan, detail });
        continue;
      }
      const params = [...new Set(url.params.map((param) => param.name).filter((name) => isAnalyticsParam(name) && !allowedParams.has(name)))];
      if (params.length > 0) {
        context.report({ messageId: 'analytics', data: { evidence: evidence.description, parameters: params.join(', ') }, span: link.hrefSpan, detail });
      }
    }
  },
};

function checkImage(context: RuleContext, settings: PhiSettings, evidence: PhiEvidence, image: Image, detail: string): void {
  const src = image.element.attributes.find((attribute) => attribute.name === 'src');
  if (src === undefined) {
    return;
  }
  const url = parseUrl(src.value, src.valueSpan);
  if (isAllowed(url, settings) || (url.host !== undefined && settings.orgDomains.some((domain) => isHostAt(url.host as string, domain)))) {
    return;
  }
  const tracker = trackerOf(url);
  // A spacer GIF is tiny too; a pixel is tiny and addressed to someone (a query or a merge tag).
  const addressed = url.params.length > 0 || /\{\{|\*\||%%|\{%|<%/.test(src.value);
  if (tracker !== undefined || (isPixel(image) && addressed)) {
    const host = url.host ?? 'a URL built from a merge tag';
    context.report({ messageId: 'pixel', data: { evidence: evidence.description, host }, span: image.element.openTagSpan, detail });
  }
}

/** 1x1 or 0x0 by attribute or inline style, or hidden. */
function isPixel(image: Image): boolean {
  if (image.hidden !== undefined) {
    return true;
  }
  const style = image.element.attributes.find((attribute) => attribute.name === 'style')?.decoded ?? '';
  const width = tinySize(image.width) ?? tinySize(/(?:^|;)\s*width\s*:\s*([\d.]+)px/i.exec(style)?.[1]);
  const height = tinySize(image.height) ?? tinySize(/(?:^|;)\s*height\s*:\s*([\d.]+)px/i.exec(style)?.[1]);
  return width === true && height === true;
}

/** True for 0 or 1 pixels, false for a larger size, undefined when unstated. */
function tinySize(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const number = Number.parseFloat(value);
  return Number.isNaN(number) ? undefined : number <= 1;
}

function isAllowed(url: UrlParts, settings: PhiSettings): boolean {
  return url.host !== undefined && settings.trackerAllow.some((domain) => isHostAt(url.host as string, domain));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
