import type { ListFinding, ReasonId, RowResult } from './types';

/** Each row reason in words, for diagnostics, reports and the gate. */
export const REASON_TEXT: Record<ReasonId, string> = {
  'invalid-syntax': 'the address is not valid (RFC 5321/5322)',
  'reserved-domain': 'the domain is reserved for examples or testing and receives no mail',
  'invalid-tld': 'the top-level domain does not exist',
  typo: 'the domain looks like a typo of a major provider',
  disposable: 'the domain is a disposable, throwaway mailbox provider',
  'role-account': 'the address is a role account, not a person',
  duplicate: 'the address already appears earlier in the list',
  'no-mx': 'the domain has no mail server (no MX, A or AAAA record)',
  'null-mx': 'the domain publishes a null MX: it accepts no mail (RFC 7505)',
  suppressed: 'the address unsubscribed, bounced, complained or opted out',
  'missing-consent': 'the row has no marketing consent',
};

/** One sentence describing why a row needs attention. */
export function describeRow(row: RowResult): string {
  const parts = row.reasons.map((reason) => {
    if (reason === 'typo' && row.suggestion) {
      return `${REASON_TEXT.typo} (did you mean ${row.suggestion}?)`;
    }
    if (reason === 'duplicate' && row.firstLine !== undefined) {
      return `${REASON_TEXT.duplicate} (line ${row.firstLine})`;
    }
    return REASON_TEXT[reason];
  });
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** A list-level finding in words, with what to do about it. */
export function describeListFinding(finding: ListFinding): { title: string; reason: string; fix: string } {
  if (finding.id === 'phi-columns') {
    return {
      title: 'PHI columns in a marketing list',
      reason: `The list has health information columns (${finding.columns.join(', ')}) and is sent with a marketing template without documented authorization.`,
      fix: 'Remove the columns, or get HIPAA marketing authorizations (45 CFR 164.508(a)(3)) and declare "authorization: documented".',
    };
  }
  if (finding.id === 'missing-fields') {
    return {
      title: 'Merge fields the list lacks',
      reason: `The template uses merge fields the list has no column for: ${finding.fields.join(', ')}.`,
      fix: 'Add the columns to the list, or remove the merge tags from the template.',
    };
  }
  return {
    title: 'No consent column',
    reason: 'The list is sent with a marketing template but has no consent or opt-in column.',
    fix: 'Export the list with its consent column (consent, opted_in, marketing_consent, …).',
  };
}
