import { decodeHTML, decodeHTMLAttribute } from 'entities';
import type { RawMergeTag } from './merge-tags';

/**
 * Decodes HTML entities once, leaving merge tags exactly as written: `{{ a | default: "&amp;" }}`
 * is template code, and rules compare merge tags by their source text.
 */
export type Decoder = (text: string, start: number, inAttribute: boolean) => string;

/** `tags` must be sorted by offset; offsets are those of the file the text comes from. */
export function makeDecoder(tags: readonly RawMergeTag[]): Decoder {
  return (text, start, inAttribute) => {
    const decode = inAttribute ? decodeHTMLAttribute : decodeHTML;
    const end = start + text.length;
    let index = firstTagEndingAfter(tags, start);
    if (index >= tags.length || tags[index].start >= end) {
      return text.includes('&') ? decode(text) : text;
    }

    const parts: string[] = [];
    let cursor = start;
    for (; index < tags.length && tags[index].start < end; index++) {
      const tag = tags[index];
      const tagStart = Math.max(tag.start, start);
      const tagEnd = Math.min(tag.end, end);
      parts.push(decode(text.slice(cursor - start, tagStart - start)));
      parts.push(text.slice(tagStart - start, tagEnd - start));
      cursor = tagEnd;
    }
    parts.push(decode(text.slice(cursor - start)));
    return parts.join('');
  };
}

/** Binary search for the first tag whose end lies after `offset`. */
function firstTagEndingAfter(tags: readonly RawMergeTag[], offset: number): number {
  let low = 0;
  let high = tags.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tags[mid].end <= offset) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
