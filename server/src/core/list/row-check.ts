import { checkAddress } from './check-address';
import { isSuppressingStatus, parseFlag, type ColumnMap } from './columns';
import type { MailDomainStatus } from './dns-check';
import { REASON_IDS, type ReasonId, type RowNote, type RowResult, type TemplateContext } from './types';
import { riskOf, verdictOf } from './risk';
import { SeenAddresses } from './seen-addresses';

/**
 * Judges one row from its cells: the address checks plus the list-wide ones (duplicates,
 * suppression, opt-out and consent columns). DNS comes after, through `finishRow`.
 *
 * Opt-out columns and suppressing status values count for every send but transactional:
 * an appointment reminder still goes to a patient who unsubscribed from newsletters.
 * Consent columns count only for marketing.
 */
export function createRowChecker(
  columns: ColumnMap,
  template: TemplateContext,
  suppressed: ReadonlySet<string>,
): (line: number, cells: readonly string[]) => { row: RowResult; lookupDomain?: string } {
  const seen = new SeenAddresses();
  const marketing = template.category === 'marketing';
  const honourOptOut = template.category !== 'transactional';

  return (line, cells) => {
    const email = cells[columns.email] ?? '';
    const check = checkAddress(email);
    const reasons = check.reasons;
    const row: RowResult = { line, email, normalized: check.normalized, verdict: 'ok', reasons, risk: 0 };
    if (check.suggestion) row.suggestion = check.suggestion;

    if (check.key !== undefined) {
      const firstLine = seen.firstLine(check.key, line);
      if (firstLine !== undefined) {
        reasons.push('duplicate');
        row.firstLine = firstLine;
      }
      if (suppressed.has(check.key)) reasons.push('suppressed');
    }
    if (honourOptOut && !reasons.includes('suppressed') && optedOut(cells, columns)) reasons.push('suppressed');
    if (marketing && columns.consent.length > 0 && !columns.consent.some((index) => parseFlag(cells[index]))) {
      reasons.push('missing-consent');
    }
    return { row, lookupDomain: check.lookupDomain };
  };
}

/** Adds the DNS outcome, then sets the verdict and risk. */
export function finishRow(row: RowResult, status: MailDomainStatus | undefined): RowResult {
  if (status === 'no-mx' || status === 'null-mx') row.reasons.push(status);
  const notes: RowNote[] = status === 'unknown' ? ['dns-unknown'] : [];
  if (notes.length > 0) row.notes = notes;
  if (row.reasons.length > 1) row.reasons.sort(byReasonOrder);
  row.verdict = verdictOf(row.reasons);
  row.risk = riskOf(row.reasons, notes);
  return row;
}

function byReasonOrder(a: ReasonId, b: ReasonId): number {
  return REASON_IDS.indexOf(a) - REASON_IDS.indexOf(b);
}

function optedOut(cells: readonly string[], columns: ColumnMap): boolean {
  return columns.optOut.some((index) => parseFlag(cells[index])) || columns.status.some((index) => isSuppressingStatus(cells[index]));
}
