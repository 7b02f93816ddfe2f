import type { ReasonId, RowNote, Verdict } from './types';

/**
 * Verdict and risk score of a row from its reasons.
 *
 * Verdict: `exclude` when any reason other than `typo` and `role-account` is present, `review`
 * when only those are, `ok` otherwise.
 *
 * Risk, 0 to 5: the weight of the heaviest reason, plus 1 when there is more than one reason
 * or the DNS lookup gave no answer, capped at 5. Weights say how sure it is that the mail
 * fails or must not be sent: 5 it cannot arrive or is forbidden (bad syntax, reserved domain,
 * unknown top-level domain, null MX, suppressed); 4 it almost surely bounces or breaks consent
 * rules (no MX, missing consent); 3 throwaway or mistyped; 2 a role account or a second copy
 * of an address that itself may be fine.
 */

export const REASON_WEIGHTS: Record<ReasonId, number> = {
  'invalid-syntax': 5,
  'reserved-domain': 5,
  'invalid-tld': 5,
  'null-mx': 5,
  suppressed: 5,
  'no-mx': 4,
  'missing-consent': 4,
  disposable: 3,
  typo: 3,
  'role-account': 2,
  duplicate: 2,
};

const REVIEW_ONLY = new Set<ReasonId>(['typo', 'role-account']);

export function verdictOf(reasons: readonly ReasonId[]): Verdict {
  if (reasons.length === 0) return 'ok';
  return reasons.every((reason) => REVIEW_ONLY.has(reason)) ? 'review' : 'exclude';
}

export function riskOf(reasons: readonly ReasonId[], notes: readonly RowNote[] = []): number {
  const heaviest = reasons.reduce((max, reason) => Math.max(max, REASON_WEIGHTS[reason]), 0);
  const extra = reasons.length > 1 || notes.length > 0 ? 1 : 0;
  return Math.min(5, heaviest + extra);
}
