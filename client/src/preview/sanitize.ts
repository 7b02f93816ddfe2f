import { applyEdits, escapeAttribute, scanHtml, type Edit, type OpenTagToken, type ScannedAttribute } from '../../../server/src/core/render/html-scan';
import type { BlockedCounts } from './messages';

/**
 * Turns a rendered email into the document the preview frame shows.
 *
 * The frame is already sandboxed without `allow-scripts` and inherits the webview's content
 * security policy, so nothing here is the only line of defence. It still removes scripts,
 * event handlers, script URLs, embedded frames and refreshes. It takes remote references out
 * unless the user allowed them, so a tracking pixel never reports that the author opened the
 * preview and the notice can count what was held back. It points relative images at the
 * workspace through `resolveLocal`.
 */

export interface PrepareOptions {
  allowRemote: boolean;
  /** Maps a relative URL as written to a webview URI, or undefined to leave it. */
  resolveLocal?: (relative: string) => string | undefined;
}

export interface PreparedEmail {
  srcdoc: string;
  blocked: BlockedCounts;
}

/** A 1×1 transparent GIF keeps the layout of a blocked image. */
const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Elements removed together with their content. */
const DROP_WITH_CONTENT = new Set(['script', 'iframe', 'frameset', 'noembed', 'noframes']);

/** Elements removed, their content kept. */
const DROP_TAG = new Set(['object', 'embed', 'applet', 'frame', 'base', 'portal']);

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'srcset', 'lowsrc', 'dynsrc']);

const FONT_URL = /fonts\.googleapis|fonts\.gstatic|use\.typekit|\.(?:woff2?|ttf|otf|eot)(?:[?#]|$)/i;

/** Styles for what Presend adds to the email: highlights, merge tags, masks, blocked images, dark mode. */
export const FRAME_STYLE = [
  '.presend-hl{outline:2px solid var(--presend-hl,#bf8803)!important;outline-offset:1px;cursor:pointer}',
  '.presend-hl-error{--presend-hl:#e51400}.presend-hl-warning{--presend-hl:#bf8803}.presend-hl-info{--presend-hl:#1a85ff}',
  '.presend-hl-active{outline-width:3px!important;box-shadow:0 0 0 4px rgba(26,133,255,.35)!important}',
  'mark.presend-tag{background:#fff3b0;color:#5c4400;border-radius:2px;padding:0 2px;font-family:monospace;font-size:.9em}',
  'mark.presend-block{background:#e1ecf7;color:#1d3b5a}',
  '.presend-masked{background:#d8d8d8;color:#404040;letter-spacing:.1em;border-radius:2px;padding:0 2px}',
  'img[data-presend-blocked]{background:repeating-linear-gradient(45deg,#eee,#eee 6px,#ddd 6px,#ddd 12px);outline:1px dashed #999;min-width:16px;min-height:16px}',
  'html.presend-dark img,html.presend-dark video,html.presend-dark [background],html.presend-dark [style*="background-image"]{filter:invert(1) hue-rotate(180deg)}',
].join('');

export function prepareEmailDocument(html: string, options: PrepareOptions): PreparedEmail {
  const blocked: BlockedCounts = { images: 0, fonts: 0, other: 0, insecure: 0 };
  const edits: Edit[] = [];
  const tokens = scanHtml(html);
  let styleAt: number | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];

    if (token.kind === 'open' && DROP_WITH_CONTENT.has(token.name)) {
      // The scanner reads these as raw text, so the content and end tag follow directly.
      let end = token.end;
      while (i + 1 < tokens.length && tokens[i + 1].kind === 'text' && (tokens[i + 1] as { raw: boolean }).raw) {
        end = tokens[++i].end;
      }
      const close = tokens[i + 1];
      if (close?.kind === 'close' && close.name === token.name) {
        end = close.end;
        i++;
      }
      edits.push({ start: token.start, end, text: '' });
      continue;
    }
    if ((token.kind === 'open' || token.kind === 'close') && (DROP_TAG.has(token.name) || (token.kind === 'close' && DROP_WITH_CONTENT.has(token.name)))) {
      edits.push({ start: token.start, end: token.end, text: '' });
      continue;
    }
    if (token.kind === 'open') {
      if (token.name === 'head' && styleAt === undefined) {
        styleAt = token.end;
      }
      if (dropWholeTag(token, options, blocked)) {
        edits.push({ start: token.start, end: token.end, text: '' });
        continue;
      }
      rewriteAttributes(html, token, options, blocked, edits);
      continue;
    }
    if (token.kind === 'text' && token.raw && isInsideStyle(tokens, i)) {
      const css = html.slice(token.start, token.end);
      const rewritten = rewriteCss(css, options, blocked, 'stylesheet');
      if (rewritten !== css) {
        edits.push({ start: token.start, end: token.end, text: rewritten });
      }
    }
  }

  const style = `<style data-presend>${FRAME_STYLE}</style>`;
  edits.push({ start: styleAt ?? 0, end: styleAt ?? 0, text: style });
  return { srcdoc: applyEdits(html, edits), blocked };
}

function isInsideStyle(tokens: ReturnType<typeof scanHtml>, index: number): boolean {
  const before = tokens[index - 1];
  return before?.kind === 'open' && before.name === 'style';
}

function dropWholeTag(tag: OpenTagToken, options: PrepareOptions, blocked: BlockedCounts): boolean {
  const attribute = (name: string) => tag.attributes.find((a) => a.name === name)?.value ?? '';

  if (tag.name === 'meta' && attribute('http-equiv').trim().toLowerCase() === 'refresh') {
    return true;
  }
  if (tag.name !== 'link') {
    return false;
  }
  const href = attribute('href').trim();
  const kind = remoteKind(href);
  if (!kind || (kind === 'https' && options.allowRemote)) {
    return false;
  }
  countBlocked(blocked, kind, FONT_URL.test(href) ? 'fonts' : 'other');
  return true;
}

function rewriteAttributes(html: string, tag: OpenTagToken, options: PrepareOptions, blocked: BlockedCounts, edits: Edit[]): void {
  for (const attribute of tag.attributes) {
    const { name } = attribute;
    if (name.startsWith('on')) {
      edits.push({ start: attribute.nameStart, end: attributeEnd(attribute), text: '' });
      continue;
    }
    if (name === 'style') {
      const rewritten = rewriteCss(attribute.value, options, blocked, 'inline');
      if (rewritten !== attribute.value) {
        edits.push(replaceValue(attribute, rewritten));
      }
      continue;
    }
    if (!URL_ATTRIBUTES.has(name)) {
      continue;
    }

    const url = decodeForCheck(attribute.value);
    if (/^(?:javascript|vbscript|data:text\/html|data:image\/svg)/i.test(url.replace(/[\s\u0000-\u001f]/g, '')) && !(tag.name === 'img' && /^data:image\/svg/i.test(url))) {
      edits.push(name === 'href' ? replaceValue(attribute, '#') : { start: attribute.nameStart, end: attributeEnd(attribute), text: '' });
      continue;
    }
    if (name === 'href' || name === 'action' || name === 'formaction' || name === 'xlink:href') {
      // Links are not followed from the preview; the frame cannot navigate.
      continue;
    }

    if (name === 'srcset') {
      const kinds = attribute.value.split(',').map((candidate) => remoteKind(candidate.trim().split(/\s+/)[0] ?? ''));
      if (kinds.some((kind) => kind === 'http' || (kind === 'https' && !options.allowRemote))) {
        countBlocked(blocked, kinds.includes('http') ? 'http' : 'https', 'images');
        edits.push({ start: attribute.nameStart, end: attributeEnd(attribute), text: '' });
      }
      continue;
    }

    const kind = remoteKind(url);
    if (kind === 'http' || (kind === 'https' && !options.allowRemote)) {
      countBlocked(blocked, kind, 'images');
      edits.push(
        name === 'src'
          ? { start: attribute.nameStart, end: attributeEnd(attribute), text: `src="${BLANK_IMAGE}" data-presend-blocked="${escapeAttribute(url)}"` }
          : { start: attribute.nameStart, end: attributeEnd(attribute), text: '' },
      );
      continue;
    }
    if (!kind && isRelative(url) && options.resolveLocal) {
      const local = options.resolveLocal(url);
      if (local !== undefined) {
        edits.push(replaceValue(attribute, local));
      }
    }
  }
}

/** Rewrites `url(…)` and `@import` references in CSS; `inline` is a style attribute's value. */
function rewriteCss(css: string, options: PrepareOptions, blocked: BlockedCounts, where: 'inline' | 'stylesheet'): string {
  const withoutImports = css.replace(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1\s*\)?[^;]*;?/gi, (whole, _quote: string, url: string) => {
    const kind = remoteKind(url);
    if (!kind || (kind === 'https' && options.allowRemote)) {
      return whole;
    }
    countBlocked(blocked, kind, FONT_URL.test(url) ? 'fonts' : 'other');
    return '';
  });

  const replaceUrls = (text: string, category: (url: string) => 'images' | 'fonts' | 'other'): string =>
    text.replace(/url\(\s*(&quot;|&#39;|['"]?)([^'")]*?)\1\s*\)/gi, (whole, _quote: string, url: string) => {
      const kind = remoteKind(url);
      if (!kind || (kind === 'https' && options.allowRemote)) {
        return whole;
      }
      countBlocked(blocked, kind, category(url));
      return 'url("")';
    });

  const withoutFonts = withoutImports.replace(/@font-face\s*\{[^}]*\}/gi, (block) => replaceUrls(block, () => 'fonts'));
  return replaceUrls(withoutFonts, (url) =>
    FONT_URL.test(url) ? 'fonts' : where === 'inline' || /\.(?:png|jpe?g|gif|webp|svg)(?:[?#]|$)/i.test(url) ? 'images' : 'other',
  );
}

function remoteKind(url: string): 'http' | 'https' | undefined {
  const trimmed = url.trim().toLowerCase();
  if (trimmed.startsWith('https:') || trimmed.startsWith('//')) {
    return 'https';
  }
  return trimmed.startsWith('http:') ? 'http' : undefined;
}

function isRelative(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.includes('{{') && !trimmed.includes('*|');
}

function countBlocked(blocked: BlockedCounts, kind: 'http' | 'https', what: 'images' | 'fonts' | 'other'): void {
  blocked[what]++;
  if (kind === 'http') {
    blocked.insecure++;
  }
}

function attributeEnd(attribute: ScannedAttribute): number {
  return attribute.valueEnd + (attribute.quote ? 1 : 0);
}

function replaceValue(attribute: ScannedAttribute, value: string): Edit {
  if (attribute.quote) {
    return { start: attribute.valueStart, end: attribute.valueEnd, text: attribute.quote === '"' ? escapeAttribute(value) : value.replace(/'/g, '&#39;') };
  }
  return { start: attribute.nameStart, end: attributeEnd(attribute), text: `${attribute.name}="${escapeAttribute(value)}"` };
}

/** Decodes the character references that can hide a URL scheme, such as `java&#115;cript:`. */
function decodeForCheck(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => codePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/&amp;/gi, '&')
    .trim();
}

function codePoint(value: number): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
}
