import { getDomain } from 'tldts';
import type { AuthCheck, CheckStatus } from './check';

/**
 * Identifier alignment as DMARC judges it (RFC 7489 3.1): the From domain must match the
 * DKIM signing domain (d=) or the SPF-checked Return-Path domain. Relaxed mode ("r", the
 * default) accepts the same organizational domain, so news.example.org aligns with
 * example.org; strict mode ("s") needs the exact domain. DMARC passes with one aligned
 * identifier, but only DKIM survives forwarding, so SPF-only alignment is a warning.
 */

export type AlignmentMode = 'r' | 's';

export interface AlignmentInput {
  /** Domains the From domain's SPF record includes (the `includes` detail of the SPF check). */
  spfIncludes: string[];
  /** The d= domain the sending service signs with. */
  dkimDomain?: string;
  /** The Return-Path (MAIL FROM) domain, which SPF authenticates. */
  returnPathDomain?: string;
  /** Domains of the sending service, from the stream's `sendingDomains` setting. */
  sendingDomains?: string[];
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
}

export interface AlignmentDetail {
  fromDomain: string;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  /** Undefined when the identifier is not known. */
  dkimAligned?: boolean;
  spfAligned?: boolean;
  /** Sending domains whose organizational domain none of the SPF includes shares. */
  sendingDomainsMissingFromSpf: string[];
}

export type AlignmentCheck = AuthCheck<'alignment', AlignmentDetail>;

/** True when `domain` aligns with `fromDomain` in the given mode. */
export function isAligned(domain: string, fromDomain: string, mode: AlignmentMode): boolean {
  const a = normalize(domain);
  const b = normalize(fromDomain);
  if (mode === 's') {
    return a === b;
  }
  return organizational(a) === organizational(b);
}

/** Judges DMARC alignment of the From domain from what the caller knows of the sending setup. Never throws. */
export function checkAlignment(fromDomain: string, input: AlignmentInput): AlignmentCheck {
  const from = normalize(fromDomain);
  const detail: AlignmentDetail = {
    fromDomain: from,
    adkim: input.adkim ?? 'r',
    aspf: input.aspf ?? 'r',
    sendingDomainsMissingFromSpf: findMissingFromSpf(input.sendingDomains ?? [], input.spfIncludes),
  };
  const result = (status: CheckStatus, message: string, fix?: string): AlignmentCheck => ({ id: 'alignment', status, message, fix, detail });

  if (input.dkimDomain !== undefined) {
    detail.dkimAligned = isAligned(input.dkimDomain, from, detail.adkim);
  }
  if (input.returnPathDomain !== undefined) {
    detail.spfAligned = isAligned(input.returnPathDomain, from, detail.aspf);
  }

  const missing = detail.sendingDomainsMissingFromSpf;
  const spfGap = missing.length > 0
    ? ` The SPF record of ${from} does not include ${missing.join(', ')} from sendingDomains, so mail that service sends with a Return-Path at ${from} fails SPF.`
    : '';
  const spfGapFix = missing.length > 0 ? ` Add include: terms for ${missing.join(', ')} to the SPF record of ${from}, or remove them from sendingDomains.` : '';
  const mode = (value: AlignmentMode): string => (value === 's' ? 'strict' : 'relaxed');

  if (detail.dkimAligned === undefined && detail.spfAligned === undefined) {
    return result(
      'unknown',
      `Alignment of ${from} was not checked: neither the DKIM signing domain nor the Return-Path domain is known.${spfGap}`,
      `Set "dkimSelector" on the stream in presend.config.json so the DKIM domain is known.${spfGapFix}`,
    );
  }
  if (detail.dkimAligned) {
    const status = spfGap ? 'warn' : 'pass';
    return result(status, `DKIM d=${normalize(input.dkimDomain ?? '')} aligns with From ${from} (${mode(detail.adkim)}).${spfGap}`, spfGapFix.trim() || undefined);
  }
  if (detail.spfAligned) {
    return result(
      'warn',
      `Only SPF aligns: Return-Path ${normalize(input.returnPathDomain ?? '')} matches From ${from} (${mode(detail.aspf)}), but SPF breaks when mail is forwarded.${spfGap}`,
      `Have the sending service sign with d=${from} (a custom DKIM domain) so DKIM aligns too.${spfGapFix}`,
    );
  }

  const identities = [
    input.dkimDomain !== undefined ? `DKIM d=${normalize(input.dkimDomain)} (${mode(detail.adkim)})` : undefined,
    input.returnPathDomain !== undefined ? `Return-Path ${normalize(input.returnPathDomain)} (${mode(detail.aspf)})` : undefined,
  ].filter((text) => text !== undefined);
  return result(
    'fail',
    `From ${from} aligns with neither ${identities.join(' nor ')}, so DMARC fails for this mail.${spfGap}`,
    `Have the sending service sign with d=${from} (a custom DKIM domain) or use a Return-Path under ${organizational(from)}.${spfGapFix}`,
  );
}

function findMissingFromSpf(sendingDomains: string[], spfIncludes: string[]): string[] {
  const included = new Set(spfIncludes.map((domain) => organizational(normalize(domain))));
  return sendingDomains.map(normalize).filter((domain) => !included.has(organizational(domain)));
}

function organizational(domain: string): string {
  return getDomain(domain) ?? domain;
}

function normalize(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}
