import { innerSpan, textContent, type Extraction } from './text';
import { attribute, walk } from './tree';
import type { Directive, ElementNode, Preheader, SubjectLine, TemplateNode } from './types';

/**
 * Subject and preheader, from the first place that declares them: the directive, then MJML's
 * head elements, then the HTML conventions (`<title>`, a hidden `.preheader` element).
 */

export function findSubject(roots: readonly TemplateNode[], directive: Directive | null, extraction: Extraction): SubjectLine | null {
  const span = directive?.valueSpans.subject;
  if (directive?.subject !== undefined && span) {
    return { text: directive.subject, source: 'directive', span };
  }
  for (const name of ['mj-title', 'title'] as const) {
    // An empty `<title></title>`, common in starter templates, declares no subject.
    const element = firstElement(roots, (candidate) => candidate.name === name && textContent(candidate, extraction, () => true) !== '');
    if (element) {
      return { text: textContent(element, extraction, () => true), source: name, span: innerSpan(element, extraction) };
    }
  }
  return null;
}

export function findPreheader(roots: readonly TemplateNode[], directive: Directive | null, extraction: Extraction): Preheader | null {
  const span = directive?.valueSpans.preheader;
  if (directive?.preheader !== undefined && span) {
    return { text: directive.preheader, source: 'directive', span };
  }

  const preview = firstElement(roots, (candidate) => candidate.name === 'mj-preview');
  if (preview) {
    return { text: textContent(preview, extraction, () => true), source: 'mj-preview', span: innerSpan(preview, extraction) };
  }

  // The HTML convention: a hidden element early in the body, named by its class.
  const hiddenPreheader = firstElement(roots, (candidate) => isPreheaderClass(candidate) && extraction.hidden.get(candidate) !== undefined && textContent(candidate, extraction, () => true) !== '');
  if (hiddenPreheader) {
    return { text: textContent(hiddenPreheader, extraction, () => true), source: 'preheader-class', span: innerSpan(hiddenPreheader, extraction) };
  }
  return null;
}

function isPreheaderClass(element: ElementNode): boolean {
  const classes = `${attribute(element, 'class') ?? ''} ${attribute(element, 'css-class') ?? ''}`.toLowerCase();
  return classes.includes('preheader') || classes.includes('preview-text');
}

function firstElement(roots: readonly TemplateNode[], predicate: (element: ElementNode) => boolean): ElementNode | undefined {
  let found: ElementNode | undefined;
  walk(roots, (node) => {
    if (found) {
      return false;
    }
    if (node.type === 'element' && predicate(node)) {
      found = node;
      return false;
    }
    return;
  });
  return found;
}
