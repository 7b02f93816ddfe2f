import type { ContentEnds } from './markup';
import type { Span } from './source';
import { collapseWhitespace, trimSpan } from './tree';
import type { ElementNode, HiddenReason, TemplateNode, TextNode } from './types';

/** State shared by the extractors once the tree is built and styled. */
export interface Extraction {
  hidden: ReadonlyMap<ElementNode, HiddenReason | undefined>;
  /** A text node's text with entities decoded once, merge tags as written. */
  decodedText: (node: TextNode) => string;
  contentEnd: ContentEnds;
}

/** Elements whose text a reader never sees as body copy: metadata, CSS, scripts. */
export const NON_CONTENT = new Set([
  'head', 'title', 'style', 'script', 'noscript', 'template', 'xml',
  'mj-head', 'mj-title', 'mj-preview', 'mj-style', 'mj-attributes', 'mj-html-attributes', 'mj-breakpoint', 'mj-font',
]);

/** Elements that start a new line, so their text does not run into the neighbour's. */
const BLOCK_LEVEL = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'section', 'article', 'header', 'footer', 'hr', 'center', 'pre', 'dd', 'dt', 'dl', 'address',
]);

/**
 * Returns the text inside `element`, collapsed, with merge tags as written. `include` decides
 * which descendant elements contribute (for example only visible ones).
 */
export function textContent(element: ElementNode, extraction: Extraction, include: (element: ElementNode) => boolean): string {
  const pieces: string[] = [];
  const stack: Array<TemplateNode | 'gap'> = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as TemplateNode | 'gap';
    if (node === 'gap') {
      pieces.push(' ');
      continue;
    }
    if (node.type === 'text') {
      pieces.push(extraction.decodedText(node));
      continue;
    }
    if (node.type !== 'element' || NON_CONTENT.has(node.name) || !include(node)) {
      continue;
    }
    const separate = BLOCK_LEVEL.has(node.name) || node.name.startsWith('mj-');
    if (separate) {
      pieces.push(' ');
      stack.push('gap');
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]);
    }
  }
  return collapseWhitespace(pieces.join(''));
}

/** Between the start tag and the end tag, without surrounding whitespace. */
export function innerSpan(element: ElementNode, extraction: Extraction): Span {
  const end = extraction.contentEnd.get(element) ?? element.span.end;
  return trimSpan({ file: element.span.file, start: element.openTagSpan.end, end: Math.max(end, element.openTagSpan.end) });
}

export function isVisible(element: ElementNode, extraction: Extraction): boolean {
  return extraction.hidden.get(element) === undefined;
}
