import type { DnsAnswer, DnsResolver } from '../dns/resolver';

/**
 * Whether a domain accepts mail, from DNS: its MX records, or, when it has none, an A or AAAA
 * record (RFC 5321 5.1, the implicit MX). A single MX of priority 0 pointing at "." is a null
 * MX (RFC 7505): the domain declares it accepts no mail at all. A lookup that times out or
 * fails proves nothing, so it is `unknown`, never a finding.
 */

export type MailDomainStatus = 'ok' | 'no-mx' | 'null-mx' | 'unknown';

export function createMailDomainCheck(resolver: DnsResolver): (domain: string) => Promise<MailDomainStatus> {
  const verdicts = new Map<string, Promise<MailDomainStatus>>();
  return (domain) => {
    let verdict = verdicts.get(domain);
    if (!verdict) {
      verdict = check(resolver, domain);
      verdicts.set(domain, verdict);
    }
    return verdict;
  };
}

async function check(resolver: DnsResolver, domain: string): Promise<MailDomainStatus> {
  const mx = await resolver.mx(domain);
  if (mx.status === 'ok') {
    const isNull = mx.records.length === 1 && mx.records[0].priority === 0 && ['', '.'].includes(mx.records[0].exchange);
    if (isNull) return 'null-mx';
    if (mx.records.length > 0) return 'ok';
    return addressFallback(resolver, domain);
  }
  if (mx.status === 'nxdomain') return 'no-mx';
  if (mx.status === 'nodata') return addressFallback(resolver, domain);
  return 'unknown';
}

async function addressFallback(resolver: DnsResolver, domain: string): Promise<MailDomainStatus> {
  const a = await resolver.a(domain);
  if (hasRecords(a)) return 'ok';
  const aaaa = await resolver.aaaa(domain);
  if (hasRecords(aaaa)) return 'ok';
  return isUnanswered(a) || isUnanswered(aaaa) ? 'unknown' : 'no-mx';
}

function hasRecords(answer: DnsAnswer<string[]>): boolean {
  return answer.status === 'ok' && answer.records.length > 0;
}

function isUnanswered(answer: DnsAnswer<string[]>): boolean {
  return answer.status === 'timeout' || answer.status === 'error';
}

/** Counts the domains looked up and those DNS never answered, to tell a dead server from a few timeouts. */
export function countingLookups(
  check: (domain: string) => Promise<MailDomainStatus>,
  tally: { domains: number; unanswered: number },
): (domain: string) => Promise<MailDomainStatus> {
  const seen = new Set<string>();
  return (domain) => {
    const status = check(domain);
    if (!seen.has(domain)) {
      seen.add(domain);
      tally.domains++;
      status.then(
        (value) => {
          if (value === 'unknown') tally.unanswered++;
        },
        () => undefined,
      );
    }
    return status;
  };
}
