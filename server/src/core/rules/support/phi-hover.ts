import type { MergeTag, TemplateModel } from '../../model/types';
import type { PhiClass } from '../../phi/fields';
import { classifyTag } from './phi-tags';
import { spanWithin } from './phi-text';

/** The hover text the language server shows for a merge tag. */
export interface MergeTagDescription {
  phiClass: PhiClass;
  /** One line: why the field has its class. */
  reason: string;
  markdown: string;
}

const CLASS_MEANING: Readonly<Record<PhiClass, string>> = {
  identifier: 'identifies the recipient (one of the Safe Harbor identifiers of 45 CFR 164.514(b)(2))',
  clinical: 'is health information: next to the recipient\'s identity it is PHI',
  financial: 'is payment or insurance information for care: next to the recipient\'s identity it is PHI',
  neutral: 'carries no PHI',
  unknown: 'is not in the field dictionary; add it to `phi.fields` in presend.config.json to classify it',
};

/** Attributes whose text others see or software logs. */
const EXPOSED_ATTRIBUTES: Readonly<Record<string, string>> = {
  href: 'a URL, which web servers, proxies, click trackers and analytics log',
  src: 'an image URL, which image proxies and the image host log',
  background: 'an image URL, which image proxies and the image host log',
  'background-url': 'an image URL, which image proxies and the image host log',
  alt: 'alt text, which shows where images are blocked and in the plain-text part',
  title: 'a title attribute, which shows as a tooltip and to screen readers',
  'aria-label': 'an aria-label, which screen readers read out',
};

/**
 * Describes a merge tag for a hover: its PHI class, why, and what that means where the tag
 * sits. `overrides` is the `phi.fields` config. `inSubject` is for a tag in the subject line or
 * preheader, which the model places in a comment (the directive) or in a head element.
 */
export function describeMergeTag(tag: MergeTag, overrides: Readonly<Record<string, PhiClass>> = {}, inSubject = false): MergeTagDescription {
  const classified = tag.field === null ? undefined : classifyTag({ ...tag, kind: 'output', context: tag.context === 'comment' ? 'text' : tag.context }, overrides);
  if (classified === undefined) {
    const reason = 'reads no field';
    return { phiClass: 'neutral', reason, markdown: `\`${tag.raw}\` ${reason}.` };
  }

  const { phiClass, reason, firstNameOnly } = classified.classification;
  const lines = [`**\`${classified.field}\`** is ${phiClass}: ${reason}.`, '', `This field ${CLASS_MEANING[phiClass]}.`];
  const exposure = exposureOf(tag, inSubject);
  const isPhi = phiClass === 'identifier' || phiClass === 'clinical' || phiClass === 'financial';

  if (isPhi && exposure !== undefined && !(firstNameOnly === true && exposure.allowsFirstName)) {
    lines.push('', `Here it sits in ${exposure.place}: the value is exposed to people and systems other than the recipient.`);
  } else if (isPhi && tag.context === 'text') {
    lines.push('', 'In the body it goes to the recipient, which is allowed; keep it out of the subject, URLs and alt text.');
  }
  if (tag.kind !== 'output') {
    lines.push('', 'This tag tests or loops over the field without printing it.');
  }
  return { phiClass, reason, markdown: lines.join('\n') };
}

function exposureOf(tag: MergeTag, inSubject: boolean): { place: string; allowsFirstName: boolean } | undefined {
  if (inSubject) {
    return { place: 'the subject line or preheader, which lock screens and inbox lists show', allowsFirstName: true };
  }
  if (tag.context === 'attribute' && tag.attribute !== undefined) {
    const place = EXPOSED_ATTRIBUTES[tag.attribute];
    const isUrl = tag.attribute !== 'alt' && tag.attribute !== 'title' && tag.attribute !== 'aria-label';
    return place === undefined ? undefined : { place, allowsFirstName: !isUrl };
  }
  return undefined;
}

/** `describeMergeTag` with the subject-line placement read from the model. */
export function describeMergeTagIn(model: TemplateModel, tag: MergeTag, overrides: Readonly<Record<string, PhiClass>> = {}): MergeTagDescription {
  const inSubject = [model.subject?.span, model.preheader?.span].some((span) => spanWithin(tag.span, span));
  return describeMergeTag(tag, overrides, inSubject);
}
