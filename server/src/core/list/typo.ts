import { parse } from 'tldts';

/**
 * Typos of the big consumer mail providers, which is where most typed-in addresses live.
 * Deliberately conservative, since a wrong "correction" sends a patient's mail to a stranger:
 *
 * - only the providers below are targets, never arbitrary domains;
 * - a domain that is itself known to be real (mail.com, gmx.com, ymail.com...) is never a typo;
 * - the name part (before the public suffix) may differ by one edit (transposition counts as
 *   one), two for names of eight letters or more; names shorter than five letters (aol, msn,
 *   me, att, live) are only matched on a suffix typo, because one edit away from them lie
 *   countless real domains;
 * - a different public suffix (.edu, .gov, .care, .org.uk) is never a typo, unless it is a known
 *   slip for the provider's suffix (.con or .cmo for .com), and then the name must match exactly.
 */

const PROVIDERS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'hotmail.com',
  'hotmail.co.uk',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'btinternet.com',
];

/** Real domains within reach of a provider by the rules above. */
const KNOWN_REAL = new Set([
  'cloud.com',
  'email.com',
  'gmail.com',
  'gmx.com',
  'gmx.net',
  'hotmail.fr',
  'mail.com',
  'mailo.com',
  'outlook.fr',
  'yahoo.fr',
  'ymail.com',
]);

const SUFFIX_SLIPS: Record<string, string[]> = {
  com: ['con', 'cmo', 'cm', 'om', 'co', 'comm', 'coom', 'vom', 'xom', 'cpm', 'ocm', 'c0m', 'cim'],
  net: ['ne', 'nt', 'nte', 'met', 'bet', 'ner', 'nett'],
  'co.uk': ['co.k', 'co.ukk', 'couk'],
};

interface Provider {
  domain: string;
  name: string;
  suffix: string;
}

const PROVIDER_PARTS: Provider[] = PROVIDERS.map((domain) => {
  const parsed = parse(domain, { allowPrivateDomains: false });
  return { domain, name: parsed.domainWithoutSuffix!, suffix: parsed.publicSuffix! };
});

/** Returns the provider domain the author most likely meant, or undefined. */
export function suggestDomain(domain: string): string | undefined {
  if (KNOWN_REAL.has(domain) || PROVIDERS.includes(domain)) return undefined;

  const parts = splitDomain(domain);
  if (!parts) return undefined;
  const { name, suffix } = parts;

  let best: string | undefined;
  let bestDistance = Infinity;

  for (const provider of PROVIDER_PARTS) {
    let distance: number;
    if (suffix === provider.suffix) {
      if (provider.name.length < 5) continue;
      distance = damerauLevenshtein(name, provider.name, 2);
      const allowed = provider.name.length >= 8 ? 2 : 1;
      if (distance === 0 || distance > allowed) continue;
    } else if ((SUFFIX_SLIPS[provider.suffix] ?? []).includes(suffix) && name === provider.name) {
      distance = 1;
    } else {
      continue;
    }

    // Two providers equally close means no clear intent; suggest nothing.
    if (distance < bestDistance) {
      best = provider.domain;
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best = undefined;
    }
  }
  return best;
}

/**
 * The name and suffix of a domain, or undefined for a subdomain (mail.example.org is a
 * deliberate address, not a slip). An unknown top-level domain has no public suffix rule, so
 * everything after the first label counts as the suffix: hotmail.co.k gives hotmail + co.k.
 */
function splitDomain(domain: string): { name: string; suffix: string } | undefined {
  const parsed = parse(domain, { allowPrivateDomains: false });
  if (parsed.isIcann) {
    if (parsed.subdomain || !parsed.domainWithoutSuffix || !parsed.publicSuffix) return undefined;
    return { name: parsed.domainWithoutSuffix, suffix: parsed.publicSuffix };
  }
  const dot = domain.indexOf('.');
  return { name: domain.slice(0, dot), suffix: domain.slice(dot + 1) };
}

/** Optimal string alignment distance (adjacent transposition counts as one edit), capped at `max + 1`. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;

  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return Math.min(d[a.length][b.length], max + 1);
}
