import { domainToASCII } from 'node:url';
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
  /** Where `from` was written, so messages can name the place to correct. */
  fromSource?: 'directive' | 'stream';
  /** Lower-cased ASCII domain of `from`; absent when `from` is not a usable address. */
  domain?: string;
}

export function senderFor(category: Category, user: UserConfig, directiveFrom: string | undefined): Sender {
  const stream = user.streams?.[category];
  const written = directiveFrom?.trim();
  const from = written || stream?.from;
  const sender: Sender = { category, stream, from, domain: from ? domainOf(from) : undefined };
  if (written) sender.fromSource = 'directive';
  else if (stream?.from !== undefined) sender.fromSource = 'stream';
  return sender;
}

/**
 * Returns the lower-cased ASCII domain of `alex@example.org` or `Example Clinic
 * <alex@example.org>`, or undefined when the text is not an address: no local part, no `@`,
 * or a domain that is not a dotted host name. International domains count, in A-label form.
 */
export function domainOf(address: string): string | undefined {
  const bracketed = (/<([^<>]+)>/.exec(address)?.[1] ?? address).trim();
  const at = bracketed.lastIndexOf('@');
  if (at <= 0 || /\s/.test(bracketed.slice(0, at))) return undefined;
  const domain = domainToASCII(bracketed.slice(at + 1).trim().toLowerCase().replace(/\.$/, ''));
  return /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/.test(domain) ? domain : undefined;
}

/** Example address for a category's stream, for fixes. */
export function exampleFrom(category: Category): string {
  return EXAMPLE_FROM[category];
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
