import { tokenize, type TextToken } from './text-tokens';

/**
 * A dictionary of word sequences matched against text tokens, longest phrase first. Lookup is
 * by the first word, so a scan costs one map lookup per token plus the few phrases sharing that
 * word: linear in the text.
 */
export interface PhraseEntry<T> {
  phrase: string;
  value: T;
  /** Compare the tokens as written instead of lower-cased. */
  caseSensitive?: boolean;
  /** Accept `s` or `es` after the last word (plurals). */
  plural?: boolean;
}

export interface PhraseMatch<T> {
  value: T;
  phrase: string;
  /** Index of the first and one past the last matched token. */
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
}

interface CompiledPhrase<T> {
  entry: PhraseEntry<T>;
  words: string[];
}

export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<string, CompiledPhrase<T>[]>();

  constructor(entries: readonly PhraseEntry<T>[]) {
    for (const entry of entries) {
      const words = tokenize(entry.phrase).map((token) => (entry.caseSensitive ? token.raw : token.norm));
      if (words.length === 0) {
        continue;
      }
      const key = words[0].toLowerCase();
      const list = this.byFirstWord.get(key) ?? [];
      list.push({ entry, words });
      this.byFirstWord.set(key, list);
    }

    // Longest phrases first, so the first hit at a token is the longest one.
    for (const list of this.byFirstWord.values()) {
      list.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /** Returns the longest phrase starting at token `index`, if any. */
  matchAt(tokens: readonly TextToken[], index: number): PhraseMatch<T> | undefined {
    const first = tokens[index].norm;
    const candidates = [this.byFirstWord.get(first), this.byFirstWord.get(stripPlural(first, 's')), this.byFirstWord.get(stripPlural(first, 'es'))];
    let best: PhraseMatch<T> | undefined;

    for (const list of candidates) {
      for (const compiled of list ?? []) {
        if (best !== undefined && compiled.words.length <= best.endToken - best.firstToken) {
          break;
        }
        if (phraseMatches(compiled, tokens, index)) {
          const endToken = index + compiled.words.length;
          best = {
            value: compiled.entry.value,
            phrase: compiled.entry.phrase,
            firstToken: index,
            endToken,
            start: tokens[index].start,
            end: tokens[endToken - 1].end,
          };
          break;
        }
      }
    }
    return best;
  }

  /** Finds non-overlapping phrases left to right, taking the longest at each token. */
  findAll(tokens: readonly TextToken[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let index = 0;

    while (index < tokens.length) {
      const match = this.matchAt(tokens, index);
      if (match === undefined) {
        index++;
        continue;
      }
      matches.push(match);
      index = match.endToken;
    }
    return matches;
  }
}

function phraseMatches<T>(compiled: CompiledPhrase<T>, tokens: readonly TextToken[], index: number): boolean {
  const { words, entry } = compiled;
  if (index + words.length > tokens.length) {
    return false;
  }

  for (let offset = 0; offset < words.length; offset++) {
    const token = tokens[index + offset];
    const actual = entry.caseSensitive ? token.raw : token.norm;
    const expected = words[offset];
    const isLast = offset === words.length - 1;
    const pluralOk = isLast && entry.plural === true && (actual === `${expected}s` || actual === `${expected}es`);
    if (actual !== expected && !pluralOk) {
      return false;
    }
  }
  return true;
}

function stripPlural(word: string, suffix: string): string {
  return word.length > suffix.length + 2 && word.endsWith(suffix) ? word.slice(0, -suffix.length) : '';
}
