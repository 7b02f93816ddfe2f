
/**
 * Throwaway mail providers, from the `disposable-email-domains` package (an aggregated list of
 * about 120,000 domains). Aggregated lists have at times included real providers and alias
 * relays whose addresses reach a person's permanent inbox; those are subtracted here.
 *
 * Checked against version 1.0.62: fastmail.com, gmx.com, gmx.net, privaterelay.appleid.com,
 * proton.me, protonmail.com, tutanota.com, tuta.io, mailo.com, yandex.com, yandex.ru, mail.com,
 * duck.com, mozmail.com and simplelogin.co are not in it; 33mail.com (an alias relay) is. The
 * subtraction stays so that an update of the package cannot start flagging them.
 */
const REAL_PROVIDERS = [
  '33mail.com',
  'duck.com',
  'fastmail.com',
  'fastmail.fm',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'hey.com',
  'mail.com',
  'mailbox.org',
  'mailo.com',
  'mozmail.com',
  'posteo.de',
  'privaterelay.appleid.com',
  'proton.me',
  'protonmail.com',
  'simplelogin.co',
  'tuta.com',
  'tuta.io',
  'tutanota.com',
  'tutanota.de',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
];

let disposable: Set<string> | undefined;

function domains(): Set<string> {
  if (!disposable) {
    // The package is a JSON array without type declarations. Loading it with require keeps the
    // compiler from type-checking 120,000 strings, and loads the data only when a list is verified.
    disposable = new Set(require('disposable-email-domains') as string[]);
    for (const domain of REAL_PROVIDERS) disposable.delete(domain);
  }
  return disposable;
}

/** True for a listed domain or any subdomain of one. */
export function isDisposableDomain(domain: string): boolean {
  const set = domains();
  let candidate = domain;
  for (;;) {
    if (set.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot === -1) return false;
    candidate = candidate.slice(dot + 1);
  }
}

export const DISPOSABLE_ALLOW_LIST: readonly string[] = REAL_PROVIDERS;
