import type { DnsAnswer, DnsResolver } from './resolver';
import { describeUnanswered, isUnanswered } from './check';
import { hasMacro, isSpfRecord, LOOKUP_MECHANISMS, parseSpf, type SpfMechanism, type SpfTerm } from './spf-parse';

/**
 * Walks an SPF record and every record it reaches through `include:` and `redirect=`, in the
 * order a receiver evaluates them, and counts what RFC 7208 4.6.4 limits: DNS-querying terms
 * (at most 10) and void lookups (at most 2). The walk assumes no term matches, which is the
 * worst case a receiver meets and the one the limits must hold for.
 */

export const MAX_LOOKUPS = 10;
export const MAX_VOID_LOOKUPS = 2;

/** Past this many counted lookups the walk stops following includes, so a runaway tree stays cheap. */
const WALK_CAP = 50;

export interface SpfProblem {
  severity: 'fail' | 'warn';
  message: string;
  fix: string;
}

export type SpfFetch =
  | { kind: 'found'; record: string }
  | { kind: 'none'; reason: 'nxdomain' | 'nodata' | 'no-spf' }
  | { kind: 'multiple'; records: string[] }
  | { kind: 'unanswered'; reason: string };

export interface SpfWalk {
  lookups: number;
  voidLookups: number;
  /** True when the walk stopped at the cap, so `lookups` is a minimum. */
  capped: boolean;
  /** Domains reached through include and redirect, in evaluation order, each once. */
  includes: string[];
  /** The include path to the term that pushed the count over the limit. */
  limitChain?: string[];
  /** The text of the term that pushed the count over the limit. */
  limitTerm?: string;
  /** The first include or redirect cycle found, ending with the domain that closes it. */
  loop?: string[];
  /** Lookups that timed out or failed, so the counts may be low. */
  unanswered: string[];
  /** Terms whose target contains a macro and so cannot be followed without a sender address. */
  unexpanded: string[];
  problems: SpfProblem[];
}

export async function fetchSpf(resolver: DnsResolver, domain: string): Promise<SpfFetch> {
  const answer = await resolver.txt(domain);
  if (isUnanswered(answer)) {
    return { kind: 'unanswered', reason: describeUnanswered('TXT', domain, answer) };
  }
  if (answer.status !== 'ok') {
    return { kind: 'none', reason: answer.status };
  }

  const records = answer.records.filter(isSpfRecord);
  if (records.length === 0) {
    return { kind: 'none', reason: 'no-spf' };
  }
  if (records.length > 1) {
    return { kind: 'multiple', records };
  }
  return { kind: 'found', record: records[0] };
}

export function createWalk(): SpfWalk {
  return { lookups: 0, voidLookups: 0, capped: false, includes: [], unanswered: [], unexpanded: [], problems: [] };
}

/**
 * Walks one record's terms. `path` lists the domains from the checked domain down to this
 * record's domain. Returns the record's effective `all`: its own, or the one its redirect
 * target ends with, or undefined when evaluation ends neutral without one.
 */
export async function walkRecord(
  resolver: DnsResolver,
  walk: SpfWalk,
  record: string,
  path: string[],
  role: 'top' | 'include' | 'redirect',
): Promise<SpfMechanism | undefined> {
  const domain = path[path.length - 1];
  const parsed = parseSpf(record);

  for (const error of parsed.errors) {
    walk.problems.push({
      severity: 'fail',
      message: `SPF record at ${domain} is invalid: ${error}`,
      fix: `Correct the term in the TXT record at ${domain}; receivers treat a syntax error as a permanent error (permerror).`,
    });
  }

  const all = parsed.terms.find((term): term is SpfMechanism => term.kind === 'mechanism' && term.name === 'all');
  // RFC 7208 6.1: redirect is ignored when the record has an "all" mechanism.
  const redirect = all ? undefined : parsed.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');

  for (const term of parsed.terms) {
    await walkTerm(resolver, walk, term, path);
  }

  if (role === 'include' && all?.qualifier === '+') {
    walk.problems.push({
      severity: 'fail',
      message: `The SPF record at ${domain}, included from ${path[path.length - 2]}, ends in "${all.text}", so the include matches every host on the internet.`,
      fix: `Remove include:${domain} or ask its owner to end the record in "~all" or "-all".`,
    });
  }

  if (redirect && redirect.kind === 'modifier') {
    countLookup(walk, redirect.text, path);
    return followTarget(resolver, walk, redirect.value.toLowerCase().replace(/\.$/, ''), redirect.text, path, 'redirect');
  }
  return all;
}

async function walkTerm(resolver: DnsResolver, walk: SpfWalk, term: SpfTerm, path: string[]): Promise<void> {
  if (term.kind !== 'mechanism' || !LOOKUP_MECHANISMS.has(term.name)) {
    return;
  }
  countLookup(walk, term.text, path);
  const domain = path[path.length - 1];

  if (term.name === 'include' && term.domain) {
    await followTarget(resolver, walk, term.domain, term.text, path, 'include');
  } else if (term.name === 'a' || term.name === 'mx') {
    await countVoidHost(resolver, walk, term, term.domain ?? domain);
  } else if (term.name === 'ptr') {
    walk.problems.push({
      severity: 'warn',
      message: `The SPF record at ${domain} uses "${term.text}", which RFC 7208 5.5 says not to use: it is slow and some receivers skip it.`,
      fix: `Replace "${term.text}" in the SPF record at ${domain} with ip4:, ip6: or a: terms for the sending hosts.`,
    });
  }
}

function countLookup(walk: SpfWalk, termText: string, path: string[]): void {
  walk.lookups++;
  if (walk.lookups === MAX_LOOKUPS + 1) {
    walk.limitChain = [...path];
    walk.limitTerm = termText;
  }
}

/** Fetches and walks the record an include or redirect points at. */
async function followTarget(
  resolver: DnsResolver,
  walk: SpfWalk,
  target: string,
  termText: string,
  path: string[],
  role: 'include' | 'redirect',
): Promise<SpfMechanism | undefined> {
  const domain = path[path.length - 1];

  if (hasMacro(target)) {
    walk.unexpanded.push(`${termText} at ${domain}`);
    return undefined;
  }
  if (!walk.includes.includes(target)) {
    walk.includes.push(target);
  }
  if (path.includes(target)) {
    walk.loop ??= [...path, target];
    walk.problems.push({
      severity: 'fail',
      message: `SPF ${role} loop: ${[...path, target].join(' → ')}. Receivers stop with a permanent error (permerror).`,
      fix: `Remove "${termText}" from the SPF record at ${domain}.`,
    });
    return undefined;
  }
  if (walk.lookups > WALK_CAP) {
    walk.capped = true;
    return undefined;
  }

  const fetched = await fetchSpf(resolver, target);
  if (fetched.kind === 'unanswered') {
    walk.unanswered.push(fetched.reason);
    return undefined;
  }
  if (fetched.kind === 'none') {
    if (fetched.reason !== 'no-spf') {
      walk.voidLookups++;
    }
    walk.problems.push({
      severity: 'fail',
      message: `"${termText}" in the SPF record at ${domain} points at ${target}, which has no SPF record (${describeNone(fetched.reason)}). Receivers stop with a permanent error (permerror).`,
      fix: `Fix the domain in "${termText}" or remove the term from the SPF record at ${domain}.`,
    });
    return undefined;
  }
  if (fetched.kind === 'multiple') {
    walk.problems.push({
      severity: 'fail',
      message: `${target}, reached by "${termText}" from ${domain}, has ${fetched.records.length} SPF records; RFC 7208 4.5 allows one, so receivers stop with a permanent error (permerror).`,
      fix: `Ask the owner of ${target} to merge its SPF records, or remove "${termText}".`,
    });
    return undefined;
  }

  return walkRecord(resolver, walk, fetched.record, [...path, target], role);
}

/**
 * Counts a void lookup for `a` or `mx`: a name that answers NXDOMAIN or no records. For `a`
 * the name counts as void only when it has neither A nor AAAA, because a receiver asks for
 * the family of the connecting address and one of the two then answers.
 */
async function countVoidHost(resolver: DnsResolver, walk: SpfWalk, term: SpfMechanism, host: string): Promise<void> {
  if (hasMacro(host)) {
    walk.unexpanded.push(term.text);
    return;
  }

  // NOTE: the extra A lookups of each MX host (at most 10 per mx term, RFC 7208 4.6.4) are not counted.
  const answers: DnsAnswer<unknown[]>[] = term.name === 'mx' ? [await resolver.mx(host)] : [await resolver.a(host), await resolver.aaaa(host)];
  const unanswered = answers.find((answer) => isUnanswered(answer));
  if (answers.some((answer) => answer.status === 'ok' && answer.records.length > 0)) {
    return;
  }
  if (unanswered) {
    walk.unanswered.push(describeUnanswered(term.name === 'mx' ? 'MX' : 'A', host, unanswered));
    return;
  }
  walk.voidLookups++;
}

function describeNone(reason: 'nxdomain' | 'nodata' | 'no-spf'): string {
  switch (reason) {
    case 'nxdomain':
      return 'the name does not exist';
    case 'nodata':
      return 'no TXT records';
    case 'no-spf':
      return 'no TXT record starts with v=spf1';
  }
}
