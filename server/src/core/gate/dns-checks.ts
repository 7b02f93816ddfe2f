import { checkAlignment } from '../dns/alignment';
import type { CheckStatus } from '../dns/check';
import { checkDkim } from '../dns/dkim';
import { checkDmarc } from '../dns/dmarc';
import { createResolver, type DnsResolver } from '../dns/resolver';
import { checkSpf } from '../dns/spf';
import { errorAnswerFix, recordLookups, type RecordedLookups } from './dns-errors';
import { exampleFrom, streamExample, type Sender } from './sender';
import type { GateCheck, GateCheckId, GateDnsOptions, GateStatus } from './types';

/**
 * The sender authentication checks (SPF, DKIM, DMARC and, where the stream names its
 * sending service, alignment) for the From domain. DNS is looked up only when the caller
 * turns it on; otherwise the checks are skipped with a message on how to turn it on.
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
  const recorded = { spf: recordLookups(lookup), dkim: recordLookups(lookup), dmarc: recordLookups(lookup) };
  const [spf, dkim, dmarc] = await Promise.all([
    checkSpf(recorded.spf.resolver, domain),
    stream ? checkDkim(recorded.dkim.resolver, domain, stream.dkimSelector) : undefined,
    checkDmarc(recorded.dmarc.resolver, domain, { marketing: sender.category !== 'transactional' }),
  ]);

  const judged = (check: AnyAuthCheck, lookups: RecordedLookups) => fromAuth(check, check.status === 'unknown' ? errorAnswerFix(lookups, dns.servers) : undefined);
  const checks: GateCheck[] = [judged(spf, recorded.spf), dkim ? judged(dkim, recorded.dkim) : unconfigured('dkim', sender), judged(dmarc, recorded.dmarc)];
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
    // checkAlignment requests a selector whenever it lacks a DKIM domain. With a selector set,
    // the cause is the key in DNS, which the DKIM check already explains.
    const selector = stream?.dkimSelector?.trim();
    checks.push(alignment.status === 'unknown' && selector && dkim ? alignmentWithoutKey(domain, selector, dkim.status, alignment.detail.sendingDomainsMissingFromSpf) : fromAuth(alignment));
  }
  return checks;
}

type AnyAuthCheck = { id: GateCheckId; status: CheckStatus; message: string; fix?: string };

/** Builds the alignment result when a selector is configured but the DKIM check failed or got no DNS response. */
function alignmentWithoutKey(domain: string, selector: string, dkimStatus: CheckStatus, missingFromSpf: string[]): GateCheck {
  const key = `${selector}._domainkey.${domain}`;
  const why = dkimStatus === 'unknown' ? `the DKIM key at ${key} could not be looked up` : `the DKIM check found no usable key at ${key}`;
  const gap = missingFromSpf.length > 0 ? ` The SPF record of ${domain} does not include ${missingFromSpf.join(', ')} from sendingDomains.` : '';
  const gapFix = missingFromSpf.length > 0 ? ` Add include: terms for ${missingFromSpf.join(', ')} to the SPF record of ${domain}, or remove them from sendingDomains.` : '';
  return {
    id: 'alignment',
    status: 'warn',
    message: `Alignment of ${domain} was not checked: ${why}, so the DKIM signing domain is not known.${gap}`,
    fix: `Fix the DKIM check first, as its fix says; alignment is judged once the key at ${key} is usable.${gapFix}`,
  };
}

/** `unknown` (DNS did not answer, or configuration is missing) warns: it must not block a send. */
const STATUS: Record<CheckStatus, GateStatus> = { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'warn' };

/** `fix` replaces the check's own fix, for DNS error answers. */
function fromAuth(check: AnyAuthCheck, fix = check.fix): GateCheck {
  return { id: check.id, status: STATUS[check.status], message: check.message, ...(fix ? { fix } : {}) };
}

/** Reports a check the gate cannot run because it does not know the sender: no stream for the category, or no usable From domain. */
function unconfigured(id: GateCheckId, sender: Sender): GateCheck {
  const what = `${label(id)} was not checked`;
  const example = `{ ${streamExample(sender.category)} }`;
  if (sender.from !== undefined && sender.domain === undefined) {
    return invalidFrom(id, sender);
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
  return { id, status: 'warn', message: `${what}: no ${sender.category} stream is configured and the directive names no from address.`, fix: addStream };
}

/**
 * Fails a check whose From is not an address. That is a configuration error rather than a
 * gap, because the mail cannot be authenticated as configured, so it fails with DNS on or off.
 */
function invalidFrom(id: GateCheckId, sender: Sender): GateCheck {
  const where = sender.fromSource === 'directive' ? "the template directive's from" : `streams.${sender.category}.from in presend.config.json`;
  const fix =
    sender.fromSource === 'directive'
      ? `Correct the from line of the template's presend directive to the address this mail is sent from, for example "from: ${exampleFrom(sender.category)}".`
      : `Set streams.${sender.category}.from in presend.config.json to the address ${sender.category} mail is sent from, for example "${exampleFrom(sender.category)}".`;
  return { id, status: 'fail', message: `${label(id)} cannot be checked: ${where} is "${sender.from}", which is not an email address with a valid domain.`, fix };
}

function label(id: GateCheckId): string {
  return id === 'alignment' ? 'DMARC alignment' : id.toUpperCase();
}
