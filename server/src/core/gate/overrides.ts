import { GATE_CHECK_IDS, GateUsageError, type GateCheck, type GateOverride } from './types';

/**
 * Overrides let a person send despite a failed check, on the record: each names the check
 * and gives a reason, and the audit log keeps both. An override without a reason, for a
 * check that does not exist, or for a check already overridden is refused before anything
 * runs, so a typo never lets a send through silently and no reason typed is dropped.
 */
export function validateOverrides(overrides: readonly GateOverride[]): void {
  const known: readonly string[] = GATE_CHECK_IDS;
  const reasons = new Map<string, string>();
  for (const override of overrides) {
    const earlier = reasons.get(override.checkId);
    if (earlier !== undefined) {
      throw new GateUsageError(
        `The check "${override.checkId}" is overridden twice (reasons "${earlier}" and "${override.reason}"); give one override per check, with the reasons in one sentence.`,
      );
    }
    reasons.set(override.checkId, override.reason);
    if (!known.includes(override.checkId)) {
      throw new GateUsageError(`Unknown check "${override.checkId}" in an override; the checks are ${GATE_CHECK_IDS.join(', ')}.`);
    }
    if (override.reason.trim() === '') {
      throw new GateUsageError(`The override of "${override.checkId}" has no reason; give one, for example ${override.checkId}="approved by compliance, ticket 123".`);
    }
  }
}

/**
 * Marks failed checks that have an override as `overridden`, and returns the overrides that
 * applied. An override of a check that did not fail changes nothing and is not recorded.
 */
export function applyOverrides(checks: GateCheck[], overrides: readonly GateOverride[]): GateOverride[] {
  const applied: GateOverride[] = [];
  for (const check of checks) {
    const override = overrides.find((candidate) => candidate.checkId === check.id);
    if (override && check.status === 'fail') {
      check.status = 'overridden';
      check.overrideReason = override.reason.trim();
      applied.push({ checkId: check.id, reason: check.overrideReason });
    }
  }
  return applied;
}
