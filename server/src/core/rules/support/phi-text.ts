import type { Span } from '../../model/source';
import type { ElementNode, TemplateModel, TextRun } from '../../model/types';
import { maskTagText, tagsWithin } from './phi-tags';

/**
 * Maps a match in decoded text back to the source. `text` was derived from the source slice of
 * `span` (entities decoded, whitespace collapsed, YAML quotes removed), so the match is searched
 * in the source as written: the same occurrence of the same characters. When entities or
 * collapsed whitespace make it unfindable, the whole span is returned: still the right place,
 * only less precise.
 */
export function locateInSource(span: Span, text: string, start: number, end: number): Span {
  const source = span.file.text.slice(span.start, span.end);
  if (source === text) {
    return { file: span.file, start: span.start + start, end: span.start + end };
  }

  const value = text.slice(start, end);
  let occurrence = 0;
  for (let at = text.indexOf(value); at >= 0 && at < start; at = text.indexOf(value, at + 1)) {
    occurrence++;
  }
  let found = -1;
  for (let index = 0, from = 0; index <= occurrence; index++) {
    found = source.indexOf(value, from);
    if (found < 0) {
      break;
    }
    from = found + 1;
  }
  return found >= 0 && value !== '' ? { file: span.file, start: span.start + found, end: span.start + found + value.length } : span;
}

/** Elements whose text flows on the same line as the text around them. */
const INLINE = new Set(['a', 'span', 'b', 'strong', 'i', 'em', 'u', 'font', 'small', 'big', 'sup', 'sub', 'abbr', 'code', 'mark', 's', 'strike', 'label', 'tt', 'cite', 'q', 'time']);

interface Segment {
  start: number;
  end: number;
  run: TextRun;
}

/**
 * Text runs joined into one string, so the detectors' context windows see a label in one cell
 * and the value in the next: runs in the same block are joined with a space, blocks with a line
 * break. Merge tags are blanked out, so a field name is never read as copy.
 */
export class RunDocument {
  readonly text: string;
  private readonly segments: Segment[];

  constructor(model: TemplateModel, runs: readonly TextRun[]) {
    const parts: string[] = [];
    this.segments = [];
    let length = 0;
    let previousBlock: ElementNode | undefined;

    for (const run of runs) {
      const block = blockOf(run.element);
      if (parts.length > 0) {
        const separator = block === previousBlock ? ' ' : '\n';
        parts.push(separator);
        length += separator.length;
      }
      const text = maskTagText(run.text, tagsWithin(model, run.span));
      this.segments.push({ start: length, end: length + text.length, run });
      parts.push(text);
      length += text.length;
      previousBlock = block;
    }
    this.text = parts.join('');
  }

  /** Returns the source span of `text[start, end)`. A match across runs covers them all when they share a file. */
  spanOf(start: number, end: number): Span | undefined {
    const first = this.segmentAt(start);
    const last = this.segmentAt(Math.max(start, end - 1));
    if (first === undefined || last === undefined) {
      return undefined;
    }
    if (first === last) {
      return locateInSource(first.run.span, first.run.text, start - first.start, end - first.start);
    }
    const file = first.run.span.file;
    return last.run.span.file === file ? { file, start: first.run.span.start, end: last.run.span.end } : first.run.span;
  }

  private segmentAt(offset: number): Segment | undefined {
    let low = 0;
    let high = this.segments.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const segment = this.segments[mid];
      if (offset < segment.start) {
        high = mid - 1;
      } else if (offset >= segment.end) {
        low = mid + 1;
      } else {
        return segment;
      }
    }
    return undefined;
  }
}

const visibleDocuments = new WeakMap<TemplateModel, RunDocument>();

/** The visible text runs as one document, built once per model: three PHI rules read it. */
export function visibleRunDocument(model: TemplateModel): RunDocument {
  let document = visibleDocuments.get(model);
  if (!document) {
    document = new RunDocument(model, model.textRuns.filter((run) => run.hidden === undefined));
    visibleDocuments.set(model, document);
  }
  return document;
}

function blockOf(element: ElementNode): ElementNode {
  let current = element;
  while (INLINE.has(current.name) && current.parent) {
    current = current.parent;
  }
  return current;
}

/** Returns true when `inner` lies inside `outer` in the same file. */
export function spanWithin(inner: Span, outer: Span | undefined): boolean {
  return outer !== undefined && inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}
