import { extractAddress, parseAddress } from './address';
import { isDisposableDomain } from './disposable';
import { hasKnownTld, isReservedDomain } from './reserved';
import { isRoleAccount } from './role';
import { suggestDomain } from './typo';
import type { ReasonId } from './types';

/** Findings from the address alone, before list-wide checks (duplicates, suppression, DNS). */
export interface AddressCheck {
  reasons: ReasonId[];
  normalized?: string;
  /** Lower-cased address: the key for duplicates and suppression. */
  key?: string;
  /** The domain to look up in DNS; absent when DNS cannot change the verdict. */
  lookupDomain?: string;
  suggestion?: string;
}

interface DomainFacts {
  reserved: boolean;
  knownTld: boolean;
  suggestion?: string;
  disposable: boolean;
}

// Most rows share a few domains, and the domain checks are most of the work per row, so their
// results are cached per domain. The cache is emptied when full, which bounds its memory on a
// list where every row has a domain of its own.
const MAX_CACHED_DOMAINS = 50_000;
const domainFacts = new Map<string, DomainFacts>();

function factsOf(domain: string): DomainFacts {
  let facts = domainFacts.get(domain);
  if (!facts) {
    const reserved = isReservedDomain(domain);
    facts = reserved
      ? { reserved, knownTld: true, disposable: false }
      : { reserved, knownTld: hasKnownTld(domain), suggestion: suggestDomain(domain), disposable: isDisposableDomain(domain) };
    if (domainFacts.size >= MAX_CACHED_DOMAINS) domainFacts.clear();
    domainFacts.set(domain, facts);
  }
  return facts;
}

export function checkAddress(cell: string): AddressCheck {
  const parsed = parseAddress(extractAddress(cell));
  if (!parsed.valid) return { reasons: ['invalid-syntax'] };

  const normalized = `${parsed.local}@${parsed.domain}`;
  // Duplicates and suppression compare local parts case-insensitively, although RFC 5321 lets
  // them differ, because every large provider treats Jane@ and jane@ as one mailbox. Mailing
  // both, or missing an unsubscribe over letter case, does more harm than merging two mailboxes.
  const key = `${parsed.local.toLowerCase()}@${parsed.domain}`;
  const reasons: ReasonId[] = [];
  if (isRoleAccount(parsed.local)) reasons.push('role-account');
  if (parsed.literal) return { reasons, normalized, key };

  const facts = factsOf(parsed.domain);
  if (facts.reserved) {
    return { reasons: ['reserved-domain', ...reasons], normalized, key };
  }

  const domainSuggestion = facts.suggestion;
  if (!facts.knownTld) reasons.unshift('invalid-tld');
  if (domainSuggestion) reasons.push('typo');
  if (facts.disposable) reasons.push('disposable');

  return {
    reasons,
    normalized,
    key,
    lookupDomain: reasons.includes('invalid-tld') ? undefined : parsed.domain,
    suggestion: domainSuggestion ? `${parsed.local}@${domainSuggestion}` : undefined,
  };
}
