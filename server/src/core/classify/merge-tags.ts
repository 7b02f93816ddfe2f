/**
 * Finds merge tags in block text so the matcher can skip them while keeping offsets. The
 * classifier receives text only, so it recognises the delimiters itself instead of reading the
 * model's merge-tag list.
 */

export interface MergeTagRange {
  start: number;
  end: number;
  /**
   * Quoted string literals inside the tag, as offset pairs without the quotes. Templates that
   * translate their text write it this way (`{{ "Reset your password"|xlt }}`,
   * `<%= link_to 'Confirm my account', url %>`), and the reader sees those words.
   */
  literals: Array<[number, number]>;
}

/** Delimiter pairs, longest opener first so `{{{` wins over `{{`. */
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  ['{{{', '}}}'],
  ['{{', '}}'],
  ['{%', '%}'],
  ['*|', '|*'],
  ['<%', '%>'],
  ['<?', '?>'],
  ['${', '}'],
  ['{!', '}'],
  ['%%{', '}%%'],
];

/** Mailgun's `%recipient.first_name%` and Mautic's `{unsubscribe_text}`, `{contactfield=firstname}`. */
const PERCENT_TAG = /%[A-Za-z_][\w.]*%/y;
const SINGLE_BRACE_TAG = /\{[a-z_][\w]*(?:=[\w.-]*)?\}/y;
/** The first character of every delimiter above and of both patterns. */
const TAG_START = /[{*<$%]/g;

/**
 * Returns the merge tags in `text` in order, without overlaps. Runs in linear time: each
 * delimiter's closing search starts past the previous tag, and a delimiter with no closer
 * left in the text is not searched for again.
 */
export function findMergeTags(text: string): MergeTagRange[] {
  const tags: MergeTagRange[] = [];
  const exhausted = new Set<string>();
  let position = 0;

  while (position < text.length) {
    // Only these characters can open a tag; jumping between them skips most of the text.
    TAG_START.lastIndex = position;
    const next = TAG_START.exec(text);
    if (next === null) break;
    position = next.index;
    const tag = tagAt(text, position, exhausted);
    if (tag === null) {
      position++;
      continue;
    }
    tags.push(tag);
    position = tag.end;
  }
  return tags;
}

function tagAt(text: string, position: number, exhausted: Set<string>): MergeTagRange | null {
  for (const [open, close] of DELIMITERS) {
    if (exhausted.has(open) || !text.startsWith(open, position)) continue;
    const closeAt = text.indexOf(close, position + open.length);
    if (closeAt === -1) {
      exhausted.add(open);
      continue;
    }
    const end = closeAt + close.length;
    return { start: position, end, literals: findLiterals(text, position + open.length, closeAt) };
  }

  for (const pattern of [PERCENT_TAG, SINGLE_BRACE_TAG]) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match !== null) return { start: position, end: position + match[0].length, literals: [] };
  }
  return null;
}

/** Quoted runs between `from` and `to`; an unclosed quote ends the search. */
function findLiterals(text: string, from: number, to: number): Array<[number, number]> {
  const literals: Array<[number, number]> = [];
  let position = from;
  while (position < to) {
    const quote = text[position];
    if (quote !== '"' && quote !== "'") {
      position++;
      continue;
    }
    const closeAt = text.indexOf(quote, position + 1);
    if (closeAt === -1 || closeAt >= to) break;
    if (closeAt > position + 1) literals.push([position + 1, closeAt]);
    position = closeAt + 1;
  }
  return literals;
}
