import { NON_CONTENT, isVisible, textContent, type Extraction } from './text';
import { walk } from './tree';
import type { ContentBlock, ElementNode, HiddenReason, TemplateNode } from './types';

/**
 * Content blocks for the transactional/marketing classifier, in reading order: one per
 * paragraph-like element that contains text. An element that contains other such elements is
 * split into them, so an `mj-text` with three `<p>` gives three blocks. Text outside those
 * inner elements becomes a block of its own, so no copy is lost.
 */

const BLOCK_KINDS: Record<string, ContentBlock['kind']> = {
  'mj-text': 'paragraph',
  'mj-button': 'button',
  'mj-accordion-text': 'paragraph',
  'mj-accordion-title': 'heading',
  p: 'paragraph',
  div: 'paragraph',
  blockquote: 'paragraph',
  li: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
};

/** Blocks that are never split, whatever they contain. */
const ATOMIC_KINDS = new Set<ContentBlock['kind']>(['button', 'heading']);

/** MJML's sections, including those inside an `mj-wrapper`; HTML has no reliable equivalent. */
const SECTION_ELEMENTS = new Set(['mj-section', 'mj-hero']);

export function extractBlocks(roots: readonly TemplateNode[], extraction: Extraction): ContentBlock[] {
  const containsBlock = markContainers(roots);
  const sections = numberSections(roots);
  const blocks: ContentBlock[] = [];

  walk(roots, (node) => {
    if (node.type !== 'element') {
      return;
    }
    if (NON_CONTENT.has(node.name)) {
      return false;
    }
    const kind = BLOCK_KINDS[node.name];
    if (!kind) {
      return;
    }

    const hidden = extraction.hidden.get(node);
    const include = (element: ElementNode): boolean => hidden !== undefined || isVisible(element, extraction);
    if (ATOMIC_KINDS.has(kind) || !containsBlock.has(node)) {
      push(blocks, node, kind, textContent(node, extraction, include), hidden, sections);
      return false;
    }

    // A container: its loose text is a block, its inner blocks come next in the walk.
    const loose = textContent(node, extraction, (element) => include(element) && !BLOCK_KINDS[element.name] && !containsBlock.has(element));
    push(blocks, node, kind, loose, hidden, sections);
    return;
  });
  return blocks;
}

function push(blocks: ContentBlock[], element: ElementNode, kind: ContentBlock['kind'], text: string, hidden: HiddenReason | undefined, sections: Map<ElementNode, number>): void {
  if (!text) {
    return;
  }
  const block: ContentBlock = { kind, text, element, span: element.span, index: blocks.length };
  if (hidden) {
    block.hidden = hidden;
  }
  const section = sectionOf(element, sections);
  if (section !== undefined) {
    block.sectionIndex = section;
  }
  blocks.push(block);
}

/** Elements that have a block-kind element somewhere below them. */
function markContainers(roots: readonly TemplateNode[]): Set<ElementNode> {
  const containers = new Set<ElementNode>();
  walk(roots, (node) => {
    if (node.type !== 'element' || !BLOCK_KINDS[node.name]) {
      return;
    }
    for (let ancestor = node.parent; ancestor && !containers.has(ancestor); ancestor = ancestor.parent) {
      containers.add(ancestor);
    }
  });
  return containers;
}

function numberSections(roots: readonly TemplateNode[]): Map<ElementNode, number> {
  const sections = new Map<ElementNode, number>();
  walk(roots, (node) => {
    if (node.type === 'element' && SECTION_ELEMENTS.has(node.name)) {
      sections.set(node, sections.size);
    }
  });
  return sections;
}

function sectionOf(element: ElementNode, sections: Map<ElementNode, number>): number | undefined {
  for (let current: ElementNode | null = element; current; current = current.parent) {
    if (SECTION_ELEMENTS.has(current.name)) {
      return sections.get(current);
    }
  }
  return undefined;
}
