import { NON_CONTENT, isVisible, textContent, type Extraction } from './text';
import { attribute, collapseWhitespace, walk } from './tree';
import type { ElementNode, Heading, Image, Link, TemplateNode, TextRun } from './types';

/** Text runs, links, images and headings, read from the finished tree in document order. */

export interface Content {
  textRuns: TextRun[];
  links: Link[];
  images: Image[];
  headings: Heading[];
}

const LINK_KINDS: Record<string, Link['kind']> = {
  a: 'a',
  area: 'area',
  'mj-button': 'mj-button',
  'mj-social-element': 'mj-social-element',
  'mj-navbar-link': 'mj-navbar-link',
};

const IMAGE_ELEMENTS = new Set(['img', 'mj-image']);

/**
 * `document` is the element given to text outside every element (a fragment that is just
 * `Hello {{name}}`). It is not part of the tree.
 */
export function extractContent(roots: readonly TemplateNode[], document: ElementNode, extraction: Extraction): Content {
  const content: Content = { textRuns: [], links: [], images: [], headings: [] };

  walk(roots, (node) => {
    if (node.type === 'text') {
      const run = toTextRun(node, document, extraction);
      if (run) {
        content.textRuns.push(run);
      }
      return;
    }
    if (node.type !== 'element') {
      return;
    }
    if (NON_CONTENT.has(node.name)) {
      return false;
    }

    const kind = LINK_KINDS[node.name];
    if (kind && (kind === 'a' || kind === 'area' || attribute(node, 'href') !== undefined)) {
      content.links.push(toLink(node, kind, extraction));
    }
    if (IMAGE_ELEMENTS.has(node.name)) {
      content.images.push(toImage(node, extraction));
    }
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) {
      content.headings.push({ level: Number(heading[1]), text: textContent(node, extraction, (element) => isVisible(element, extraction)), element: node, span: node.span });
    }
  });
  return content;
}

function toTextRun(node: Extract<TemplateNode, { type: 'text' }>, document: ElementNode, extraction: Extraction): TextRun | undefined {
  const text = collapseWhitespace(extraction.decodedText(node));
  if (!text) {
    return undefined;
  }
  const element = node.parent ?? document;
  const run: TextRun = { text, raw: node.raw, span: node.span, element, style: element.style };
  const hidden = extraction.hidden.get(element);
  if (hidden) {
    run.hidden = hidden;
  }
  return run;
}

function toLink(element: ElementNode, kind: Link['kind'], extraction: Extraction): Link {
  const href = element.attributes.find((candidate) => candidate.name === 'href');
  const visible = (candidate: ElementNode): boolean => isVisible(candidate, extraction);
  const images = collectImages(element);
  let text = kind === 'area' ? '' : textContent(element, extraction, visible);
  let imageAlts = images.map((image) => attribute(image, 'alt') ?? '');

  // A social element draws its network's icon; without a label it is an image link.
  if (kind === 'mj-social-element' && images.length === 0) {
    imageAlts = [attribute(element, 'alt') ?? ''];
  }
  if (kind === 'area') {
    imageAlts = [attribute(element, 'alt') ?? ''];
    text = '';
  }

  const link: Link = {
    element,
    href: href?.value ?? '',
    decodedHref: href?.decoded ?? '',
    hrefSpan: href?.valueSpan ?? element.openTagSpan,
    text,
    imageAlts,
    imageOnly: text === '' && imageAlts.length > 0,
    span: element.span,
    style: element.style,
    kind,
  };
  const hidden = extraction.hidden.get(element);
  if (hidden) {
    link.hidden = hidden;
  }
  return link;
}

function collectImages(element: ElementNode): ElementNode[] {
  const images: ElementNode[] = [];
  walk(element.children, (node) => {
    if (node.type === 'element' && IMAGE_ELEMENTS.has(node.name)) {
      images.push(node);
    }
  });
  return images;
}

function toImage(element: ElementNode, extraction: Extraction): Image {
  const src = element.attributes.find((candidate) => candidate.name === 'src');
  const image: Image = {
    element,
    src: src?.decoded ?? '',
    srcSpan: src?.valueSpan ?? element.openTagSpan,
    span: element.span,
    style: element.style,
  };
  for (const name of ['alt', 'title', 'width', 'height'] as const) {
    const value = attribute(element, name);
    if (value !== undefined) {
      image[name] = value;
    }
  }
  const hidden = extraction.hidden.get(element);
  if (hidden) {
    image.hidden = hidden;
  }
  return image;
}
