import { isIPv4, isIPv6 } from 'node:net';

/**
 * Parses one SPF record into its terms (RFC 7208 section 4.6.1 and 12). Syntax errors are
 * collected, not thrown, because RFC 7208 turns each into a permerror, which the check
 * reports as a failure naming the term.
 */

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface SpfMechanism {
  kind: 'mechanism';
  name: SpfMechanismName;
  /** `+` when the term had no qualifier, as RFC 7208 4.6.2 defines. */
  qualifier: SpfQualifier;
  /** The domain-spec, lower-cased, without the CIDR suffix; absent when the term has none. */
  domain?: string;
  /** The address of `ip4:` and `ip6:` terms. */
  address?: string;
  /** The term as written in the record. */
  text: string;
}

export interface SpfModifier {
  kind: 'modifier';
  /** Lower-cased modifier name, for example `redirect` or `exp`. */
  name: string;
  value: string;
  text: string;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface ParsedSpf {
  terms: SpfTerm[];
  /** One sentence per syntax error, naming the term. */
  errors: string[];
}

/** Mechanisms and modifiers that cost a DNS query when evaluated (RFC 7208 4.6.4). */
export const LOOKUP_MECHANISMS: ReadonlySet<string> = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

const MECHANISM_NAMES: ReadonlySet<string> = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const MODIFIER_PATTERN = /^([a-z][a-z0-9_.-]*)=(.*)$/i;
const MECHANISM_PATTERN = /^([+\-~?]?)([a-z][a-z0-9_.-]*)(.*)$/i;

/** True when a TXT string is an SPF record: `v=spf1` followed by a space or nothing (RFC 7208 4.5). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

export function parseSpf(record: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  const errors: string[] = [];
  const words = record.trim().split(/ +/).slice(1);

  for (const word of words) {
    const modifier = MODIFIER_PATTERN.exec(word);
    if (modifier) {
      terms.push({ kind: 'modifier', name: modifier[1].toLowerCase(), value: modifier[2], text: word });
      continue;
    }

    const mechanism = parseMechanism(word);
    if (typeof mechanism === 'string') {
      errors.push(mechanism);
    } else {
      terms.push(mechanism);
    }
  }

  // RFC 7208 6: redirect and exp may each appear at most once.
  for (const name of ['redirect', 'exp']) {
    const count = terms.filter((term) => term.kind === 'modifier' && term.name === name).length;
    if (count > 1) {
      errors.push(`"${name}=" appears ${count} times; RFC 7208 section 6 allows it once.`);
    }
  }

  for (const term of terms) {
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp') && !isDomainSpec(term.value)) {
      errors.push(`"${term.text}" has no valid domain after "=".`);
    }
  }

  return { terms, errors };
}

/** Returns the parsed mechanism, or a sentence describing why the term is invalid. */
function parseMechanism(word: string): SpfMechanism | string {
  const match = MECHANISM_PATTERN.exec(word);
  if (!match || !MECHANISM_NAMES.has(match[2].toLowerCase())) {
    return `"${word}" is not an SPF mechanism or modifier.`;
  }

  const qualifier = (match[1] || '+') as SpfQualifier;
  const name = match[2].toLowerCase() as SpfMechanismName;
  const rest = match[3];
  const base = { kind: 'mechanism' as const, name, qualifier, text: word };

  switch (name) {
    case 'all':
      return rest === '' ? base : `"${word}" has a value, but "all" takes none.`;

    case 'include':
    case 'exists': {
      const domain = rest.startsWith(':') ? rest.slice(1) : '';
      return isDomainSpec(domain) ? { ...base, domain: normalizeDomain(domain) } : `"${word}" needs a domain after "${name}:".`;
    }

    case 'ptr': {
      if (rest === '') {
        return base;
      }
      const domain = rest.startsWith(':') ? rest.slice(1) : '';
      return isDomainSpec(domain) ? { ...base, domain: normalizeDomain(domain) } : `"${word}" has an invalid domain.`;
    }

    case 'a':
    case 'mx':
      return parseHostMechanism(base, rest);

    case 'ip4':
    case 'ip6':
      return parseAddressMechanism(base, rest);
  }
}

/** `a` and `mx` take an optional `:domain` and an optional dual CIDR `/n//m` (RFC 7208 5.6). */
function parseHostMechanism(base: SpfMechanism, rest: string): SpfMechanism | string {
  const match = /^(?::([^/]+))?(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/.exec(rest);
  if (!match) {
    return `"${base.text}" is not valid: write ${base.name}, ${base.name}:DOMAIN or add /PREFIX.`;
  }

  const [, domain, ip4Prefix, ip6Prefix] = match;
  if ((ip4Prefix !== undefined && Number(ip4Prefix) > 32) || (ip6Prefix !== undefined && Number(ip6Prefix) > 128)) {
    return `"${base.text}" has a prefix length out of range (at most /32 for IPv4, //128 for IPv6).`;
  }
  if (domain !== undefined && !isDomainSpec(domain)) {
    return `"${base.text}" has an invalid domain.`;
  }
  return domain === undefined ? base : { ...base, domain: normalizeDomain(domain) };
}

function parseAddressMechanism(base: SpfMechanism, rest: string): SpfMechanism | string {
  const family = base.name === 'ip4' ? 4 : 6;
  const match = /^:([^/]+)(?:\/(\d{1,3}))?$/.exec(rest);
  const address = match?.[1] ?? '';
  const prefix = match?.[2];
  const validAddress = family === 4 ? isIPv4(address) : isIPv6(address);

  if (!validAddress) {
    return `"${base.text}" does not contain a valid IPv${family} address.`;
  }
  if (prefix !== undefined && Number(prefix) > (family === 4 ? 32 : 128)) {
    return `"${base.text}" has a prefix length over /${family === 4 ? 32 : 128}.`;
  }
  return { ...base, address };
}

function isDomainSpec(value: string): boolean {
  return value.length > 0 && /^[\x21-\x7e]+$/.test(value) && !value.includes('/');
}

function normalizeDomain(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, '');
}

/** True when a domain-spec contains a macro (RFC 7208 7), which needs the sender's address to expand. */
export function hasMacro(domain: string): boolean {
  return domain.includes('%');
}
