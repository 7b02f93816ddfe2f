import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceFile, type Span } from './source';
import { attribute, hasAncestor } from './tree';
import type { ElementNode, IncludeRef, ModelProblem, TemplateNode } from './types';

/**
 * Resolves `<mj-include>` the way MJML 5 does: relative to the including file, exactly as
 * written (MJML 5's parser adds no `.mjml` extension), `type="css"` read as a style sheet and
 * `type="html"` as raw HTML. Included MJML replaces the include in the tree, so a footer's links and text count
 * for the template that includes it.
 */

/** MJML components whose content is emitted as HTML; an mj-include inside them is not processed. */
const ENDING_TAGS = new Set(['mj-text', 'mj-raw', 'mj-button', 'mj-table', 'mj-navbar-link', 'mj-accordion-title', 'mj-accordion-text', 'mj-social-element']);

/** The parsed tree of an included file, as the model builder returns it. */
export interface LoadedMarkup {
  file: SourceFile;
  roots: TemplateNode[];
}

export interface IncludeContext {
  /** The template being checked: its folder bounds includes when not trusted. */
  template: SourceFile;
  workspaceRoot?: string;
  trusted: boolean;
  readFile: (absolutePath: string) => string | undefined;
  /** Parses an included file; `raw` marks `type="html"` content. */
  load: (file: SourceFile, raw: boolean) => LoadedMarkup;
  includes: IncludeRef[];
  problems: ModelProblem[];
  /** Style sheets included with `type="css"`, by the include element that read them. */
  cssIncludes: Map<ElementNode, SourceFile>;
  /** Files read so far, by absolute path, so a partial included twice is one SourceFile. */
  files: Map<string, SourceFile>;
}

/** Reads files from disk; a missing file or a folder is "not found", other errors propagate. */
export function readFileFromDisk(absolutePath: string): string | undefined {
  try {
    return fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      return undefined;
    }
    throw error;
  }
}

/** Resolves every mj-include in `markup`, recursively, splicing included content in place. */
export function resolveIncludes(context: IncludeContext, markup: LoadedMarkup, chain: readonly string[]): void {
  for (const element of findIncludes(markup.roots)) {
    resolveOne(context, markup, element, chain);
  }
}

function findIncludes(roots: readonly TemplateNode[]): ElementNode[] {
  const found: ElementNode[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as TemplateNode;
    if (node.type !== 'element') {
      continue;
    }
    if (node.name === 'mj-include') {
      found.push(node);
    }
    stack.push(...node.children);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function resolveOne(context: IncludeContext, markup: LoadedMarkup, element: ElementNode, chain: readonly string[]): void {
  const pathAttribute = element.attributes.find((candidate) => candidate.name === 'path');
  const written = pathAttribute?.decoded.trim() ?? '';
  const pathSpan: Span = pathAttribute?.valueSpan ?? element.openTagSpan;
  const ref: IncludeRef = { element, path: pathAttribute?.value ?? '', pathSpan };
  context.includes.push(ref);

  const fail = (problem: NonNullable<IncludeRef['problem']>, detail: string): void => {
    ref.problem = problem;
    ref.problemDetail = detail;
    context.problems.push({ kind: 'include', code: problem, data: { path: ref.path }, span: pathSpan });
  };

  if (hasAncestor(element.parent, ENDING_TAGS)) {
    fail('inside-ending-tag', `inside <${nearestEndingTag(element)}>, so MJML emits it as raw HTML`);
    return;
  }
  if (!written) {
    fail('not-found', 'the path attribute is empty');
    return;
  }

  const includingFolder = path.dirname(markup.file.path);
  const resolved = path.resolve(includingFolder, written);
  const boundary = context.trusted ? context.workspaceRoot : path.dirname(context.template.path);
  if (boundary !== undefined && !isInside(boundary, resolved)) {
    fail('outside-workspace', `${resolved} is outside ${boundary}`);
    return;
  }

  const type = (attribute(element, 'type') ?? 'mjml').toLowerCase();
  const candidates = [resolved];
  ref.resolvedPath = resolved;

  for (const candidate of candidates) {
    if (chain.includes(candidate)) {
      ref.resolvedPath = candidate;
      fail('cycle', [...chain, candidate].join(' → '));
      return;
    }
  }

  let text: string | undefined;
  let found: string | undefined;
  try {
    for (const candidate of candidates) {
      text = context.readFile(candidate);
      if (text !== undefined) {
        found = candidate;
        break;
      }
    }
  } catch (error) {
    fail('unreadable', error instanceof Error ? error.message : String(error));
    return;
  }
  if (text === undefined || found === undefined) {
    // Older MJML versions and other tools add `.mjml`; MJML 5 does not, and sends the email without the partial.
    if (type === 'mjml' && path.extname(resolved) === '' && safeRead(context, `${resolved}.mjml`) !== undefined) {
      fail('missing-extension', `${resolved}.mjml exists, but MJML 5 reads ${resolved} exactly as written`);
      return;
    }
    fail('not-found', `no file at ${resolved}`);
    return;
  }

  ref.resolvedPath = found;
  let file = context.files.get(found);
  if (!file) {
    file = new SourceFile(found, text);
    context.files.set(found, file);
  }
  ref.included = file;

  if (type === 'css') {
    context.cssIncludes.set(element, file);
    return;
  }

  const included = context.load(file, type === 'html');
  if (type !== 'html') {
    resolveIncludes(context, included, [...chain, found]);
  }
  splice(markup, element, type === 'html' ? included.roots : unwrapDocument(included.roots));
}

function nearestEndingTag(element: ElementNode): string {
  for (let current = element.parent; current; current = current.parent) {
    if (ENDING_TAGS.has(current.name)) {
      return current.name;
    }
  }
  return 'mj-text';
}

/** Unwraps an included file's `<mjml><mj-body>` wrapper, keeping its contents, as MJML does. */
function unwrapDocument(nodes: readonly TemplateNode[]): TemplateNode[] {
  const result: TemplateNode[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && (node.name === 'mjml' || node.name === 'mj-body' || node.name === 'mj-head')) {
      result.push(...unwrapDocument(node.children));
    } else {
      result.push(node);
    }
  }
  return result;
}

/** Replaces the include element with the included nodes, which adopt its parent. */
function splice(markup: LoadedMarkup, element: ElementNode, nodes: TemplateNode[]): void {
  const siblings = element.parent ? element.parent.children : markup.roots;
  const index = siblings.indexOf(element);
  if (index === -1) {
    return;
  }
  for (const node of nodes) {
    node.parent = element.parent;
  }
  siblings.splice(index, 1, ...nodes);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function safeRead(context: IncludeContext, file: string): string | undefined {
  try {
    return context.readFile(file);
  } catch {
    return undefined;
  }
}
