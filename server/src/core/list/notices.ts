import type { DnsCheckOptions, VerifyListOptions } from './types';

/**
 * Notices about a verification run as a whole, which a person should read before trusting
 * the per-row results: they say what went unchecked and what to change.
 */

export function raggedRowsNotice(rows: number, firstLine: number): string {
  const which = rows === 1 ? '1 row has' : `${rows} rows have`;
  return `${which} a different number of cells than the header row (the first at line ${firstLine}); cells were matched to headers by position.`;
}

/** Every domain went unanswered: the server is wrong or unreachable, not a few slow domains. */
export function noDnsAnswersNotice(dns: DnsCheckOptions, domains: number): string {
  const from = dns.resolver ? 'the DNS resolver' : dns.servers && dns.servers.length > 0 ? dns.servers.join(', ') : "the system's DNS servers";
  const asked = domains === 1 ? 'the one domain looked up got no answer' : `none of the ${domains} domains looked up got an answer`;
  return `No DNS answers at all from ${from}: ${asked} (timeouts or server errors), so no row was checked for mail servers. Check --dns-server (presend.dns.servers in VS Code) and that the server is reachable.`;
}

export function emptySuppressionNotice(suppression: NonNullable<VerifyListOptions['suppression']>): string {
  const which = 'path' in suppression ? `The suppression file ${suppression.path}` : 'The suppression list';
  return `${which} contains no addresses; nothing was suppressed. Check that it is the right file and that it has an address column or one address per line.`;
}
