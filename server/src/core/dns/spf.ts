import type { DnsResolver } from './resolver';
import type { AuthCheck } from './check';
import { createWalk, fetchSpf, MAX_LOOKUPS, MAX_VOID_LOOKUPS, walkRecord, type SpfProblem } from './spf-walk';

/**
 * The SPF check of the pre-send gate: the From domain must publish exactly one SPF record
 * that stays within RFC 7208's lookup limits and does not authorize every host.
 */

export interface SpfDetail {
  domain: string;
  /** The SPF record at the domain, when exactly one was found. */
  record?: string;
  /** Every record at the domain that starts with v=spf1. */
  records: string[];
  /** DNS-querying terms across the record and everything it includes (RFC 7208 4.6.4). */
  lookups: number;
  /** True when the walk stopped early, so `lookups` is a minimum. */
  lookupsAtLeast: boolean;
  voidLookups: number;
  /** Domains reached through include and redirect, in evaluation order; alignment uses them. */
  includes: string[];
  /** The `all` term evaluation ends with, for example "-all"; absent when it ends neutral without one. */
  all?: string;
  /** Include path to the term that crossed the limit, ending with that term. */
  limitChain?: string[];
  loop?: string[];
  /** Lookups that timed out or failed. */
  unanswered: string[];
  /** Terms with macros, which the check cannot follow without a sender address. */
  unexpanded: string[];
  problems: SpfProblem[];
}

export type SpfCheck = AuthCheck<'spf', SpfDetail>;

/** Checks the SPF record at `domain`. Never throws; DNS timeouts make the result `unknown`. */
export async function checkSpf(resolver: DnsResolver, domain: string): Promise<SpfCheck> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const walk = createWalk();
  const detail: SpfDetail = {
    domain: name,
    records: [],
    lookups: 0,
    lookupsAtLeast: false,
    voidLookups: 0,
    includes: walk.includes,
    unanswered: walk.unanswered,
    unexpanded: walk.unexpanded,
    problems: walk.problems,
  };

  const fetched = await fetchSpf(resolver, name);
  if (fetched.kind === 'unanswered') {
    detail.unanswered.push(fetched.reason);
    return {
      id: 'spf',
      status: 'unknown',
      message: `SPF for ${name} could not be checked: ${fetched.reason}.`,
      fix: 'Run the check again when DNS answers; a timeout is not a failure.',
      detail,
    };
  }
  if (fetched.kind === 'none') {
    return {
      id: 'spf',
      status: 'fail',
      message: `${name} has no SPF record (no TXT record starting with v=spf1).`,
      fix: `Publish one TXT record at ${name} such as "v=spf1 include:<your sending service> -all".`,
      detail,
    };
  }
  if (fetched.kind === 'multiple') {
    detail.records = fetched.records;
    return {
      id: 'spf',
      status: 'fail',
      message: `${name} has ${fetched.records.length} SPF records; RFC 7208 4.5 allows one, so receivers stop with a permanent error (permerror).`,
      fix: `Merge the TXT records at ${name} that start with v=spf1 into one.`,
      detail,
    };
  }

  detail.record = fetched.record;
  detail.records = [fetched.record];
  const all = await walkRecord(resolver, walk, fetched.record, [name], 'top');

  detail.lookups = walk.lookups;
  detail.lookupsAtLeast = walk.capped;
  detail.voidLookups = walk.voidLookups;
  detail.limitChain = walk.limitChain && walk.limitTerm ? [...walk.limitChain, walk.limitTerm] : undefined;
  detail.loop = walk.loop;
  detail.all = all?.text;

  judgeLimits(detail, walk.problems);
  judgeAll(name, all?.qualifier, all?.text, walk.problems);
  return summarize(name, detail);
}

function judgeLimits(detail: SpfDetail, problems: SpfProblem[]): void {
  if (detail.lookups > MAX_LOOKUPS) {
    const count = detail.lookupsAtLeast ? `at least ${detail.lookups}` : String(detail.lookups);
    problems.unshift({
      severity: 'fail',
      message: `SPF for ${detail.domain} needs ${count} DNS lookups; RFC 7208 4.6.4 allows ${MAX_LOOKUPS}, so receivers stop with a permanent error (permerror). The limit is crossed at ${detail.limitChain?.join(' → ')}.`,
      fix: 'Remove includes you no longer send through, replace a and mx terms with ip4:/ip6: ranges, or flatten a nested include.',
    });
  }

  if (detail.voidLookups > MAX_VOID_LOOKUPS) {
    problems.push({
      severity: 'warn',
      message: `SPF for ${detail.domain} has ${detail.voidLookups} void lookups (names with no records); RFC 7208 4.6.4 lets receivers fail after ${MAX_VOID_LOOKUPS}.`,
      fix: 'Remove a, mx and include terms that name hosts without DNS records.',
    });
  }
}

function judgeAll(domain: string, qualifier: string | undefined, text: string | undefined, problems: SpfProblem[]): void {
  if (qualifier === '+') {
    problems.push({
      severity: 'fail',
      message: `SPF for ${domain} ends in "${text}", which authorizes every host on the internet to send as ${domain}.`,
      fix: `Change "${text}" to "~all" or "-all" in the SPF record at ${domain}.`,
    });
  } else if (qualifier === '?') {
    problems.push({
      severity: 'warn',
      message: `SPF for ${domain} ends in "?all" (neutral), so receivers treat mail from unlisted hosts as if there were no SPF.`,
      fix: `Change "?all" to "~all" or "-all" in the SPF record at ${domain}.`,
    });
  } else if (qualifier === undefined) {
    problems.push({
      severity: 'warn',
      message: `SPF for ${domain} has no "all" term, so evaluation ends neutral for unlisted hosts, the same as "?all" (RFC 7208 4.7).`,
      fix: `End the SPF record at ${domain} with "~all" or "-all".`,
    });
  }
}

/**
 * A failure found wins over unanswered lookups, because it stays a failure whatever they
 * return. Unanswered lookups win over warnings and passes, because they could hide a failure.
 */
function summarize(domain: string, detail: SpfDetail): SpfCheck {
  const fails = detail.problems.filter((problem) => problem.severity === 'fail');
  const warns = detail.problems.filter((problem) => problem.severity === 'warn');
  const unexpanded = detail.unexpanded.length > 0 ? ` Not followed because they contain macros: ${detail.unexpanded.join(', ')}.` : '';

  if (fails.length > 0) {
    return { id: 'spf', status: 'fail', ...join(fails), detail };
  }
  if (detail.unanswered.length > 0) {
    return {
      id: 'spf',
      status: 'unknown',
      message: `SPF for ${domain} could not be checked completely: ${detail.unanswered.join('; ')}.`,
      fix: 'Run the check again when DNS answers; a timeout is not a failure.',
      detail,
    };
  }
  if (warns.length > 0) {
    const joined = join(warns);
    return { id: 'spf', status: 'warn', message: joined.message + unexpanded, fix: joined.fix, detail };
  }
  return {
    id: 'spf',
    status: 'pass',
    message: `SPF for ${domain} is valid: ${detail.lookups} of ${MAX_LOOKUPS} DNS lookups, ends in "${detail.all}".${unexpanded}`,
    detail,
  };
}

function join(problems: SpfProblem[]): { message: string; fix: string } {
  return {
    message: problems.map((problem) => problem.message).join(' '),
    fix: [...new Set(problems.map((problem) => problem.fix))].join(' '),
  };
}
