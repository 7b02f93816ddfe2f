import type { MergeTag, MergeTagSyntax } from './types';
import { classifyErb, classifyHandlebars, classifyLiquidOutput, classifyLiquidTag, classifyMailchimp, classifyMailgun, classifySalesforce, type TagMeaning } from './merge-tag-fields';

/**
 * Finds the merge tags of the enabled template languages in a text, by UTF-16 offsets.
 *
 * The scanner is hand-written and linear: every closing delimiter is found with a cached
 * `indexOf`, so a long run of unmatched openers (`{{{{{{…`) costs one search, not one per opener.
 */

export const ALL_MERGE_TAG_SYNTAXES: readonly MergeTagSyntax[] = ['handlebars', 'liquid', 'mailchimp', 'salesforce', 'mailgun', 'erb'];

/** A merge tag found in one text, before it is placed in the template's tree. */
export interface RawMergeTag extends TagMeaning {
  start: number;
  end: number;
  syntax: MergeTagSyntax;
  raw: string;
}

/** Maximum length of one merge tag. An opener whose closer is farther away is literal text. */
const MAX_TAG_LENGTH = 2000;

/** Maximum length of a Mailchimp or Mailgun tag, which are short names. Longer spans are prose. */
const MAX_NAME_TAG_LENGTH = 200;

export function scanMergeTags(text: string, syntaxes: readonly MergeTagSyntax[]): RawMergeTag[] {
  const enabled = new Set(syntaxes);
  const curly = enabled.has('handlebars') || enabled.has('liquid');
  const closers = new CloserFinder(text);
  const tags: RawMergeTag[] = [];
  const candidates = /[{*%<]/g;
  let index = 0;

  while (index < text.length) {
    candidates.lastIndex = index;
    const found = candidates.exec(text);
    if (!found) {
      break;
    }
    const at = found.index;
    const char = text[at];
    const next = text[at + 1];
    let tag: RawMergeTag | undefined;
    let resumeAt: number | undefined;

    if (char === '{' && curly && (next === '{' || (next === '%' && enabled.has('liquid')))) {
      const result = scanCurly(text, at, enabled, closers, tags);
      tag = result.tag;
      resumeAt = result.resumeAt;
    } else if (char === '*' && next === '|' && enabled.has('mailchimp')) {
      tag = scanMailchimp(text, at, closers);
    } else if (char === '%' && next === '%' && enabled.has('salesforce')) {
      tag = scanSalesforce(text, at, closers);
    } else if (char === '%' && enabled.has('mailgun')) {
      tag = scanMailgun(text, at);
    } else if (char === '<' && next === '%' && enabled.has('erb')) {
      tag = scanErb(text, at, closers);
    }

    if (tag) {
      tags.push(tag);
      index = resumeAt ?? tag.end;
    } else {
      index = resumeAt ?? at + 1;
    }
  }
  return tags;
}

/**
 * Replaces every merge tag with filler of the same length, so an HTML tokenizer reads no `<%`,
 * quote or `>` from a tag while every offset stays the same. Spaces are used where the
 * tag stands alone (between elements, between attributes); underscores where it continues a
 * word, so an unquoted attribute value like `href={{url}}` stays one token.
 */
export function maskMergeTags(text: string, tags: readonly RawMergeTag[]): string {
  if (tags.length === 0) {
    return text;
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const tag of tags) {
    parts.push(text.slice(cursor, tag.start));
    const before = tag.start > 0 ? text[tag.start - 1] : ' ';
    const continuesWord = !/[\s>"']/.test(before);
    parts.push((continuesWord ? '_' : ' ').repeat(tag.end - tag.start));
    cursor = tag.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Places raw tags in a file: the shared shape rules read, without tree context yet. */
export function toMergeTag(tag: RawMergeTag, span: MergeTag['span']): MergeTag {
  const result: MergeTag = { syntax: tag.syntax, raw: tag.raw, field: tag.field, kind: tag.kind, filters: tag.filters, span, context: 'text' };
  if (tag.keyword !== undefined) {
    result.keyword = tag.keyword;
  }
  return result;
}

/** `indexOf` with memory: searches for a delimiter again only once the cursor has passed it. */
class CloserFinder {
  private readonly text: string;
  private readonly cache = new Map<string, number>();

  constructor(text: string) {
    this.text = text;
  }

  find(delimiter: string, from: number): number {
    const cached = this.cache.get(delimiter);
    if (cached !== undefined && (cached === -1 || cached >= from)) {
      return cached;
    }
    const found = this.text.indexOf(delimiter, from);
    this.cache.set(delimiter, found);
    return found;
  }
}

interface CurlyResult {
  tag?: RawMergeTag;
  resumeAt?: number;
}

function scanCurly(text: string, at: number, enabled: Set<MergeTagSyntax>, closers: CloserFinder, tags: RawMergeTag[]): CurlyResult {
  const isLiquidTag = text[at + 1] === '%';
  const triple = !isLiquidTag && text[at + 2] === '{';
  let opener = '{{';
  let closer = '}}';
  if (isLiquidTag) {
    opener = '{%';
    closer = '%}';
  } else if (triple) {
    opener = '{{{';
    closer = '}}}';
  }
  const close = closers.find(closer, at + opener.length);
  if (close === -1 || close + closer.length - at > MAX_TAG_LENGTH) {
    return {};
  }

  // An opener repeated before the closer (`{{ {{x}}`) belongs to the literal text; the tag
  // is the innermost one, so resume the scan there.
  const innerOpen = text.lastIndexOf(isLiquidTag ? '{%' : '{{', close - 1);
  if (innerOpen > at && !(triple && innerOpen === at + 1)) {
    return { resumeAt: innerOpen };
  }

  const end = close + closer.length;
  const raw = text.slice(at, end);
  const body = text.slice(at + opener.length, close);

  if (isLiquidTag) {
    const tag: RawMergeTag = { start: at, end, syntax: 'liquid', raw, ...classifyLiquidTag(body) };
    return skipLiquidVerbatim(text, tag, tags);
  }

  const liquid = enabled.has('liquid') && (!enabled.has('handlebars') || looksLikeLiquid(body));
  const syntax: MergeTagSyntax = liquid ? 'liquid' : 'handlebars';
  const meaning = liquid ? classifyLiquidOutput(body) : classifyHandlebars(body, triple);
  return { tag: { start: at, end, syntax, raw, ...meaning } };
}

/** `{{ x | filter }}` and `{{- x -}}` are Liquid; everything else in `{{ }}` reads as Handlebars. */
function looksLikeLiquid(body: string): boolean {
  if (body.startsWith('!')) {
    return false;
  }
  if (body.startsWith('-') || body.endsWith('-')) {
    return true;
  }
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quote) {
      if (char === quote) {
        quote = '';
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '|' && body[i + 1] !== '|' && body[i - 1] !== '|') {
      return true;
    }
  }
  return false;
}

/** `{% raw %}` and `{% comment %}` hold text that is not template code until their end tag. */
function skipLiquidVerbatim(text: string, tag: RawMergeTag, tags: RawMergeTag[]): CurlyResult {
  if (tag.kind !== 'block-open' || (tag.keyword !== 'raw' && tag.keyword !== 'comment')) {
    return { tag };
  }
  const endPattern = new RegExp(`\\{%-?\\s*end${tag.keyword}\\s*-?%\\}`, 'g');
  endPattern.lastIndex = tag.end;
  const endTag = endPattern.exec(text);
  if (!endTag) {
    return { tag };
  }
  tags.push(tag);
  const endRaw = endTag[0];
  const closing: RawMergeTag = { start: endTag.index, end: endTag.index + endRaw.length, syntax: 'liquid', raw: endRaw, ...classifyLiquidTag(endRaw.slice(2, -2)) };
  return { tag: closing };
}

function scanMailchimp(text: string, at: number, closers: CloserFinder): RawMergeTag | undefined {
  const close = closers.find('|*', at + 2);
  if (close === -1 || close - at > MAX_NAME_TAG_LENGTH) {
    return undefined;
  }
  const body = text.slice(at + 2, close);
  if (!/^[A-Za-z0-9_:\-. =!<>#/]+$/.test(body) || !/[A-Za-z]/.test(body)) {
    return undefined;
  }
  const end = close + 2;
  return { start: at, end, syntax: 'mailchimp', raw: text.slice(at, end), ...classifyMailchimp(body) };
}

function scanSalesforce(text: string, at: number, closers: CloserFinder): RawMergeTag | undefined {
  const third = text[at + 2];

  // `%%=v(@x)=%%` prints an AMPscript expression; `%%[ … ]%%` is an AMPscript block.
  let closer = '%%';
  if (third === '=') {
    closer = '=%%';
  } else if (third === '[') {
    closer = ']%%';
  }
  const close = closers.find(closer, at + (closer === '%%' ? 2 : 3));
  if (close === -1 || close - at > MAX_TAG_LENGTH) {
    return undefined;
  }
  const body = text.slice(at + 2, close + closer.length - 2);
  if (closer === '%%' && !/^[A-Za-z_][\w.\-]*$/.test(body)) {
    return undefined;
  }
  const end = close + closer.length;
  return { start: at, end, syntax: 'salesforce', raw: text.slice(at, end), ...classifySalesforce(body) };
}

/**
 * Mailgun's `%recipient.x%` and its fixed `%snake_case%` variables. Other `%word%` shapes are
 * left alone because percent-encoded URLs (`caf%C3%A9`) and CSS (`50%`) look the same.
 */
function scanMailgun(text: string, at: number): RawMergeTag | undefined {
  const match = /%(recipient(?:\.[A-Za-z_][\w\-]*)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)%/y;
  match.lastIndex = at;
  const found = match.exec(text);
  if (!found || found[0].length > MAX_NAME_TAG_LENGTH) {
    return undefined;
  }
  const end = at + found[0].length;
  return { start: at, end, syntax: 'mailgun', raw: found[0], ...classifyMailgun(found[1]) };
}

function scanErb(text: string, at: number, closers: CloserFinder): RawMergeTag | undefined {
  // `<%%` is ERB's escape for a literal `<%`.
  if (text[at + 2] === '%') {
    return undefined;
  }
  const close = closers.find('%>', at + 2);
  if (close === -1 || close + 2 - at > MAX_TAG_LENGTH) {
    return undefined;
  }
  const end = close + 2;
  return { start: at, end, syntax: 'erb', raw: text.slice(at, end), ...classifyErb(text.slice(at + 2, close)) };
}
