import type { UserConfig } from '../config/types';
import { needsOptOut } from '../engine/category';
import type { CategoryDecision } from '../engine/rule';
import { domainOf, exampleFrom, streamExample, type Sender } from './sender';
import type { GateCheck } from './types';

/**
 * Checks of the sending configuration that need no DNS: whether marketing and transactional
 * mail keep separate reputations, and whether commercial mail carries RFC 8058 one-click
 * unsubscribe headers.
 */

const STREAM_NAMES = ['transactional', 'marketing', 'fundraising'] as const;

/**
 * `stream-separation`: Gmail's sender guidelines ask senders to send marketing and
 * transactional mail from different addresses or domains, so complaints about one do not
 * sink the delivery of the other. The same domain warns; subdomains count as separate. A
 * stream whose `from` is not an address fails: nothing can be compared, or sent, from it.
 */
export function streamSeparationCheck(user: UserConfig): GateCheck {
  const invalid = STREAM_NAMES.filter((name) => user.streams?.[name] !== undefined && domainOf(user.streams[name]!.from ?? '') === undefined);
  if (invalid.length > 0) {
    const listed = invalid.map((name) => `streams.${name}.from "${user.streams?.[name]?.from ?? ''}"`).join(', ');
    return {
      id: 'stream-separation',
      status: 'fail',
      message: `The streams cannot be compared: ${invalid.length === 1 ? 'this from is not an email address' : 'these from values are not email addresses'} with a valid domain: ${listed}.`,
      fix: `In presend.config.json, set ${invalid.map((name) => `streams.${name}.from`).join(' and ')} to the address that mail is sent from, for example "${exampleFrom(invalid[0])}".`,
    };
  }

  const transactional = user.streams?.transactional;
  const others = (['marketing', 'fundraising'] as const).filter((name) => user.streams?.[name] !== undefined);
  if (!transactional || others.length === 0) {
    return {
      id: 'stream-separation',
      status: 'skipped',
      message: 'Fewer than two streams are configured, so there is nothing to compare.',
      fix: `Configure both the transactional and the marketing stream in presend.config.json, for example { "streams": { "transactional": { "from": "care@notify.example.org" }, "marketing": { "from": "news@news.example.org" } } }.`,
    };
  }

  const shared: string[] = [];
  for (const name of others) {
    const other = user.streams?.[name]?.from ?? '';
    if (sameAddress(other, transactional.from)) {
      shared.push(`${name} and transactional mail both send from ${transactional.from}`);
    } else if (domainOf(other) !== undefined && domainOf(other) === domainOf(transactional.from)) {
      shared.push(`${name} and transactional mail both send from the domain ${domainOf(other)}`);
    }
  }
  if (shared.length > 0) {
    return {
      id: 'stream-separation',
      status: 'warn',
      message: `${shared.join('; ')}, so they share one sender reputation: complaints about ${others.join(' or ')} mail also hurt delivery of transactional notices.`,
      fix: 'Send each stream from its own subdomain, for example news.example.org for marketing and notify.example.org for transactional mail (Gmail sender guidelines).',
    };
  }
  return {
    id: 'stream-separation',
    status: 'pass',
    message: `Transactional mail (${domainOf(transactional.from)}) and ${others.join(' and ')} mail (${others.map((name) => domainOf(user.streams?.[name]?.from ?? '')).join(', ')}) send from different domains.`,
  };
}

/**
 * `list-unsubscribe`: Gmail and Yahoo (2024) require bulk commercial mail to carry
 * `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
 * The ESP adds those headers; the stream's `listUnsubscribe` setting records that it does.
 */
export function listUnsubscribeCheck(sender: Sender, decision: CategoryDecision): GateCheck {
  const { category, stream } = sender;
  if (!needsOptOut(decision)) {
    return {
      id: 'list-unsubscribe',
      status: 'pass',
      message: 'Transactional mail needs no List-Unsubscribe header.',
    };
  }

  const kind = category === 'transactional' ? 'This transactional template counts as commercial mail, so it' : `${capitalize(category)} mail`;
  if (!stream) {
    return {
      id: 'list-unsubscribe',
      status: 'fail',
      message: `No ${category} stream is configured, so nothing records that ${category} mail carries one-click unsubscribe headers (RFC 8058), which Gmail and Yahoo require of bulk senders.`,
      fix: `Add the stream to presend.config.json once your ESP sends List-Unsubscribe-Post: { ${streamExample(category)} }.`,
    };
  }
  if (stream.listUnsubscribe === 'one-click') {
    return { id: 'list-unsubscribe', status: 'pass', message: `The ${category} stream sends one-click List-Unsubscribe headers (RFC 8058).` };
  }
  const current = stream.listUnsubscribe === undefined ? 'does not set listUnsubscribe' : `sets listUnsubscribe to "${stream.listUnsubscribe}"`;
  return {
    id: 'list-unsubscribe',
    status: 'fail',
    message: `${kind} needs one-click unsubscribe (RFC 8058; required by Gmail and Yahoo for bulk senders since 2024), but the ${category} stream ${current}.`,
    fix: `Turn on List-Unsubscribe with List-Unsubscribe-Post in your ESP, then set "listUnsubscribe": "one-click" on streams.${category} in presend.config.json.`,
  };
}

function sameAddress(a: string, b: string): boolean {
  const bare = (address: string) => (/<([^<>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
  return bare(a) === bare(b);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
