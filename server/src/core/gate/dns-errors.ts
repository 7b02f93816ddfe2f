import type { DnsAnswer, DnsResolver } from '../dns/resolver';

/**
 * Tells a DNS server that answered with an error (EBADRESP, SERVFAIL, REFUSED) from one that
 * did not answer in time. The SPF, DKIM and DMARC checks report both as `unknown` with the
 * advice to retry, which fits a timeout; an error answer usually means the server asked is not
 * a working recursive resolver, and retrying changes nothing. Each check gets its own recorder
 * so the gate knows which lookups belong to which check.
 */

export interface RecordedLookups {
  resolver: DnsResolver;
  /** Unanswered lookups of this check, in the order they settled. */
  unanswered: { status: 'timeout' | 'error'; detail: string }[];
}

export function recordLookups(resolver: DnsResolver): RecordedLookups {
  const unanswered: RecordedLookups['unanswered'] = [];
  const record = async <T>(answer: Promise<DnsAnswer<T>>): Promise<DnsAnswer<T>> => {
    const settled = await answer;
    if (settled.status === 'timeout' || settled.status === 'error') unanswered.push({ status: settled.status, detail: settled.detail });
    return settled;
  };
  return {
    unanswered,
    resolver: {
      mx: (domain) => record(resolver.mx(domain)),
      txt: (name) => record(resolver.txt(name)),
      a: (domain) => record(resolver.a(domain)),
      aaaa: (domain) => record(resolver.aaaa(domain)),
    },
  };
}

/**
 * Returns the fix for a check whose unanswered lookups all came back as errors (none timed
 * out), which points at the DNS server instead of at waiting. Returns undefined when a lookup
 * timed out or none failed. `servers` names the servers queried, when known.
 */
export function errorAnswerFix(lookups: RecordedLookups, servers: readonly string[] | undefined): string | undefined {
  const errors = lookups.unanswered.filter((lookup) => lookup.status === 'error');
  if (errors.length === 0 || errors.length !== lookups.unanswered.length) return undefined;

  const server = servers && servers.length > 0 ? servers.join(', ') : "the system's DNS resolver";
  return `The DNS server answered with an error (${errors[0].detail}) rather than timing out, so retrying alone will not help: check that ${server} is a working recursive resolver (--dns-server, or presend.dns.servers in VS Code), then run the gate again. An error answer says nothing about the record itself.`;
}
