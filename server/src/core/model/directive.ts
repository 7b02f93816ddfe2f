import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from './source';
import { DIRECTIVE_KEYS, type CommentNode, type Directive, type DirectiveKey, type ModelProblem } from './types';

/**
 * The `<!-- presend … -->` directive: YAML after the word `presend`, declaring what the template
 * is (category, subject, sender …). Only the template's first such comment counts.
 */

/** Accepted values per key, as shown to the user in `invalid-value` reports. */
const ENUMS: Partial<Record<DirectiveKey, readonly string[]>> = {
  category: ['transactional', 'marketing', 'fundraising'],
  authorization: ['documented'],
  purpose: ['refill-reminder', 'treatment', 'own-services'],
  consent: ['affirmative'],
};

const FREE_TEXT_DESCRIPTION: Partial<Record<DirectiveKey, string>> = {
  subject: 'a line of text',
  preheader: 'a line of text',
  from: 'an email address, optionally as Name <address>',
  list: 'a list name',
  suppression: 'a path or a list of paths',
  previewData: 'a path to a JSON or CSV file',
};

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/;

/** True for a comment that is a directive: body `presend` then whitespace or nothing. */
export function isDirectiveComment(comment: CommentNode): boolean {
  return /^\s*presend(?:\s|$)/.test(comment.body);
}

export interface DirectiveResult {
  directive: Directive | null;
  problems: ModelProblem[];
}

/** Reads the first directive among `comments` and reports every later one as a duplicate. */
export function readDirective(comments: readonly CommentNode[]): DirectiveResult {
  const problems: ModelProblem[] = [];
  let directive: Directive | null = null;
  for (const comment of comments) {
    if (!isDirectiveComment(comment)) {
      continue;
    }
    if (directive) {
      problems.push({ kind: 'directive', code: 'duplicate-directive', data: {}, span: comment.span });
      continue;
    }
    directive = parseDirective(comment, problems);
  }
  return { directive, problems };
}

function parseDirective(comment: CommentNode, problems: ModelProblem[]): Directive {
  const file = comment.bodySpan.file;
  const directive: Directive = { span: comment.span, valueSpans: {} };
  const yaml = extractYaml(comment);
  const bodyEnd = comment.bodySpan.end;
  const toSpan = (start: number, end: number): Span => {
    const from = Math.min(yaml.toOffset(start), bodyEnd);
    const to = Math.min(Math.max(from, yaml.toOffset(end)), bodyEnd);

    // YAML reports some errors at the end of input, which is the comment's closing `-->`.
    return from === to && from === bodyEnd ? comment.span : { file, start: from, end: to };
  };

  const document = parseDocument(yaml.text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const reason = error.message.split('\n')[0];
      problems.push({ kind: 'directive', code: 'invalid-yaml', data: { reason }, span: toSpan(error.pos[0], error.pos[1]) });
    }
    return directive;
  }

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return directive;
  }
  if (!isMap(contents)) {
    const range = (contents as YamlNode).range ?? [0, yaml.text.length];
    problems.push({ kind: 'directive', code: 'invalid-yaml', data: { reason: 'expected `key: value` lines after `presend`' }, span: toSpan(range[0], range[1]) });
    return directive;
  }

  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const keyRange = keyNode?.range ?? [0, 0];
    if (!(DIRECTIVE_KEYS as readonly string[]).includes(key)) {
      problems.push({ kind: 'directive', code: 'unknown-key', data: { key, accepted: DIRECTIVE_KEYS.join(', ') }, span: toSpan(keyRange[0], keyRange[1]) });
      continue;
    }
    const directiveKey = key as DirectiveKey;
    const valueNode = pair.value as YamlNode | null;
    const valueRange = valueNode?.range ?? [keyRange[1], keyRange[1]];
    const valueSpan = trimQuotes(toSpan(valueRange[0], valueRange[1]));
    const value = readValue(valueNode);
    const accepted = ENUMS[directiveKey]?.join(', ') ?? FREE_TEXT_DESCRIPTION[directiveKey] ?? '';

    if (value === undefined || !isAcceptable(directiveKey, value)) {
      problems.push({ kind: 'directive', code: 'invalid-value', data: { key, value: value ?? sourceOf(valueSpan), accepted }, span: valueSpan });
      continue;
    }
    directive.valueSpans[directiveKey] = valueSpan;
    assign(directive, directiveKey, value);
  }
  return directive;
}

/**
 * Extracts the YAML text after `presend`, with a map back to file offsets. When the first key
 * shares a line with `presend` and later keys are on their own lines, the first line is
 * re-indented to match the others, because YAML would otherwise read two indentation levels.
 */
function extractYaml(comment: CommentNode): { text: string; toOffset: (yamlOffset: number) => number } {
  const body = comment.body;
  const bodyStart = comment.bodySpan.start;
  const afterWord = body.indexOf('presend') + 'presend'.length;
  const firstBreak = body.indexOf('\n', afterWord);
  const firstLine = firstBreak === -1 ? body.slice(afterWord) : body.slice(afterWord, firstBreak);
  const rest = firstBreak === -1 ? '' : body.slice(firstBreak);
  const firstContent = firstLine.trimStart();
  const firstContentStart = bodyStart + afterWord + (firstLine.length - firstContent.length);

  const restLines = rest.split('\n').filter((line) => line.trim().length > 0);
  const indent = firstContent.trim().length > 0 && restLines.length > 0 ? Math.min(...restLines.map((line) => line.length - line.trimStart().length)) : 0;
  const head = ' '.repeat(indent) + firstContent;
  const restStart = firstBreak === -1 ? bodyStart + body.length : bodyStart + firstBreak;

  return {
    text: head + rest,
    toOffset: (offset) => (offset < head.length ? firstContentStart + Math.max(0, offset - indent) : restStart + (offset - head.length)),
  };
}

function readValue(node: YamlNode | null): string | undefined {
  if (isScalar(node)) {
    if (node.value === null || typeof node.value === 'object') {
      return undefined;
    }
    return String(node.value).trim();
  }

  // `suppression` may list several files.
  if (isSeq(node) && node.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
    return node.items.map((item) => String((item as { value: unknown }).value)).join(', ');
  }
  return undefined;
}

function isAcceptable(key: DirectiveKey, value: string): boolean {
  const allowed = ENUMS[key];
  if (allowed) {
    return allowed.includes(value);
  }
  if (value.length === 0) {
    return false;
  }
  if (key === 'from') {
    const angle = /<([^<>]+)>\s*$/.exec(value);
    return ADDRESS.test(angle ? angle[1].trim() : value);
  }
  return true;
}

function assign(directive: Directive, key: DirectiveKey, value: string): void {
  // Values were checked against ENUMS above, so the narrow types hold.
  (directive as unknown as Record<string, string>)[key] = value;
}

function trimQuotes(span: Span): Span {
  const text = span.file.text;
  const first = text[span.start];
  if (span.end - span.start >= 2 && (first === '"' || first === "'") && text[span.end - 1] === first) {
    return { file: span.file, start: span.start + 1, end: span.end - 1 };
  }
  return span;
}

function sourceOf(span: Span): string {
  return span.file.text.slice(span.start, span.end);
}
