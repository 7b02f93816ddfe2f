import type { ConditionTermEntry } from './conditions-data';
import { conditionIndex, conditionTermAt } from './condition-index';
import type { PhraseIndex } from './phrase-index';
import { tokenize, type TextToken } from './text-tokens';

/**
 * Copy that addresses the reader by their condition ("because you were diagnosed with",
 * "as someone living with diabetes", "managing your condition"). Such copy reveals the
 * condition to anyone who reads the message, and in marketing it is a use of PHI.
 */
export interface ConditionTargetingMatch {
  /** The matched copy as written. */
  text: string;
  start: number;
  end: number;
  /** Id of the phrase family that matched, e.g. `you-were-diagnosed`. */
  pattern: string;
}

/**
 * One step of a phrase pattern over normalised tokens (lower case, apostrophes removed, so
 * `you've` is `youve`). Steps match greedily without backtracking, which keeps a scan linear.
 */
type Step =
  | { kind: 'word'; words: readonly string[] }
  | { kind: 'optional'; words: readonly string[] }
  /** A condition term starting within `skip` tokens; the match extends to its end. */
  | { kind: 'condition'; skip: number; optional?: boolean }
  /** A condition term or a generic health word starting within `skip` tokens. */
  | { kind: 'health'; skip: number };

interface Pattern {
  id: string;
  steps: readonly Step[];
}

const word = (...words: string[]): Step => ({ kind: 'word', words });
const optional = (...words: string[]): Step => ({ kind: 'optional', words });

const HEALTH_WORDS = new Set(['condition', 'conditions', 'disease', 'diseases', 'disorder', 'disorders', 'illness', 'illnesses', 'chronic', 'diagnosis', 'diagnoses', 'symptoms']);

const PATTERNS: readonly Pattern[] = [
  {
    id: 'you-were-diagnosed',
    steps: [word('you', 'youve', 'youre'), optional('were', 'have', 'are', 'was', 'had'), optional('been'), optional('recently', 'newly', 'just'), word('diagnosed'), optional('with'), { kind: 'condition', skip: 2, optional: true }],
  },
  { id: 'your-diagnosis', steps: [word('your'), optional('recent', 'new', 'latest', 'current'), word('diagnosis')] },
  { id: 'as-someone-with', steps: [word('as'), optional('a', 'an'), word('someone', 'somebody', 'person', 'patient', 'member'), word('living', 'diagnosed', 'managing', 'dealing'), optional('with'), { kind: 'condition', skip: 2, optional: true }] },
  { id: 'living-with', steps: [word('living', 'diagnosed'), word('with'), { kind: 'health', skip: 3 }] },
  {
    id: 'for-patients-with',
    steps: [
      word('for'),
      optional('our', 'all', 'those'),
      word('patients', 'people', 'members', 'individuals', 'adults', 'women', 'men', 'children', 'kids', 'families', 'anyone', 'those'),
      optional('living', 'diagnosed', 'who'),
      word('with', 'have'),
      { kind: 'health', skip: 4 },
    ],
  },
  { id: 'managing-your-condition', steps: [word('managing', 'manage', 'manages', 'controlling', 'control', 'treating', 'coping'), optional('with'), word('your'), { kind: 'health', skip: 2 }] },
  { id: 'your-condition', steps: [word('your'), optional('chronic', 'health', 'medical', 'ongoing', 'current'), word('condition', 'illness', 'disease', 'disorder')] },
  { id: 'because-you-have', steps: [word('because', 'since'), word('you', 'youve', 'youre'), optional('have', 'are', 'were', 'had'), { kind: 'condition', skip: 2 }] },
  { id: 'your-condition-term', steps: [word('your'), { kind: 'condition', skip: 2 }] },
];

/** Finds copy that targets the reader by condition; spans never overlap. `extra` adds condition terms. */
export function findConditionTargeting(text: string, extra?: readonly string[]): ConditionTargetingMatch[] {
  const tokens = tokenize(text);
  const terms = conditionIndex(extra);
  const matches: ConditionTargetingMatch[] = [];
  let index = 0;

  while (index < tokens.length) {
    let endToken: number | undefined;
    let patternId = '';
    for (const pattern of PATTERNS) {
      endToken = matchPattern(pattern, text, tokens, index, terms);
      if (endToken !== undefined) {
        patternId = pattern.id;
        break;
      }
    }
    if (endToken === undefined) {
      index++;
      continue;
    }

    const start = tokens[index].start;
    const end = tokens[endToken - 1].end;
    matches.push({ text: text.slice(start, end), start, end, pattern: patternId });
    index = endToken;
  }
  return matches;
}

/** Returns one past the last token of the match at `index`, or undefined. */
function matchPattern(pattern: Pattern, text: string, tokens: readonly TextToken[], index: number, terms: PhraseIndex<ConditionTermEntry>): number | undefined {
  let position = index;

  for (const step of pattern.steps) {
    const token = tokens[position];
    switch (step.kind) {
      case 'word':
        if (token === undefined || !step.words.includes(token.norm) || crossesSentence(text, tokens, position, index)) {
          return undefined;
        }
        position++;
        break;
      case 'optional':
        if (token !== undefined && step.words.includes(token.norm) && !crossesSentence(text, tokens, position, index)) {
          position++;
        }
        break;
      case 'condition':
      case 'health': {
        const found = findHealthWithin(text, tokens, position, step.skip, terms, step.kind === 'health');
        if (found !== undefined) {
          position = found;
        } else if (step.kind === 'health' || step.optional !== true) {
          return undefined;
        }
        break;
      }
    }
  }
  return position;
}

function findHealthWithin(
  text: string,
  tokens: readonly TextToken[],
  from: number,
  skip: number,
  terms: PhraseIndex<ConditionTermEntry>,
  acceptHealthWords: boolean,
): number | undefined {
  for (let position = from; position <= from + skip && position < tokens.length; position++) {
    if (crossesSentence(text, tokens, position, from - 1)) {
      return undefined;
    }
    const term = conditionTermAt(terms, tokens, position);
    if (term !== undefined) {
      return term.endToken;
    }
    if (acceptHealthWords && HEALTH_WORDS.has(tokens[position].norm)) {
      return position + 1;
    }
  }
  return undefined;
}

/** True when punctuation that ends a clause sits between token `first` and token `position`. */
function crossesSentence(text: string, tokens: readonly TextToken[], position: number, first: number): boolean {
  if (position <= first || first < 0 || position >= tokens.length) {
    return false;
  }
  const gap = text.slice(tokens[position - 1].end, tokens[position].start);
  return /[.!?;:\n]/.test(gap);
}
