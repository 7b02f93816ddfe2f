import type { Fix } from '../../engine/rule';
import type { Category, TemplateModel } from '../../model/types';

/**
 * The quick fix that declares an inferred category: a new directive at the top of the file, or
 * a `category:` line added to the directive the template already has. Returns undefined when
 * the directive has a `category` key with an invalid value, because `invalid-directive` reports
 * that value and overwriting it would hide what the author meant.
 */
export function declareCategoryFix(model: TemplateModel, category: Category): Fix | undefined {
  const title = `Declare category: ${category}`;
  const directive = model.directive;
  if (!directive) {
    return { title, edits: [{ span: { file: model.file, start: 0, end: 0 }, newText: `<!-- presend\ncategory: ${category}\n-->\n` }] };
  }

  const { file } = directive.span;
  const comment = file.text.slice(directive.span.start, directive.span.end);
  const word = comment.indexOf('presend');
  if (word === -1 || /(^|\s)category\s*:/.test(comment.slice(word + 'presend'.length))) {
    return undefined;
  }

  // The new line replaces the whitespace after `presend`. It takes the indentation of the key
  // that follows, so YAML reads both keys at one level.
  const gapStart = directive.span.start + word + 'presend'.length;
  const gap = /^\s*/.exec(file.text.slice(gapStart, directive.span.end))?.[0] ?? '';
  const lastBreak = gap.lastIndexOf('\n');
  const indent = lastBreak === -1 ? '' : gap.slice(lastBreak + 1);
  const closesNext = file.text.startsWith('-->', gapStart + gap.length);
  const newText = closesNext ? `\n${indent}category: ${category}\n` : `\n${indent}category: ${category}\n${indent}`;
  return { title, edits: [{ span: { file, start: gapStart, end: gapStart + gap.length }, newText }] };
}
