import { getDomain } from 'tldts';
import type { DnsResolver } from './resolver';
import { describeUnanswered, isUnanswered, type AuthCheck, type CheckStatus } from './check';
import { parseTagList } from './tags';

/**
 * The DMARC check of the pre-send gate (RFC 7489). The policy is looked up at
 * `_dmarc.<From domain>` and, when that name has no DMARC record, at `_dmarc.<organizational
 * domain>` (RFC 7489 6.6.3). Gmail and Yahoo require a DMARC record from bulk senders, and
 * p=none satisfies them; Presend warns about p=none for marketing mail only, because that is
 * the stream spoofers imitate.
 */

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcDetail {
  domain: string;
  organizationalDomain?: string;
  /** The name the record was found at. */
  recordName?: string;
  source?: 'domain' | 'organizational';
  record?: string;
  /** Every record at the name that starts with v=DMARC1. */
  records: string[];
  policy?: DmarcPolicy;
  subdomainPolicy?: DmarcPolicy;
  /** The policy for mail from `domain`: sp= (else p=) when the record is the organizational domain's. */
  effectivePolicy?: DmarcPolicy;
  /** Percentage of failing mail the policy applies to; 100 when absent. */
  pct?: number;
  /** Aggregate report addresses; empty means nobody receives DMARC reports. */
  rua: string[];
  adkim?: 'r' | 's';
  aspf?: 'r' | 's';
  /** Tags with invalid values, which receivers ignore. */
  invalidTags: string[];
}

export type DmarcCheck = AuthCheck<'dmarc', DmarcDetail>;

const POLICIES: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject']);
/** RFC 7489 6.3: "v=DMARC1" must be the first tag and match exactly. */
const DMARC_RECORD = /^v\s*=\s*DMARC1\s*(;|$)/;
const RETRY_FIX = 'Run the check again when DNS answers; a timeout is not a failure.';

/** Checks the DMARC policy that applies to mail from `domain`. Never throws. */
export async function checkDmarc(resolver: DnsResolver, domain: string, options: { marketing: boolean }): Promise<DmarcCheck> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const organizational = getDomain(name) ?? name;
  const detail: DmarcDetail = { domain: name, organizationalDomain: organizational, records: [], rua: [], invalidTags: [] };
  const result = (status: CheckStatus, message: string, fix?: string): DmarcCheck => ({ id: 'dmarc', status, message, fix, detail });

  const candidates: { recordName: string; source: 'domain' | 'organizational' }[] = [{ recordName: `_dmarc.${name}`, source: 'domain' }];
  if (organizational !== name) {
    candidates.push({ recordName: `_dmarc.${organizational}`, source: 'organizational' });
  }

  for (const candidate of candidates) {
    const answer = await resolver.txt(candidate.recordName);
    if (isUnanswered(answer)) {
      return result('unknown', `DMARC for ${name} could not be checked: ${describeUnanswered('TXT', candidate.recordName, answer)}.`, RETRY_FIX);
    }

    const records = answer.status === 'ok' ? answer.records.filter((record) => DMARC_RECORD.test(record)) : [];
    if (records.length > 0) {
      Object.assign(detail, candidate, { records });
      break;
    }
  }

  const names = candidates.map((candidate) => candidate.recordName).join(' or ');
  if (!detail.recordName) {
    return result(
      'fail',
      `${name} has no DMARC record: no TXT record starting with v=DMARC1 at ${names}. Gmail and Yahoo require one from bulk senders.`,
      `Publish a TXT record at _dmarc.${organizational} such as "v=DMARC1; p=none; rua=mailto:dmarc-reports@${organizational}", then move to p=quarantine once the reports show your mail aligns.`,
    );
  }
  if (detail.records.length > 1) {
    return result(
      'fail',
      `${detail.recordName} has ${detail.records.length} DMARC records; RFC 7489 6.6.3 says receivers then apply no policy.`,
      `Merge the TXT records at ${detail.recordName} that start with v=DMARC1 into one.`,
    );
  }

  detail.record = detail.records[0];
  return judgeRecord(detail, options.marketing, result);
}

function judgeRecord(detail: DmarcDetail, marketing: boolean, result: (status: CheckStatus, message: string, fix?: string) => DmarcCheck): DmarcCheck {
  const recordName = detail.recordName ?? '';
  const parsed = parseTagList(detail.record ?? '');
  if (!parsed.ok) {
    return result('fail', `DMARC record at ${recordName} is malformed: ${parsed.error}.`, `Rewrite the TXT record at ${recordName} as "v=DMARC1; p=none; rua=mailto:..." with each tag once.`);
  }

  const tags = parsed.tags;
  const policy = tags.get('p');
  if (policy === undefined) {
    return result('fail', `DMARC record at ${recordName} has no p= tag, so it sets no policy.`, `Add p=none, p=quarantine or p=reject to the TXT record at ${recordName}.`);
  }
  if (!POLICIES.has(policy)) {
    return result('fail', `DMARC record at ${recordName} has the invalid policy "p=${policy}"; it must be none, quarantine or reject.`, `Change p= in the TXT record at ${recordName} to none, quarantine or reject.`);
  }

  detail.policy = policy as DmarcPolicy;
  readOptionalTags(detail, tags);
  detail.effectivePolicy = detail.source === 'organizational' ? (detail.subdomainPolicy ?? detail.policy) : detail.policy;
  const summary = describePolicy(detail);

  if (detail.invalidTags.length > 0) {
    return result('warn', `${summary} Receivers ignore these invalid tags: ${detail.invalidTags.join(', ')}.`, `Correct the listed tags in the TXT record at ${recordName} (RFC 7489 6.3).`);
  }
  if (detail.effectivePolicy === 'none' && marketing) {
    return result(
      'warn',
      `${summary} p=none only monitors, so mail forged in ${detail.domain}'s name still reaches inboxes, and marketing mail is what phishers imitate.`,
      `Once DMARC reports show your mail aligns, set p=quarantine (or p=reject) in the TXT record at ${recordName}.`,
    );
  }
  if (detail.effectivePolicy === 'none') {
    return result('pass', `${summary} p=none (monitoring only) is accepted for a transactional stream; Gmail and Yahoo require only that a DMARC record exists.`);
  }
  return result('pass', summary);
}

function readOptionalTags(detail: DmarcDetail, tags: Map<string, string>): void {
  const sp = tags.get('sp');
  if (sp !== undefined && POLICIES.has(sp)) {
    detail.subdomainPolicy = sp as DmarcPolicy;
  } else if (sp !== undefined) {
    detail.invalidTags.push(`sp=${sp}`);
  }

  const pct = tags.get('pct');
  if (pct !== undefined && /^\d{1,3}$/.test(pct) && Number(pct) <= 100) {
    detail.pct = Number(pct);
  } else if (pct !== undefined) {
    detail.invalidTags.push(`pct=${pct}`);
  }

  for (const key of ['adkim', 'aspf'] as const) {
    const value = tags.get(key);
    if (value === 'r' || value === 's') {
      detail[key] = value;
    } else if (value !== undefined) {
      detail.invalidTags.push(`${key}=${value}`);
    }
  }

  const rua = tags.get('rua');
  if (rua !== undefined) {
    detail.rua = rua.split(',').map((uri) => uri.trim()).filter((uri) => uri !== '');
    const invalid = detail.rua.filter((uri) => !/^mailto:[^@\s]+@[^@\s]+/i.test(uri));
    detail.invalidTags.push(...invalid.map((uri) => `rua=${uri}`));
  }
}

function describePolicy(detail: DmarcDetail): string {
  const where = detail.source === 'organizational' ? ` (inherited from the organizational domain ${detail.organizationalDomain})` : '';
  const pct = detail.pct !== undefined && detail.pct < 100 && detail.effectivePolicy !== 'none' ? `, applied to ${detail.pct}% of failing mail` : '';
  const reports = detail.rua.length > 0 ? `aggregate reports go to ${detail.rua.join(', ')}` : 'no rua=, so nobody receives aggregate reports';
  return `DMARC for ${detail.domain} at ${detail.recordName}${where}: policy ${detail.effectivePolicy}${pct}; ${reports}.`;
}
