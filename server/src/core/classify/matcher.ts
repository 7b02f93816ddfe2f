import type { PhraseConfig, PhraseHit, Signal } from './types';
import { tokenize, tokenizePhrase } from './tokenize';

/**
 * Matches configured phrases against text through a trie of phrase tokens. At each token the
 * longest phrase starting there wins and matching resumes after it (leftmost-longest, no
 * overlaps), so `confirm your appointment` is one hit rather than two. The cost is
 * O(tokens × longest phrase), linear in the text for a fixed configuration.
 */

interface PhraseEntry {
  phrase: string;
  signal: Signal;
  weight: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Phrases ending here; one per signal at most, since a phrase may sit in both lists. */
  entries: PhraseEntry[];
}

export interface PhraseMatcher {
  match(text: string): PhraseHit[];
}

const compiled = new WeakMap<PhraseConfig, PhraseMatcher>();

/** Returns the matcher for `config`, compiling it once per configuration object. */
export function matcherFor(config: PhraseConfig): PhraseMatcher {
  let matcher = compiled.get(config);
  if (matcher === undefined) {
    matcher = compileMatcher(config);
    compiled.set(config, matcher);
  }
  return matcher;
}

function compileMatcher(config: PhraseConfig): PhraseMatcher {
  const root: TrieNode = { children: new Map(), entries: [] };
  for (const signal of ['promotional', 'transactional'] as const) {
    for (const [phrase, weight] of Object.entries(config[signal])) {
      if (weight <= 0) continue;
      const tokens = tokenizePhrase(phrase);
      if (tokens.length === 0) continue;
      let node = root;
      for (const token of tokens) {
        let child = node.children.get(token);
        if (child === undefined) {
          child = { children: new Map(), entries: [] };
          node.children.set(token, child);
        }
        node = child;
      }
      // Spellings with the same tokens (`check-in`, `check in`) share a node; the later one wins.
      node.entries = node.entries.filter((entry) => entry.signal !== signal);
      node.entries.push({ phrase, signal, weight });
    }
  }

  return {
    match(text: string): PhraseHit[] {
      const tokens = tokenize(text);
      const hits: PhraseHit[] = [];
      let index = 0;
      while (index < tokens.length) {
        let node: TrieNode | undefined = root;
        let longest: { node: TrieNode; last: number } | null = null;
        for (let cursor = index; cursor < tokens.length; cursor++) {
          node = node.children.get(tokens[cursor].value);
          if (node === undefined) break;
          if (node.entries.length > 0) longest = { node, last: cursor };
        }
        if (longest === null) {
          index++;
          continue;
        }
        const start = tokens[index].start;
        const end = tokens[longest.last].end;
        for (const entry of longest.node.entries) {
          hits.push({ ...entry, start, end, text: text.slice(start, end) });
        }
        index = longest.last + 1;
      }
      return hits;
    },
  };
}
