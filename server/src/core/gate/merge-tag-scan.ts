import { ALL_MERGE_TAG_SYNTAXES, scanMergeTags } from '../model/merge-tags';
import type { MergeTagSyntax } from '../model/types';

/**
 * Merge tags left in the compiled HTML. The ESP fills the tags of its own syntax at send time,
 * so those are expected and only listed. Two kinds go out as literal text: a tag opened
 * and never closed (`{{ first_name` without `}}`), and a well-formed tag in a syntax the
 * project did not enable, which its ESP does not know.
 */

export interface MergeTagScan {
  /** Distinct field names of the tags in enabled syntaxes, in order of first appearance. */
  fields: string[];
  /** Number of tags in enabled syntaxes. */
  count: number;
  /** Tags in syntaxes the config does not enable, as written. */
  foreign: string[];
  /** Openers (`{{`, `{%`, `*|`, `<%`) that start no complete tag, with their 1-based line. */
  malformed: { text: string; line: number }[];
}

const OPENERS = /\{\{|\{%|\*\||<%/g;
/** How much of a malformed tag a message quotes. */
const QUOTE_LENGTH = 24;

export function scanCompiledMergeTags(html: string, enabled: readonly MergeTagSyntax[]): MergeTagScan {
  const tags = scanMergeTags(html, ALL_MERGE_TAG_SYNTAXES);
  const enabledSet = new Set(enabled);
  const own = tags.filter((tag) => enabledSet.has(tag.syntax));
  const fields = [...new Set(own.filter((tag) => tag.kind === 'output' && tag.field !== null).map((tag) => tag.field as string))];
  const foreign = [...new Set(tags.filter((tag) => !enabledSet.has(tag.syntax)).map((tag) => tag.raw))];

  // Tags are in text order, so one pointer walks them alongside the openers.
  const malformed: MergeTagScan['malformed'] = [];
  let next = 0;
  for (const opener of html.matchAll(OPENERS)) {
    const at = opener.index ?? 0;
    while (next < tags.length && tags[next].end <= at) next++;
    if (next < tags.length && tags[next].start <= at) {
      continue;
    }
    malformed.push({ text: quote(html, at), line: lineAt(html, at) });
  }
  return { fields, count: own.length, foreign, malformed };
}

function quote(html: string, at: number): string {
  const text = html.slice(at, at + QUOTE_LENGTH).split(/[\r\n]/)[0];
  return at + QUOTE_LENGTH < html.length && text.length === QUOTE_LENGTH ? `${text}…` : text;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
  }
  return line;
}
