/**
 * A small, offset-preserving HTML tokenizer for the renderer and the preview.
 *
 * The renderer edits markup in place: finding markers into the source, sample values into the
 * compiled HTML, unsafe parts out of the preview copy. So it needs exact offsets of tags,
 * attribute values and text, and must leave every byte it does not touch as it was. A DOM
 * parser re-serialises and loses Outlook conditional comments and merge tags in odd places,
 * so this scanner only splits the text into tokens, the way the HTML tokenizer does for the
 * cases email markup uses. It does not build a tree, fix nesting or decode entities.
 */

export interface ScannedAttribute {
  /** Lower-cased name. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Raw value without quotes; empty when the attribute has none. */
  value: string;
  /** Offsets of the value without its quotes; both equal `nameEnd` when valueless. */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '';
}

export interface OpenTagToken {
  kind: 'open';
  /** Lower-cased tag name. */
  name: string;
  /** `<` to `>` inclusive: `end` is exclusive. */
  start: number;
  end: number;
  /** Offset just after the tag name, where new attributes can be inserted. */
  nameEnd: number;
  attributes: ScannedAttribute[];
  selfClosing: boolean;
}

export interface CloseTagToken {
  kind: 'close';
  name: string;
  start: number;
  end: number;
}

/** Text, or the content of a raw-text element such as `<style>` (`raw` is then true). */
export interface TextToken {
  kind: 'text';
  start: number;
  end: number;
  raw: boolean;
}

/** Comments, including Outlook conditional comments, doctype and other `<!…>`/`<?…>` markup. */
export interface CommentToken {
  kind: 'comment';
  start: number;
  end: number;
}

export type HtmlToken = OpenTagToken | CloseTagToken | TextToken | CommentToken;

/** Elements whose content is not markup in HTML. */
export const HTML_RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'noscript'];

const isNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/**
 * Splits `text` into tokens covering it completely and in order.
 * `rawText` names the elements whose content is taken as text up to their closing tag.
 */
export function scanHtml(text: string, rawText: readonly string[] = HTML_RAW_TEXT): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const length = text.length;
  let textStart = 0;
  let i = 0;

  const flushText = (end: number, raw = false): void => {
    if (end > textStart) {
      tokens.push({ kind: 'text', start: textStart, end, raw });
    }
  };

  while (i < length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      break;
    }
    const next = text.charCodeAt(lt + 1);

    if (text.startsWith('<!--', lt)) {
      flushText(lt);
      const close = text.indexOf('-->', lt + 4);
      const end = close === -1 ? length : close + 3;
      tokens.push({ kind: 'comment', start: lt, end });
      i = textStart = end;
      continue;
    }

    // `<!DOCTYPE>`, `<![CDATA[`, `<?xml …?>` and `</ 3>`-style junk are bogus comments up to `>`.
    if (next === 33 || next === 63 || (next === 47 && !isNameStart(text.charCodeAt(lt + 2)))) {
      if (next === 47 && lt + 2 >= length) {
        break;
      }
      flushText(lt);
      const close = text.indexOf('>', lt + 2);
      const end = close === -1 ? length : close + 1;
      tokens.push({ kind: 'comment', start: lt, end });
      i = textStart = end;
      continue;
    }

    if (next === 47) {
      flushText(lt);
      const tag = readCloseTag(text, lt);
      tokens.push(tag);
      i = textStart = tag.end;
      continue;
    }

    if (!isNameStart(next)) {
      // A lone `<`, or `<%= erb %>`, `<% if %>`: text.
      i = lt + 1;
      continue;
    }

    flushText(lt);
    const tag = readOpenTag(text, lt);
    tokens.push(tag);
    i = textStart = tag.end;

    if (!tag.selfClosing && rawText.includes(tag.name)) {
      const closeAt = findRawTextEnd(text, tag.end, tag.name);
      flushText(closeAt, true);
      i = textStart = closeAt;
    }
  }
  textStart = Math.min(textStart, length);
  flushText(length);
  return tokens;
}

function readOpenTag(text: string, start: number): OpenTagToken {
  const length = text.length;
  let i = start + 1;
  while (i < length && !isSpace(text.charCodeAt(i)) && text[i] !== '/' && text[i] !== '>') {
    i++;
  }
  const name = text.slice(start + 1, i).toLowerCase();
  const nameEnd = i;
  const attributes: ScannedAttribute[] = [];
  let selfClosing = false;

  while (i < length) {
    const ch = text[i];
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (ch === '>') {
      return { kind: 'open', name, start, end: i + 1, nameEnd, attributes, selfClosing };
    }
    if (ch === '/') {
      selfClosing = text[i + 1] === '>';
      i++;
      continue;
    }
    selfClosing = false;

    const nameStart = i;
    i++;
    while (i < length && !isSpace(text.charCodeAt(i)) && text[i] !== '/' && text[i] !== '>' && text[i] !== '=') {
      i++;
    }
    const attribute: ScannedAttribute = {
      name: text.slice(nameStart, i).toLowerCase(),
      nameStart,
      nameEnd: i,
      value: '',
      valueStart: i,
      valueEnd: i,
      quote: '',
    };

    let j = i;
    while (j < length && isSpace(text.charCodeAt(j))) {
      j++;
    }
    if (text[j] === '=') {
      j++;
      while (j < length && isSpace(text.charCodeAt(j))) {
        j++;
      }
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        const valueEnd = close === -1 ? length : close;
        Object.assign(attribute, { quote, valueStart: j + 1, valueEnd, value: text.slice(j + 1, valueEnd) });
        i = close === -1 ? length : close + 1;
      } else {
        let k = j;
        while (k < length && !isSpace(text.charCodeAt(k)) && text[k] !== '>') {
          k++;
        }
        Object.assign(attribute, { valueStart: j, valueEnd: k, value: text.slice(j, k) });
        i = k;
      }
    }
    attributes.push(attribute);
  }
  return { kind: 'open', name, start, end: length, nameEnd, attributes, selfClosing };
}

function readCloseTag(text: string, start: number): CloseTagToken {
  let i = start + 2;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>') {
    i++;
  }
  const name = text.slice(start + 2, i).toLowerCase();
  const close = text.indexOf('>', i);
  return { kind: 'close', name, start, end: close === -1 ? text.length : close + 1 };
}

function findRawTextEnd(text: string, from: number, name: string): number {
  const lower = text.toLowerCase();
  let at = lower.indexOf(`</${name}`, from);
  while (at !== -1) {
    const after = lower.charCodeAt(at + 2 + name.length);
    if (Number.isNaN(after) || isSpace(after) || after === 62 || after === 47) {
      return at;
    }
    at = lower.indexOf(`</${name}`, at + 1);
  }
  return text.length;
}

/** Escapes text for an HTML text node. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits given by offsets into `text`. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) {
      throw new Error(`Overlapping edits at offset ${edit.start}; each edit must start after the previous one ends.`);
    }
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
