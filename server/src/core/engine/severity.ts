import type { RuleSetting } from '../config/types';
import type { RuleMeta, SeveritySetting } from './rule';

export interface EffectiveSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Combines a rule's defaults with the user's setting, which may be a severity or `{severity, options}`. */
export function effectiveSetting(meta: RuleMeta, setting: RuleSetting | undefined): EffectiveSetting {
  const options = { ...(meta.defaultOptions ?? {}) };
  if (setting === undefined) {
    return { severity: meta.defaultSeverity, options };
  }
  if (typeof setting === 'string') {
    return { severity: setting, options };
  }
  return {
    severity: setting.severity ?? meta.defaultSeverity,
    options: { ...options, ...(setting.options ?? {}) },
  };
}
