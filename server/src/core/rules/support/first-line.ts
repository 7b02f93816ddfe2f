import type { Span } from '../../model/source';
import type { TemplateModel } from '../../model/types';

/**
 * The span findings about something absent are reported on: the template's first non-empty
 * line, where the `<!-- presend … -->` directive usually is, so the finding sits next to the
 * category that caused it.
 */
export function firstLineSpan(model: TemplateModel): Span {
  const { file } = model;
  for (let line = 0; line < file.lineCount; line++) {
    const text = file.lineText(line);
    const indent = text.length - text.trimStart().length;
    if (text.trim().length > 0) {
      const start = file.offsetAt({ line, character: indent });
      return { file, start, end: start + text.trim().length };
    }
  }
  return { file, start: 0, end: 0 };
}
