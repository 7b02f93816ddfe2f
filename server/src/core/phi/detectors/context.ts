import { PhraseIndex, type PhraseEntry } from '../phrase-index';
import { tokenize } from '../text-tokens';

/**
 * The context window: up to 40 UTF-16 units before a candidate's start and 40 after its end,
 * widened to whole words at both edges. It is cut at a sentence end (`.`, `!` or `?` followed by
 * whitespace and an upper-case letter) or a blank line. Like Presidio's context enhancement, a
 * word only counts when it is near the value: `DOB: 03/04/1961` qualifies, a `DOB` two
 * sentences earlier does not. Before the value a single line break does not cut the window, so
 * a label in one table cell still qualifies the value in the next. After the value the window
 * ends at the line break, because the next line starts new content, not a label for this value.
 */
export const CONTEXT_RADIUS = 40;

/** Maximum number of characters the window widens by at an edge to finish a word. */
const MAX_EDGE_WORD = 24;

export interface ContextHit<T> {
  value: T;
  /** The phrase as written in the text. */
  text: string;
  /** Distance in UTF-16 units between the phrase and the candidate. */
  distance: number;
}

export class ContextWords<T = true> {
  private readonly index: PhraseIndex<T>;

  constructor(entries: readonly PhraseEntry<T>[]) {
    this.index = new PhraseIndex(entries);
  }

  static of(phrases: readonly string[]): ContextWords<true> {
    return new ContextWords(phrases.map((phrase) => ({ phrase, value: true as const })));
  }

  /** Returns the phrase nearest to `text[start, end)` within the window, if any. */
  nearest(text: string, start: number, end: number, radius = CONTEXT_RADIUS): ContextHit<T> | undefined {
    let best: ContextHit<T> | undefined;
    for (const hit of this.all(text, start, end, radius)) {
      if (best === undefined || hit.distance < best.distance) {
        best = hit;
      }
    }
    return best;
  }

  /** Returns every phrase within the window on either side of `text[start, end)`. */
  all(text: string, start: number, end: number, radius = CONTEXT_RADIUS): ContextHit<T>[] {
    const [from, to] = contextWindow(text, start, end, radius);
    const hits: ContextHit<T>[] = [];

    for (const [sideFrom, sideTo] of [
      [from, start],
      [end, to],
    ]) {
      const tokens = tokenize(text, sideFrom, sideTo);
      for (const match of this.index.findAll(tokens)) {
        const distance = match.end <= start ? start - match.end : match.start - end;
        hits.push({ value: match.value, text: text.slice(match.start, match.end), distance });
      }
    }
    return hits;
  }
}

/** Returns `[from, to)`, the window around `text[start, end)`. */
export function contextWindow(text: string, start: number, end: number, radius = CONTEXT_RADIUS): [number, number] {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  from = widenLeft(text, from);
  to = widenRight(text, to);

  // Cut at the sentence boundary nearest to the candidate on each side.
  for (let i = start - 1; i >= from; i--) {
    if (isSentenceBoundaryAt(text, i)) {
      from = i + 1;
      break;
    }
  }
  for (let i = end; i < to; i++) {
    if (text[i] === '\n') {
      to = i;
      break;
    }
    if (isSentenceBoundaryAt(text, i)) {
      to = i + 1;
      break;
    }
  }
  return [from, to];
}

function widenLeft(text: string, from: number): number {
  const limit = Math.max(0, from - MAX_EDGE_WORD);
  while (from > limit && isAlphanumeric(text.charCodeAt(from - 1))) {
    from--;
  }
  return from;
}

function widenRight(text: string, to: number): number {
  const limit = Math.min(text.length, to + MAX_EDGE_WORD);
  while (to < limit && isAlphanumeric(text.charCodeAt(to))) {
    to++;
  }
  return to;
}

/** True when a sentence ends at `index`: terminal punctuation before a capital, or a blank line. */
function isSentenceBoundaryAt(text: string, index: number): boolean {
  const char = text[index];
  if (char === '.' || char === '!' || char === '?') {
    let next = index + 1;
    if (next >= text.length || !isSpace(text[next])) {
      return false;
    }
    while (next < text.length && next < index + 4 && isSpace(text[next])) {
      next++;
    }
    const following = text.charCodeAt(next);
    return following >= 65 && following <= 90;
  }
  if (char === '\n') {
    let next = index + 1;
    while (next < text.length && next < index + 8 && (text[next] === ' ' || text[next] === '\t' || text[next] === '\r')) {
      next++;
    }
    return text[next] === '\n';
  }
  return false;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00a0';
}

export function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
