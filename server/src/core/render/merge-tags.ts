import { applyEdits, escapeAttribute, escapeText, scanHtml, type Edit } from './html-scan';

/**
 * Fills merge tags in compiled HTML for the preview, from the sample data the template names.
 *
 * Values are inserted as escaped text, even for Handlebars' triple-stash, because the preview
 * never renders HTML taken from a data file.
 *
 * NOTE: every syntax Presend supports is filled, whatever the project enables, because the render
 * input carries no syntax list. A tag in a syntax the sender does not support therefore looks
 * filled in the preview although the sent email will show it as written.
 */

export interface FillOptions {
  /** Values by field path; null or undefined when the template has no sample data. */
  sampleData?: Record<string, unknown> | null;
  maskPhi: boolean;
  /** True for fields whose values are PHI; called with the field as written in the tag. */
  isPhiField?: (field: string) => boolean;
}

/** The text shown instead of a PHI value when masking is on. */
export const PHI_MASK = '•••••';

interface TagMatch {
  raw: string;
  /** The field the tag prints, or null for blocks, statements and helpers without one. */
  field: string | null;
}

// One alternation per syntax; the order matters where delimiters overlap (`{{{` before `{{`).
const TAG_PATTERN = new RegExp(
  [
    /\{\{\{\s*([^}]*?)\s*\}\}\}/.source,
    /\{\{~?\s*([^}]*?)\s*~?\}\}/.source,
    /\{%-?\s*([\s\S]*?)\s*-?%\}/.source,
    /\*\|([^|*\s]+)\|\*/.source,
    /%%(=?[^%]+?)%%/.source,
    /%(recipient(?:\.[A-Za-z0-9_-]+)?|unsubscribe_url|tag_unsubscribe_url|mailing_list_unsubscribe_url)%/.source,
    /<%(=?)-?\s*([\s\S]*?)\s*-?%>/.source,
  ].join('|'),
  'g',
);

const PATH = /^[@A-Za-z_$][\w$@-]*(?:(?:\.|\/)[\w$@-]+|\[\d+\])*$/;

/** Returns the HTML with merge tags in text and attribute values filled or highlighted. */
export function fillMergeTags(html: string, options: FillOptions): string {
  const edits: Edit[] = [];
  for (const token of scanHtml(html)) {
    if (token.kind === 'text' && !token.raw) {
      collect(html, token.start, token.end, 'text', options, edits);
    } else if (token.kind === 'open') {
      for (const attribute of token.attributes) {
        if (attribute.quote) {
          collect(html, attribute.valueStart, attribute.valueEnd, 'attribute', options, edits);
        }
      }
    }
  }
  return applyEdits(html, edits);
}

function collect(html: string, start: number, end: number, context: 'text' | 'attribute', options: FillOptions, edits: Edit[]): void {
  const segment = html.slice(start, end);
  for (const match of segment.matchAll(TAG_PATTERN)) {
    const tag = parseTag(match);
    const replacement = context === 'text' ? textReplacement(tag, options) : attributeReplacement(tag, options);
    if (replacement !== undefined) {
      const at = start + (match.index ?? 0);
      edits.push({ start: at, end: at + tag.raw.length, text: replacement });
    }
  }
}

function textReplacement(tag: TagMatch, options: FillOptions): string {
  const value = tag.field ? lookup(options.sampleData, tag.field) : undefined;
  if (value === undefined) {
    const kind = tag.field ? 'presend-tag' : 'presend-tag presend-block';
    return `<mark class="${kind}">${escapeText(tag.raw)}</mark>`;
  }
  if (options.maskPhi && tag.field && options.isPhiField?.(tag.field)) {
    return `<span class="presend-masked" title="${escapeAttribute(tag.field)}">${PHI_MASK}</span>`;
  }
  return escapeText(value);
}

function attributeReplacement(tag: TagMatch, options: FillOptions): string | undefined {
  const value = tag.field ? lookup(options.sampleData, tag.field) : undefined;
  if (value === undefined) {
    return undefined;
  }
  if (options.maskPhi && tag.field && options.isPhiField?.(tag.field)) {
    return PHI_MASK;
  }
  return escapeAttribute(value);
}

function parseTag(match: RegExpMatchArray): TagMatch {
  const [raw, triple, double, liquidStatement, mailchimp, salesforce, mailgun, erbEquals, erbBody] = match;
  if (triple !== undefined) {
    return { raw, field: expressionField(triple) };
  }
  if (double !== undefined) {
    // `{{#if x}}`, `{{/if}}`, `{{^x}}`, `{{> partial}}`, `{{! comment}}`, `{{else}}` print no field.
    return { raw, field: /^[#/^>!&]/.test(double) || double === 'else' ? null : expressionField(double) };
  }
  if (liquidStatement !== undefined) {
    return { raw, field: null };
  }
  if (mailchimp !== undefined) {
    // `*|IF:X|*`, `*|END:IF|*` and other `KEYWORD:ARG` forms are blocks or functions.
    return { raw, field: mailchimp.includes(':') ? null : mailchimp };
  }
  if (salesforce !== undefined) {
    return { raw, field: salesforce.startsWith('=') ? null : salesforce.trim() };
  }
  if (mailgun !== undefined) {
    return { raw, field: mailgun };
  }
  if (erbBody !== undefined) {
    return { raw, field: erbEquals === '=' ? expressionField(erbBody.replace(/^@/, '')) : null };
  }
  return { raw, field: null };
}

/** Returns the field an output expression prints: `a.b`, `a.b | upcase`, or the argument of `helper a.b`. */
function expressionField(expression: string): string | null {
  const withoutFilters = expression.split('|')[0].trim();
  const words = withoutFilters.split(/\s+/).filter(Boolean);
  const candidate = words.length === 1 ? words[0] : words.slice(1).find((w) => PATH.test(w));
  if (!candidate || !PATH.test(candidate)) {
    return null;
  }
  return candidate.replace(/^(?:this\.|@root\.|(?:\.\.\/)+)/, '');
}

/**
 * Looks a field up by dot path: exact keys first, then case-insensitively per segment, and
 * Mailgun's `recipient.` prefix may be left out of the sample data.
 */
export function lookup(data: Record<string, unknown> | null | undefined, field: string): string | undefined {
  if (!data) {
    return undefined;
  }
  const found = walk(data, field.split(/\.|\//)) ?? (field.startsWith('recipient.') ? walk(data, field.split('.').slice(1)) : undefined);
  return format(found);
}

function walk(data: unknown, segments: string[]): unknown {
  let at: unknown = data;
  for (const segment of segments) {
    if (at === null || typeof at !== 'object') {
      return undefined;
    }
    const record = at as Record<string, unknown>;
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index && Array.isArray(at)) {
      at = at[Number(index[1])];
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(record, segment)) {
      at = record[segment];
      continue;
    }
    const key = Object.keys(record).find((k) => k.toLowerCase() === segment.toLowerCase());
    if (key === undefined) {
      return undefined;
    }
    at = record[key];
  }
  return at;
}

function format(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    return value.join(', ');
  }
  return undefined;
}
