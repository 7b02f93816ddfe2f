import { applyEdits, HTML_RAW_TEXT, scanHtml, type Edit, type OpenTagToken } from './html-scan';

/**
 * Finding markers: before a template is compiled, the element nearest to each finding is
 * tagged so the preview can outline it in the rendered email.
 *
 * HTML elements (in an HTML template, or inside an MJML ending tag such as `mj-text`, whose
 * content MJML copies verbatim) get `data-presend-finding="N"`. MJML components get a
 * `presend-finding-N` token in `css-class`, which MJML puts on the element that wraps the
 * component's output. Several findings on one element share its anchor `N`.
 */

/** The MJML 5 components registered with `endingTag`: their content is HTML, copied as is. */
export const MJML_ENDING_TAGS = [
  'mj-breakpoint',
  'mj-preview',
  'mj-style',
  'mj-title',
  'mj-button',
  'mj-raw',
  'mj-text',
  'mj-table',
  'mj-social-element',
  'mj-navbar-link',
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-carousel-image',
];

/** MJML elements that put no `css-class` into the output; a finding on them moves to the parent. */
const MJML_NO_CLASS = new Set(['mj-raw', 'mj-include', 'mj-attributes', 'mj-all', 'mj-class', 'mj-html-attributes', 'mj-selector', 'mj-html-attribute']);

/** Elements a marker on would outline the whole email, or nothing visible. */
const UNMARKABLE = new Set(['mjml', 'mj-body', 'mj-head', 'html', 'head', 'body', 'title', 'meta', 'link', 'style', 'script', 'base']);

const HTML_VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

export const FINDING_ATTRIBUTE = 'data-presend-finding';
export const FINDING_CLASS_PREFIX = 'presend-finding-';

interface SourceElement {
  name: string;
  open: OpenTagToken;
  /** Offset after the end tag, or where the element was implicitly closed. */
  end: number;
  parent: SourceElement | null;
  /** True for HTML inside an MJML ending tag (or anywhere in an HTML template). */
  htmlContent: boolean;
}

export interface MarkedSource {
  /** The template text with markers inserted; same line breaks as the original. */
  text: string;
  /** Anchor id for each requested span, in order; undefined when no element could carry it. */
  anchors: (string | undefined)[];
}

/**
 * Inserts finding markers for `spans` (offsets into `text`) and returns the marked copy.
 * Insertions never add line breaks, so MJML's line numbers still match the original.
 */
export function placeFindingMarkers(text: string, language: 'mjml' | 'html', spans: { start: number; end: number }[]): MarkedSource {
  const elements = buildElements(text, language);
  const anchorOf = new Map<SourceElement, string>();
  const edits: Edit[] = [];
  const anchors = spans.map((span) => {
    const target = markTarget(deepestContaining(elements, span), language);
    if (!target) {
      return undefined;
    }
    let anchor = anchorOf.get(target);
    if (anchor === undefined) {
      anchor = String(anchorOf.size + 1);
      anchorOf.set(target, anchor);
      edits.push(markerEdit(target, anchor));
    }
    return anchor;
  });
  return { text: applyEdits(text, edits), anchors };
}

/** Collects the anchors present in compiled HTML, because MJML drops some components' classes. */
export function anchorsIn(html: string): Set<string> {
  const found = new Set<string>();
  for (const match of html.matchAll(/data-presend-finding="(\d+)"/g)) {
    found.add(match[1]);
  }

  // `-outlook` copies sit in conditional comments Outlook alone reads; they do not count.
  for (const match of html.matchAll(/\bpresend-finding-(\d+)(?![\d-])/g)) {
    found.add(match[1]);
  }
  return found;
}

/** Removes the markers from compiled HTML, for the HTML source view and the text part. */
export function stripFindingMarkers(html: string): string {
  return html
    .replace(/ data-presend-finding="\d+"/g, '')
    .replace(/ ?\bpresend-finding-\d+(?:-outlook)?(?![\w-])/g, '')
    .replace(/ class=""/g, '');
}

function buildElements(text: string, language: 'mjml' | 'html'): SourceElement[] {
  const rawText = language === 'mjml' ? [...HTML_RAW_TEXT, 'mj-style'] : HTML_RAW_TEXT;
  const elements: SourceElement[] = [];
  const stack: SourceElement[] = [];

  for (const token of scanHtml(text, rawText)) {
    if (token.kind === 'open') {
      const parent = stack[stack.length - 1] ?? null;
      const htmlContent =
        language === 'html' ||
        (!token.name.startsWith('mj-') && token.name !== 'mjml' && !!parent && (parent.htmlContent || MJML_ENDING_TAGS.includes(parent.name)));
      const element: SourceElement = { name: token.name, open: token, end: token.end, parent, htmlContent };
      elements.push(element);
      if (!token.selfClosing && !(htmlContent && HTML_VOID.has(token.name))) {
        stack.push(element);
      }
    } else if (token.kind === 'close') {
      const at = stack.map((e) => e.name).lastIndexOf(token.name);
      if (at !== -1) {
        // Elements left open inside it (`<p>` without `</p>`) end where their parent ends.
        for (const open of stack.splice(at)) {
          open.end = token.end;
        }
      }
    }
  }
  for (const open of stack) {
    open.end = text.length;
  }
  return elements;
}

function deepestContaining(elements: SourceElement[], span: { start: number; end: number }): SourceElement | null {
  let best: SourceElement | null = null;
  for (const element of elements) {
    // Elements come in document order, so a later match lies inside an earlier one.
    if (element.open.start <= span.start && span.end <= element.end && span.start < element.end) {
      best = element;
    }
  }
  return best;
}

function markTarget(element: SourceElement | null, language: 'mjml' | 'html'): SourceElement | null {
  for (let at = element; at; at = at.parent) {
    if (at.name === 'mj-head' || at.name === 'head') {
      return null;
    }
  }
  for (let at = element; at; at = at.parent) {
    if (UNMARKABLE.has(at.name)) {
      return null;
    }
    if (at.htmlContent) {
      return at;
    }
    const isComponent = language === 'mjml' && at.name.startsWith('mj-');
    if (isComponent && !MJML_NO_CLASS.has(at.name)) {
      return at;
    }
  }
  return null;
}

function markerEdit(element: SourceElement, anchor: string): Edit {
  const { open } = element;
  if (element.htmlContent) {
    return { start: open.nameEnd, end: open.nameEnd, text: ` ${FINDING_ATTRIBUTE}="${anchor}"` };
  }
  const token = `${FINDING_CLASS_PREFIX}${anchor}`;
  const cssClass = open.attributes.find((a) => a.name === 'css-class');
  if (!cssClass) {
    return { start: open.nameEnd, end: open.nameEnd, text: ` css-class="${token}"` };
  }
  if (cssClass.quote) {
    return { start: cssClass.valueEnd, end: cssClass.valueEnd, text: cssClass.value.trim() ? ` ${token}` : token };
  }
  if (cssClass.valueStart === cssClass.nameEnd) {
    return { start: cssClass.nameEnd, end: cssClass.nameEnd, text: `="${token}"` };
  }
  return { start: cssClass.valueStart, end: cssClass.valueEnd, text: `"${cssClass.value} ${token}"` };
}
