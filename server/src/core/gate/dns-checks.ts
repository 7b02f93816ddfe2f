import { checkAlignment } from '../dns/alignment';
import type { CheckStatus } from '../dns/check';
import { checkDkim } from '../dns/dkim';
import { checkDmarc } from '../dns/dmarc';
import { createResolver, type DnsResolver } from '../dns/resolver';
import { checkSpf } from '../dns/spf';
import { streamExample, type Sender } from './sender';
import type { GateCheck, GateCheckId, GateDnsOptions, GateStatus } from './types';

/**
 * The sender authentication checks (SPF, DKIM, DMARC and, where the stream names its
 * sending service, alignment) for the From domain. DNS is looked up only when the caller
 * turns it on; otherwise the checks are skipped and say how to turn it on.
 */

const ENABLE_DNS = 'Run with --dns (or --dns-server HOST:PORT), or turn on the presend.dns.enabled setting in VS Code.';

export async function senderChecks(sender: Sender, dns: GateDnsOptions, resolver?: DnsResolver): Promise<GateCheck[]> {
  const { stream, domain } = sender;
  const withAlignment = (stream?.sendingDomains?.length ?? 0) > 0;
  const ids: GateCheckId[] = withAlignment ? ['spf', 'dkim', 'dmarc', 'alignment'] : ['spf', 'dkim', 'dmarc'];

  // A missing stream is a gap in the configuration, so it is reported whether DNS is on or
  // not. Only a From address in the directive still lets SPF and DMARC run.
  if (!domain || (!stream && !dns.enabled)) {
    return ids.map((id) => unconfigured(id, sender));
  }
  if (!dns.enabled) {
    return ids.map((id) => ({ id, status: 'skipped', message: `DNS checks are off, so the ${label(id)} setup of ${domain} was not looked up.`, fix: ENABLE_DNS }));
  }

  const lookup = resolver ?? createResolver({ servers: dns.servers, timeoutMs: dns.timeoutMs, tries: dns.tries });
  const [spf, dkim, dmarc] = await Promise.all([
    checkSpf(lookup, domain),
    stream ? checkDkim(lookup, domain, stream.dkimSelector) : undefined,
    checkDmarc(lookup, domain, { marketing: sender.category !== 'transactional' }),
  ]);

  const checks: GateCheck[] = [fromAuth(spf), dkim ? fromAuth(dkim) : unconfigured('dkim', sender), fromAuth(dmarc)];
  if (withAlignment) {
    const signed = dkim !== undefined && (dkim.status === 'pass' || dkim.status === 'warn');
    const alignment = checkAlignment(domain, {
      spfIncludes: spf.detail.includes,
      // A usable key under the From domain means the service signs with d= that domain.
      dkimDomain: signed ? domain : undefined,
      sendingDomains: stream?.sendingDomains,
      adkim: dmarc.detail.adkim,
      aspf: dmarc.detail.aspf,
    });
    checks.push(fromAuth(alignment));
  }
  return checks;
}

/** `unknown` (DNS did not answer, or configuration is missing) warns: it must not block a send. */
const STATUS: Record<CheckStatus, GateStatus> = { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'warn' };

function fromAuth(check: { id: GateCheckId; status: CheckStatus; message: string; fix?: string }): GateCheck {
  return { id: check.id, status: STATUS[check.status], message: check.message, ...(check.fix ? { fix: check.fix } : {}) };
}

/** Reports a check the gate cannot run because it does not know the sender: no stream for the category, or no usable From domain. */
function unconfigured(id: GateCheckId, sender: Sender): GateCheck {
  const what = `${label(id)} was not checked`;
  const example = `{ ${streamExample(sender.category)} }`;
  if (sender.stream) {
    return {
      id,
      status: 'warn',
      message: `${what}: the from address "${sender.from}" has no valid domain.`,
      fix: `Correct the from address of streams.${sender.category} in presend.config.json, or the directive's from.`,
    };
  }
  const addStream = `Add the ${sender.category} stream to presend.config.json: ${example}.`;
  if (id === 'dkim') {
    return {
      id,
      status: 'warn',
      message: `${what}: no ${sender.category} stream is configured, so the DKIM selector${sender.domain ? ` of ${sender.domain}` : ''} is unknown.`,
      fix: addStream,
    };
  }
  if (sender.domain) {
    return { id, status: 'warn', message: `${what}: DNS checks are off, and no ${sender.category} stream is configured.`, fix: `${ENABLE_DNS} ${addStream}` };
  }
  const from = sender.from ? `the directive's from "${sender.from}" has no valid domain` : 'the directive names no from address';
  return { id, status: 'warn', message: `${what}: no ${sender.category} stream is configured and ${from}.`, fix: addStream };
}

function label(id: GateCheckId): string {
  return id === 'alignment' ? 'DMARC alignment' : id.toUpperCase();
}
