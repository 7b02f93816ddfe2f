import type { RuleSetting } from '../core/config/types';
import type { MergeTagSyntax } from '../core/model/types';

/** The `presend.*` editor settings the server reads through `workspace/configuration`. */
export interface PresendSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  configPath?: string;
  mergeTags: { syntaxes?: MergeTagSyntax[] };
  maxFileSizeKb: number;
  debounceMs: number;
  dns: { enabled: boolean; servers: string[] };
  trace: { server: 'off' | 'messages' | 'verbose' };
  preview: { maskPhi: boolean };
}

export const DEFAULT_SETTINGS: PresendSettings = {
  enable: true,
  rules: {},
  mergeTags: {},
  maxFileSizeKb: 1024,
  debounceMs: 250,
  dns: { enabled: false, servers: [] },
  trace: { server: 'off' },
  preview: { maskPhi: false },
};

/** Fills missing or mistyped settings with defaults, so a bad user setting never stops checking. */
export function normalizeSettings(raw: unknown): PresendSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<PresendSettings>;
  const number = (candidate: unknown, fallback: number) => (typeof candidate === 'number' && candidate >= 0 ? candidate : fallback);
  return {
    enable: value.enable !== false,
    rules: value.rules && typeof value.rules === 'object' ? value.rules : {},
    configPath: typeof value.configPath === 'string' && value.configPath.trim() !== '' ? value.configPath : undefined,
    mergeTags: { syntaxes: Array.isArray(value.mergeTags?.syntaxes) && value.mergeTags.syntaxes.length > 0 ? value.mergeTags.syntaxes : undefined },
    maxFileSizeKb: number(value.maxFileSizeKb, DEFAULT_SETTINGS.maxFileSizeKb),
    debounceMs: number(value.debounceMs, DEFAULT_SETTINGS.debounceMs),
    dns: {
      enabled: value.dns?.enabled === true,
      servers: Array.isArray(value.dns?.servers) ? value.dns.servers.filter((server): server is string => typeof server === 'string') : [],
    },
    trace: { server: value.trace?.server === 'messages' || value.trace?.server === 'verbose' ? value.trace.server : 'off' },
    preview: { maskPhi: value.preview?.maskPhi === true },
  };
}
