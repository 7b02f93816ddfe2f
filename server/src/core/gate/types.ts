import type { ResolvedConfig } from '../config/types';
import type { Category } from '../model/types';
import type { AuditRecord } from './audit';

/**
 * The shapes of the pre-send gate. Check ids and statuses are a public contract: the CLI's
 * JSON, the audit log and `--override` all name checks by id, so an id never changes meaning.
 */

export const GATE_CHECK_IDS = [
  'template',
  'rendered-html',
  'list',
  'spf',
  'dkim',
  'dmarc',
  'alignment',
  'stream-separation',
  'list-unsubscribe',
] as const;

export type GateCheckId = (typeof GATE_CHECK_IDS)[number];

/** Titles of the checks in the report panel and the text output. */
export const GATE_CHECK_TITLES: Record<GateCheckId, string> = {
  template: 'Template findings',
  'rendered-html': 'Compiled HTML',
  list: 'Recipient list',
  spf: 'SPF record',
  dkim: 'DKIM key',
  dmarc: 'DMARC policy',
  alignment: 'DMARC alignment',
  'stream-separation': 'Separate sending streams',
  'list-unsubscribe': 'One-click unsubscribe header',
};

/** `overridden`: the check failed and the user overrode it with a reason; it counts as passed. */
export type GateStatus = 'pass' | 'warn' | 'fail' | 'skipped' | 'overridden';

/** A place in a file; line and column are 1-based, the column counts UTF-16 code units. */
export interface GateLocation {
  /** Absolute path. */
  path: string;
  line: number;
  column: number;
}

export interface GateCheck {
  id: GateCheckId;
  status: GateStatus;
  /** The reason for the status. */
  message: string;
  /** The change that makes the check pass. */
  fix?: string;
  location?: GateLocation;
  /** The reason the user gave, when `status` is `overridden`. */
  overrideReason?: string;
  /** For the `list` check: rows per verdict, for the report's chart. */
  verdicts?: { ok: number; review: number; exclude: number };
}

export interface GateOverride {
  checkId: string;
  reason: string;
}

export interface GateDnsOptions {
  enabled: boolean;
  /** `HOST:PORT` entries; the system's resolvers when absent or empty. */
  servers?: string[];
  /** Per-query timeout; the resolver's default (3 s) when absent. */
  timeoutMs?: number;
  /** Attempts per query; the resolver's default (2) when absent. */
  tries?: number;
}

export interface GateInput {
  /** Absolute path of the template. */
  templatePath: string;
  /** The template's text as it is in the editor; read with `readFile` when absent. */
  text?: string;
  /** Folder the audit log is written to and paths in messages are relative to. */
  workspaceRoot: string;
  /** Folder whose `.presend/audit.jsonl` receives the record, when not `workspaceRoot` (tests over read-only corpora). */
  auditRoot?: string;
  config: ResolvedConfig;
  dns: GateDnsOptions;
  overrides: GateOverride[];
  /** Reads a file, undefined when it does not exist (includes, the template when `text` is absent). */
  readFile: (absolutePath: string) => string | undefined;
  signal?: AbortSignal;
}

export interface GateReport {
  /** True when no check failed; overridden checks count as passed. */
  passed: boolean;
  template: {
    /** Relative to the workspace root, with `/` separators. */
    path: string;
    category: Category;
    /** The sender address the DNS checks used, when one was known. */
    from?: string;
  };
  checks: GateCheck[];
  /** The record appended to `.presend/audit.jsonl` for this run. */
  auditRecord?: AuditRecord;
}

/**
 * A problem with what the caller asked for (an override without a reason, an unknown check
 * id, a template that does not exist). The message names the value and the fix. The CLI
 * exits with code 2 on it, and the language server returns an InvalidParams error.
 */
export class GateUsageError extends Error {}
