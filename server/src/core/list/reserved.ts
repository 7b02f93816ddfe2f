import { parse } from 'tldts';

/**
 * Domains that can never receive mail from the public internet: the documentation domains of
 * RFC 2606/6761 and special-use names, and top-level domains that are not delegated at all.
 */

const RESERVED_TLDS = new Set(['test', 'invalid', 'localhost', 'example', 'local', 'onion', 'internal', 'alt']);
const RESERVED_SUFFIXES = ['home.arpa'];

export function isReservedDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (RESERVED_TLDS.has(tld)) return true;
  if (RESERVED_SUFFIXES.some((suffix) => domain === suffix || domain.endsWith(`.${suffix}`))) return true;

  // example.com, .net and .org are reserved by RFC 2606; example.<any ccTLD> is registered to
  // no one real in practice and is what authors use as a placeholder, so it counts too.
  return parse(domain, { allowPrivateDomains: false }).domainWithoutSuffix === 'example';
}

/** True when the last label is a top-level domain in the public suffix list. */
export function hasKnownTld(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return parse(`x.${tld}`, { allowPrivateDomains: false }).isIcann === true;
}
