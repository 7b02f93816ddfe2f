import type { StreamConfig, UserConfig } from '../config/types';
import type { Category } from '../model/types';

/**
 * The sender of a send: the stream `presend.config.json` configures for the template's
 * category, and the From address, where the directive's `from` wins over the stream's.
 */

export interface Sender {
  category: Category;
  stream?: StreamConfig;
  /** The address as configured or written in the directive. */
  from?: string;
  /** Lower-cased domain of `from`; absent when there is no usable address. */
  domain?: string;
}

export function senderFor(category: Category, user: UserConfig, directiveFrom: string | undefined): Sender {
  const stream = user.streams?.[category];
  const from = directiveFrom?.trim() || stream?.from;
  return { category, stream, from, domain: from ? domainOf(from) : undefined };
}

/** Returns the domain of `alex@example.org` or `Example Clinic <alex@example.org>`. */
export function domainOf(address: string): string | undefined {
  const bracketed = /<([^<>]+)>/.exec(address)?.[1] ?? address;
  const at = bracketed.lastIndexOf('@');
  const domain = at === -1 ? '' : bracketed.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/.test(domain) ? domain : undefined;
}

const EXAMPLE_FROM: Record<Category, string> = {
  transactional: 'care@notify.example.org',
  marketing: 'news@news.example.org',
  fundraising: 'giving@giving.example.org',
};

/** Example JSON for the stream a category lacks, for fixes. */
export function streamExample(category: Category): string {
  const oneClick = category === 'transactional' ? '' : ', "listUnsubscribe": "one-click"';
  return `"streams": { "${category}": { "from": "${EXAMPLE_FROM[category]}", "dkimSelector": "s1"${oneClick} } }`;
}
