import {
  DATE_WORDS,
  FIELD_ABBREVIATIONS,
  FIELD_ENTRIES,
  PERSON_EVENT_WORDS,
  PERSON_WORDS,
  SENDER_NAMESPACES,
  type FieldEntry,
  type PhiClass,
} from './fields-data';
import { splitFieldWords } from './field-words';

export type { PhiClass } from './fields-data';

export interface FieldClassification {
  phiClass: PhiClass;
  /** The path split into lower-case words, as written (abbreviations not expanded). */
  words: string[];
  /** One line for findings, e.g. `contains 'diagnosis' (clinical: diagnoses and conditions)`. */
  reason: string;
  /** The dictionary phrase, namespace word or override key that decided the class. */
  matched?: string;
  /** Set when the only identifier in the path is a first name, which subject lines may carry. */
  firstNameOnly?: true;
}

/**
 * Precedence when a path matches several classes. Clinical comes first, because a condition in an
 * exposed place is a leak even without a name. Identifiers come next, then financial data.
 */
const RANK: Record<PhiClass, number> = { clinical: 4, identifier: 3, financial: 2, neutral: 1, unknown: 0 };

/** Maximum dictionary phrase length in words (`reason for visit`, `date of birth`). */
const MAX_PHRASE_WORDS = 4;

interface Match {
  entry: FieldEntry;
  /** Word indexes the phrase covers. */
  first: number;
  end: number;
  /** Set when a sender namespace turned an identifier or financial match neutral. */
  namespace?: string;
}

const DEFAULT_PHRASES = indexEntries(FIELD_ENTRIES);

/**
 * Classifies a merge-field path by the data it carries. `overrides` (the `phi.fields` config)
 * maps an exact path, or a word or phrase, to a class: an exact path decides outright, and a
 * word or phrase replaces the default meaning of that word wherever it appears.
 *
 * Sender namespaces (`clinic`, `org`, `practice`, `provider`, Mailchimp's `list`…) make the
 * identifier and financial words after them neutral, because `clinic.phone` is the clinic's
 * phone. Clinical words stay clinical after a namespace: `provider.specialty` and
 * `clinic.department` still reveal what the patient is treated for.
 */
export function classifyField(path: string, overrides?: Readonly<Record<string, PhiClass>>): FieldClassification {
  const words = splitFieldWords(path);
  const exact = findExactOverride(path, overrides);
  if (exact !== undefined) {
    return { phiClass: exact.phiClass, words, reason: `'${path}' is set to ${exact.phiClass} in phi.fields`, matched: exact.key };
  }

  const expanded = words.map((word) => FIELD_ABBREVIATIONS[word] ?? word);
  const overridePhrases = indexEntries(overrideEntries(overrides));
  const matches = matchWords(expanded, overridePhrases);
  const best = pickBest(matches);
  if (best === undefined) {
    return { phiClass: 'unknown', words, reason: `no dictionary word in '${words.join(' ')}'` };
  }

  const written = words.slice(best.first, best.end).join(' ');
  if (best.namespace !== undefined) {
    return {
      phiClass: 'neutral',
      words,
      reason: `'${written}' follows '${best.namespace}' (neutral: ${SENDER_DETAILS})`,
      matched: best.namespace,
    };
  }

  const result: FieldClassification = {
    phiClass: best.entry.phiClass,
    words,
    reason: `contains '${written}' (${best.entry.phiClass}: ${best.entry.reason})`,
    matched: best.entry.phrase,
  };
  const identifiers = matches.filter((match) => match.namespace === undefined && match.entry.phiClass === 'identifier');
  if (result.phiClass === 'identifier' && identifiers.every((match) => match.entry.firstNameOnly === true)) {
    result.firstNameOnly = true;
  }
  return result;
}

const SENDER_DETAILS = "the sender's own details, not the recipient's";

/** Finds dictionary phrases left to right, longest first, then adds dates of care events. */
function matchWords(words: readonly string[], overridePhrases: ReadonlyMap<string, FieldEntry>): Match[] {
  const matches: Match[] = [];
  let namespace: string | undefined;
  let index = 0;

  while (index < words.length) {
    // A namespace word applies to what follows it until a person word takes the path back.
    if (SENDER_NAMESPACES.has(words[index])) {
      namespace = words[index];
    } else if (PERSON_WORDS.has(words[index])) {
      namespace = undefined;
    }

    const match = longestPhraseAt(words, index, overridePhrases);
    if (match === undefined) {
      index++;
      continue;
    }
    matches.push(neutralizeInNamespace(match, namespace));
    index = match.end;
  }

  const careDate = findCareEventDate(words);
  if (careDate !== undefined) {
    const namespaceBefore = namespaceBeforeIndex(words, careDate.first);
    matches.push(neutralizeInNamespace(careDate, namespaceBefore));
  }
  return matches;
}

function longestPhraseAt(words: readonly string[], index: number, overridePhrases: ReadonlyMap<string, FieldEntry>): Match | undefined {
  const maxLength = Math.min(MAX_PHRASE_WORDS, words.length - index);

  for (let length = maxLength; length >= 1; length--) {
    const key = words.slice(index, index + length).join(' ');
    const entry = lookUp(overridePhrases, key) ?? lookUp(DEFAULT_PHRASES, key);
    if (entry !== undefined) {
      return { entry, first: index, end: index + length };
    }
  }
  return undefined;
}

/** Looks a phrase up as written, then with a plural `s` removed from its last word. */
function lookUp(phrases: ReadonlyMap<string, FieldEntry>, key: string): FieldEntry | undefined {
  const direct = phrases.get(key);
  if (direct !== undefined) {
    return direct;
  }
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) {
    return phrases.get(key.slice(0, -1));
  }
  return undefined;
}

function neutralizeInNamespace(match: Match, namespace: string | undefined): Match {
  const neutralizable = match.entry.phiClass === 'identifier' || match.entry.phiClass === 'financial';
  return namespace !== undefined && neutralizable ? { ...match, namespace } : match;
}

function namespaceBeforeIndex(words: readonly string[], index: number): string | undefined {
  let namespace: string | undefined;
  for (let i = 0; i < index; i++) {
    if (SENDER_NAMESPACES.has(words[i])) {
      namespace = words[i];
    } else if (PERSON_WORDS.has(words[i])) {
      namespace = undefined;
    }
  }
  return namespace;
}

/**
 * `appointment_start_time` and `visit.date` are dates of the person's own care, which Safe
 * Harbor lists as identifiers even though `date` alone is neutral.
 */
function findCareEventDate(words: readonly string[]): Match | undefined {
  const eventIndex = words.findIndex((word) => PERSON_EVENT_WORDS.has(word));
  const dateIndex = words.findIndex((word) => DATE_WORDS.has(word));
  if (eventIndex < 0 || dateIndex < 0) {
    return undefined;
  }

  const first = Math.min(eventIndex, dateIndex);
  const end = Math.max(eventIndex, dateIndex) + 1;
  const entry: FieldEntry = {
    phrase: `${words[eventIndex]} ${words[dateIndex]}`,
    phiClass: 'identifier',
    reason: "dates of the person's own care events",
  };
  return { entry, first, end };
}

function pickBest(matches: readonly Match[]): Match | undefined {
  let best: Match | undefined;
  for (const match of matches) {
    // At equal rank a namespace match explains more (`phone follows clinic`) than the bare word.
    const better = best === undefined || effectiveRank(match) > effectiveRank(best) || (effectiveRank(match) === effectiveRank(best) && match.namespace !== undefined && best.namespace === undefined);
    if (better) {
      best = match;
    }
  }
  return best;
}

function effectiveRank(match: Match): number {
  return match.namespace !== undefined ? RANK.neutral : RANK[match.entry.phiClass];
}

function findExactOverride(path: string, overrides: Readonly<Record<string, PhiClass>> | undefined): { key: string; phiClass: PhiClass } | undefined {
  if (overrides === undefined) {
    return undefined;
  }
  if (Object.hasOwn(overrides, path)) {
    return { key: path, phiClass: overrides[path] };
  }
  const lowerPath = path.toLowerCase();
  const key = Object.keys(overrides).find((candidate) => candidate.toLowerCase() === lowerPath);
  return key === undefined ? undefined : { key, phiClass: overrides[key] };
}

function overrideEntries(overrides: Readonly<Record<string, PhiClass>> | undefined): FieldEntry[] {
  const entries: FieldEntry[] = [];
  for (const [key, phiClass] of Object.entries(overrides ?? {})) {
    if (phiClass === 'unknown') {
      continue;
    }
    entries.push({ phrase: splitFieldWords(key).join(' '), phiClass, reason: `set for '${key}' in phi.fields` });
  }
  return entries;
}

/** Keys each phrase by its words joined with spaces and also run together (`firstname`). */
function indexEntries(entries: readonly FieldEntry[]): Map<string, FieldEntry> {
  const phrases = new Map<string, FieldEntry>();
  for (const entry of entries) {
    phrases.set(entry.phrase, entry);
  }
  for (const entry of entries) {
    const joined = entry.phrase.replace(/ /g, '');
    if (!phrases.has(joined)) {
      phrases.set(joined, entry);
    }
  }
  return phrases;
}
