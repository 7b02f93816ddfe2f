import type { RawMergeTag } from './merge-tags';
import { toMergeTag } from './merge-tags';
import type { SourceFile } from './source';
import { walk } from './tree';
import type { ElementNode, MergeTag, TemplateNode } from './types';

/**
 * Places each file's merge tags in the finished tree: inside a comment, an attribute (with its
 * element and attribute name), `mj-raw` content, or text.
 */

interface Interval {
  start: number;
  end: number;
  element?: ElementNode;
  attribute?: string;
}

interface FileIntervals {
  comments: Interval[];
  attributes: Interval[];
  openTags: Interval[];
  raw: Interval[];
}

/**
 * `rawFiles` are files included with `type="html"`, which MJML emits as raw HTML throughout.
 * Tags are returned file by file, in the order of `files`, each file's in source order.
 */
export function placeMergeTags(roots: readonly TemplateNode[], files: readonly SourceFile[], tagsByFile: ReadonlyMap<SourceFile, RawMergeTag[]>, rawFiles: ReadonlySet<SourceFile>): MergeTag[] {
  const intervals = collectIntervals(roots);
  const placed: MergeTag[] = [];

  for (const file of files) {
    const tags = tagsByFile.get(file) ?? [];
    const own = intervals.get(file) ?? { comments: [], attributes: [], openTags: [], raw: [] };
    for (const raw of tags) {
      const tag = toMergeTag(raw, { file, start: raw.start, end: raw.end });
      const attribute = containing(own.attributes, raw.start) ?? containing(own.openTags, raw.start);
      if (containing(own.comments, raw.start)) {
        tag.context = 'comment';
      } else if (attribute) {
        tag.context = 'attribute';
        tag.element = attribute.element;
        if (attribute.attribute !== undefined) {
          tag.attribute = attribute.attribute;
        }
      } else if (rawFiles.has(file) || own.raw.some((range) => range.start <= raw.start && raw.start < range.end)) {
        tag.context = 'raw';
      }
      placed.push(tag);
    }
  }
  return placed;
}

function collectIntervals(roots: readonly TemplateNode[]): Map<SourceFile, FileIntervals> {
  const byFile = new Map<SourceFile, FileIntervals>();
  const of = (file: SourceFile): FileIntervals => {
    let intervals = byFile.get(file);
    if (!intervals) {
      intervals = { comments: [], attributes: [], openTags: [], raw: [] };
      byFile.set(file, intervals);
    }
    return intervals;
  };

  walk(roots, (node) => {
    if (node.type === 'comment') {
      of(node.span.file).comments.push({ start: node.span.start, end: node.span.end });
      return;
    }
    if (node.type !== 'element') {
      return;
    }
    const intervals = of(node.span.file);
    intervals.openTags.push({ start: node.openTagSpan.start, end: node.openTagSpan.end, element: node });
    for (const attribute of node.attributes) {
      // A valueless attribute has an empty value span, which no tag can start in.
      intervals.attributes.push({ start: attribute.valueSpan.start, end: attribute.valueSpan.end, element: node, attribute: attribute.name });
    }
    if (node.name === 'mj-raw') {
      intervals.raw.push({ start: node.openTagSpan.end, end: node.span.end });
    }
  });

  for (const intervals of byFile.values()) {
    for (const list of [intervals.comments, intervals.attributes, intervals.openTags]) {
      list.sort((a, b) => a.start - b.start);
    }
  }
  return byFile;
}

/** Binary search in non-overlapping intervals sorted by start. */
function containing(intervals: readonly Interval[], offset: number): Interval | undefined {
  let low = 0;
  let high = intervals.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (intervals[mid].start <= offset) {
      candidate = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (candidate === -1) {
    return undefined;
  }
  const interval = intervals[candidate];
  return offset < interval.end ? interval : undefined;
}
