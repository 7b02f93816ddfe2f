import { buildModel, type BuildOptions } from '../../../server/src/core/model/build';
import { SourceFile, type Span } from '../../../server/src/core/model/source';
import type { TemplateModel } from '../../../server/src/core/model/types';

/** Builds a model from inline markup; the file name sets the language. */
export function modelOf(text: string, name = 'template.mjml', options: BuildOptions = {}): TemplateModel {
  return buildModel(new SourceFile(`/virtual/${name}`, text), { readFile: () => undefined, ...options });
}

/** Returns the source text a span covers. */
export function textAt(span: Span): string {
  return span.file.text.slice(span.start, span.end);
}

/** Returns a span's offsets as `[start, end]`. */
export function offsets(span: Span): [number, number] {
  return [span.start, span.end];
}

/** Formats a span as `line:character-line:character`, zero-based, in UTF-16 columns. */
export function lineColumns(span: Span): string {
  const start = span.file.positionAt(span.start);
  const end = span.file.positionAt(span.end);
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Wraps body content (and optional head content) in an MJML document with one column. */
export function mjmlBody(content: string, head = ''): string {
  return `<mjml><mj-head>${head}</mj-head><mj-body><mj-section><mj-column>${content}</mj-column></mj-section></mj-body></mjml>`;
}
