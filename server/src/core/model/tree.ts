import type { Span } from './source';
import type { Attribute, ElementNode, TemplateNode } from './types';

/** Small helpers over the template tree. */

export function attribute(element: ElementNode, name: string): string | undefined {
  return element.attributes.find((candidate) => candidate.name === name)?.decoded;
}

export function hasAttribute(element: ElementNode, name: string): boolean {
  return element.attributes.some((candidate) => candidate.name === name);
}

/** Visits every node in document order; return false from `enter` to skip an element's children. */
export function walk(nodes: readonly TemplateNode[], enter: (node: TemplateNode) => boolean | void): void {
  // An explicit stack: generated or minified templates nest deeper than the call stack allows.
  const stack: TemplateNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as TemplateNode;
    const descend = enter(node);
    if (node.type === 'element' && descend !== false) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push(node.children[i]);
      }
    }
  }
}

export function hasAncestor(element: ElementNode | null, names: ReadonlySet<string>): boolean {
  for (let current = element; current; current = current.parent) {
    if (names.has(current.name)) {
      return true;
    }
  }
  return false;
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Returns `span` without leading and trailing whitespace, or unchanged when it is all blank. */
export function trimSpan(span: Span): Span {
  const text = span.file.text;
  let start = span.start;
  let end = span.end;
  while (start < end && /\s/.test(text[start])) {
    start++;
  }
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return start === end ? span : { file: span.file, start, end };
}

/** Visits every non-empty attribute of every element, in document order. */
export function forEachFilledAttribute(nodes: readonly TemplateNode[], visit: (attribute: Attribute, element: ElementNode) => void): void {
  walk(nodes, (node) => {
    if (node.type !== 'element') {
      return;
    }
    for (const item of node.attributes) {
      if (item.value.trim() !== '') {
        visit(item, node);
      }
    }
  });
}
