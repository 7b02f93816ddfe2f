import type { DnsCheckOptions, VerifyListOptions } from './types';

/**
 * Notices about a verification run as a whole. A person should read them before trusting the
 * per-row results, because they name what went unchecked and what to change.
 */

export function raggedRowsNotice(rows: number, firstLine: number): string {
  const which = rows === 1 ? '1 row has' : `${rows} rows have`;
  return `${which} a different number of cells than the header row (the first at line ${firstLine}); cells were matched to headers by position.`;
}

/** Describes a run where no domain got a DNS answer, which means a wrong or unreachable server rather than a few slow domains. */
export function noDnsAnswersNotice(dns: DnsCheckOptions, domains: number): string {
  let from = "the system's DNS servers";
  if (dns.resolver) from = 'the DNS resolver';
  else if (dns.servers && dns.servers.length > 0) from = dns.servers.join(', ');

  const asked = domains === 1 ? 'the one domain looked up got no answer' : `none of the ${domains} domains looked up got an answer`;
  return `No DNS answers at all from ${from}: ${asked} (timeouts or server errors), so no row was checked for mail servers. Check --dns-server (presend.dns.servers in VS Code) and that the server is reachable.`;
}

export function emptySuppressionNotice(suppression: NonNullable<VerifyListOptions['suppression']>): string {
  const which = 'path' in suppression ? `The suppression file ${suppression.path}` : 'The suppression list';
  return `${which} contains no addresses; nothing was suppressed. Check that it is the right file and that it has an address column or one address per line.`;
}
