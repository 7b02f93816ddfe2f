import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Address syntax per RFC 5321 (lengths, address literals), RFC 5322 (dot-atom and quoted local
 * parts) and RFC 6531 (UTF-8 in local parts, IDN domains). Stricter than RFC 5322 where mail
 * servers are: no comments, no folding white space, no obsolete forms.
 */

export type ParsedAddress =
  | {
      valid: true;
      /** As written; local parts are case-sensitive (RFC 5321 2.4) and are never lower-cased. */
      local: string;
      /** Lower-case ASCII (A-label) form, or the bracketed literal as written. */
      domain: string;
      literal: boolean;
    }
  | { valid: false; problem: string };

const ATEXT = "A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u00A0-\\uFFFC\\u{10000}-\\u{10FFFF}";
const DOT_ATOM = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`, 'u');
const QUOTED = /^"(?:[\x20\x21\x23-\x5B\x5D-\x7E\u00A0-\uFFFC\u{10000}-\u{10FFFF}]|\\[\x20-\x7E\t])*"$/u;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Returns the address in a cell: for `Jane Doe <jane@example.org>`, the part in angle brackets. */
export function extractAddress(cell: string): string {
  let text = cell.trim();
  const angle = /<([^<>]*)>$/.exec(text);
  if (angle) text = angle[1].trim();
  if (/^mailto:/i.test(text)) text = text.slice(7);
  return text;
}

export function parseAddress(address: string): ParsedAddress {
  if (address === '') return { valid: false, problem: 'empty' };
  if (address.includes('\uFFFD')) return { valid: false, problem: 'contains U+FFFD, a character lost in decoding' };

  // The last @ separates the domain: a quoted local part may contain @ itself.
  const at = address.lastIndexOf('@');
  if (at <= 0) return { valid: false, problem: at === 0 ? 'no local part' : 'no @' };
  const local = address.slice(0, at);
  const rawDomain = address.slice(at + 1);

  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) {
    return { valid: false, problem: 'local part is not a dot-atom or quoted string' };
  }
  if (Buffer.byteLength(local, 'utf8') > 64) return { valid: false, problem: 'local part longer than 64 octets' };

  const domain = parseDomain(rawDomain);
  if (typeof domain !== 'string') return domain;
  if (Buffer.byteLength(local, 'utf8') + 1 + domain.length > 254) {
    return { valid: false, problem: 'address longer than 254 octets' };
  }
  return { valid: true, local, domain, literal: domain.startsWith('[') };
}

type DomainResult = string | { valid: false; problem: string };

// IDN conversion dominates the syntax check; rows share domains, so results are kept per
// domain as written, emptied when full.
const MAX_CACHED_DOMAINS = 50_000;
const parsedDomains = new Map<string, DomainResult>();

function parseDomain(raw: string): DomainResult {
  let result = parsedDomains.get(raw);
  if (result === undefined) {
    result = parseDomainUncached(raw);
    if (parsedDomains.size >= MAX_CACHED_DOMAINS) parsedDomains.clear();
    parsedDomains.set(raw, result);
  }
  return result;
}

function parseDomainUncached(raw: string): DomainResult {
  if (raw.startsWith('[')) {
    const inner = /^\[(.*)\]$/.exec(raw)?.[1];
    if (inner !== undefined && isIPv4(inner)) return raw;
    if (inner !== undefined && /^IPv6:/i.test(inner) && isIPv6(inner.slice(5))) return raw;
    return { valid: false, problem: 'address literal is not [IPv4] or [IPv6:...]' };
  }
  if (DOTTED_QUAD.test(raw)) return { valid: false, problem: 'IP address without brackets' };
  if (raw.endsWith('.')) return { valid: false, problem: 'trailing dot after the domain' };

  const ascii = domainToASCII(raw);
  if (ascii === '') return { valid: false, problem: 'domain is not a valid IDN host name' };

  // UTS 46 mapping silently rewrites some input (full-width letters, ligatures such as "ﬁ",
  // and, under transitional processing, ß to ss), so the domain sent to would differ from
  // the one written. Accept the domain only when the A-label form converts back to what the
  // author wrote, apart from case and Unicode normalisation.
  const written = raw.normalize('NFC').toLowerCase();
  const roundTrip = /^[\x00-\x7F]*$/.test(raw) ? ascii : domainToUnicode(ascii);
  if (roundTrip !== written) return { valid: false, problem: `domain would be rewritten to ${ascii}` };

  const labels = ascii.split('.');
  // localhost passes so that the reserved-domain check names it.
  if (labels.length < 2 && ascii !== 'localhost') return { valid: false, problem: 'domain has no dot' };
  if (ascii.length > 253) return { valid: false, problem: 'domain longer than 253 octets' };
  if (!labels.every((label) => LABEL.test(label))) {
    return { valid: false, problem: 'a domain label is empty, longer than 63 octets, or has characters other than letters, digits and inner hyphens' };
  }
  return ascii;
}
