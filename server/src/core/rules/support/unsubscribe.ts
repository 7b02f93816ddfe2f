import type { UserConfig } from '../../config/types';
import type { Link, MergeTag, TemplateModel, TextRun } from '../../model/types';

/**
 * Where a template offers its opt-out: links whose text or target contains unsubscribe wording, and the
 * unsubscribe tags email service providers replace at send time.
 */

/** ESP unsubscribe tags as written; matching ignores case and inner whitespace. */
export const DEFAULT_UNSUBSCRIBE_TAGS = [
  '*|UNSUB|*',
  '{{unsubscribe_url}}',
  '{{{unsubscribe}}}',
  '<%asm_group_unsubscribe_raw_url%>',
  '<%asm_global_unsubscribe_raw_url%>',
  '[unsubscribe]',
  '%unsubscribe_url%',
  '%tag_unsubscribe_url%',
  '%%unsub_center_url%%',
  '{{ UnsubscribeURL }}',
  '{unsubscribe_text}',
  '{unsubscribe_url}',
];

/** Merge fields that an ESP fills with an unsubscribe or preference-centre URL. */
const UNSUBSCRIBE_FIELD = /^(?:[\w-]+[.:])*(?:unsub\w*|\w*unsubscribe\w*|opt_?out\w*|\w*preference_?cent(?:er|re)\w*|manage_?preferences\w*|list_?unsubscribe\w*)$/i;

const UNSUBSCRIBE_TEXT = /\b(?:unsubscribe|unsub|opt[\s-]?out|stop receiving|no longer (?:wish|want) to receive|email preferences|manage (?:your )?(?:email )?(?:preferences|subscriptions?)|update (?:your )?(?:email )?preferences|remove me)\b/i;

const UNSUBSCRIBE_URL = /unsubscribe|unsub|opt-?out|optout|preferences/i;

export interface UnsubscribeOffer {
  kind: 'link' | 'tag';
  link?: Link;
  tag?: MergeTag;
  /** The text run a bare tag sits in, for visibility. */
  run?: TextRun;
}

export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, '').toLowerCase();
}

const tagSets = new WeakMap<UserConfig, Set<string>>();

/** Returns the normalised unsubscribe tags for a config, built once per config object. */
export function unsubscribeTagSet(user: UserConfig): Set<string> {
  let tags = tagSets.get(user);
  if (!tags) {
    tags = new Set([...DEFAULT_UNSUBSCRIBE_TAGS, ...(user.unsubscribe?.tags ?? [])].map(normalizeTag));
    tagSets.set(user, tags);
  }
  return tags;
}

export function isUnsubscribeTag(tag: MergeTag, tags: Set<string>): boolean {
  if (tags.has(normalizeTag(tag.raw))) {
    return true;
  }
  return tag.kind === 'output' && tag.field !== null && UNSUBSCRIBE_FIELD.test(tag.field);
}

export function isUnsubscribeLink(link: Link, user: UserConfig, tags: Set<string>, model: TemplateModel): boolean {
  const extraTexts = (user.unsubscribe?.linkText ?? []).map((text) => text.toLowerCase());
  const label = [link.text, ...link.imageAlts].join(' ');
  if (UNSUBSCRIBE_TEXT.test(label) || extraTexts.some((text) => label.toLowerCase().includes(text))) {
    return true;
  }
  if (hrefHasUnsubscribeTag(link, tags, model)) {
    return true;
  }

  // A target that contains unsubscribe wording counts even when the text is "click here".
  return UNSUBSCRIBE_URL.test(stripTags(link.decodedHref));
}

export function hrefHasUnsubscribeTag(link: Link, tags: Set<string>, model: TemplateModel): boolean {
  if (containsTagText(link.href, tags)) {
    return true;
  }
  const { file, start, end } = link.hrefSpan;
  return model.mergeTags.some(
    (tag) => tag.span.file === file && tag.span.start >= start && tag.span.end <= end && isUnsubscribeTag(tag, tags),
  );
}

/** Finds every place the template offers an opt-out: unsubscribe links first, then bare tags in text. */
/** Offers per model and config: three rules ask for them on every check. */
const offerCache = new WeakMap<TemplateModel, { user: UserConfig; offers: UnsubscribeOffer[] }>();

export function findUnsubscribeOffers(model: TemplateModel, user: UserConfig): UnsubscribeOffer[] {
  const cached = offerCache.get(model);
  if (cached && cached.user === user) {
    return cached.offers;
  }
  const offers = collectUnsubscribeOffers(model, user);
  offerCache.set(model, { user, offers });
  return offers;
}

function collectUnsubscribeOffers(model: TemplateModel, user: UserConfig): UnsubscribeOffer[] {
  const tags = unsubscribeTagSet(user);
  const offers: UnsubscribeOffer[] = [];

  for (const link of model.links) {
    if (isUnsubscribeLink(link, user, tags, model)) {
      offers.push({ kind: 'link', link });
    }
  }

  for (const tag of model.mergeTags) {
    if (tag.context === 'attribute' || !isUnsubscribeTag(tag, tags)) {
      continue;
    }
    const run = model.textRuns.find((candidate) => candidate.span.file === tag.span.file && candidate.span.start <= tag.span.start && candidate.span.end >= tag.span.end);
    offers.push({ kind: 'tag', tag, run });
  }

  // Tags such as `[unsubscribe]` or Mautic's `{unsubscribe_text}` are plain text to the parser;
  // Campaign Monitor's `<unsubscribe>` element becomes a link at send time.
  for (const run of model.textRuns) {
    const campaignMonitor = run.element.name === 'unsubscribe';
    if ((campaignMonitor || containsTagText(run.raw, tags)) && !offers.some((offer) => offer.run === run)) {
      offers.push({ kind: 'tag', run });
    }
  }
  return offers;
}

function containsTagText(raw: string, tags: Set<string>): boolean {
  // Every built-in tag contains "unsub"; skip the normalising copy for the common text run.
  if (!/unsub/i.test(raw) && allContainUnsub(tags)) {
    return false;
  }
  const normalized = normalizeTag(raw);
  for (const tag of tags) {
    if (normalized.includes(tag)) {
      return true;
    }
  }
  return false;
}

const unsubOnly = new WeakMap<Set<string>, boolean>();

function allContainUnsub(tags: Set<string>): boolean {
  let known = unsubOnly.get(tags);
  if (known === undefined) {
    known = [...tags].every((tag) => tag.includes('unsub'));
    unsubOnly.set(tags, known);
  }
  return known;
}

function stripTags(href: string): string {
  // Merge-tag names such as {{unsubscribe_url}} are judged by isUnsubscribeTag, not as URL text.
  return href.replace(/\{\{[^}]*\}\}|\*\|[^|]*\|\*|%%[^%]*%%|<%[^%]*%>/g, '');
}
