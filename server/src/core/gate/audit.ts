import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { canonicalJson, GENESIS_PREV, hashRecord, sha256Hex } from './audit-canonical';
import { readLastLine } from './audit-file';
import { withFileLock } from './audit-lock';

export { verifyAuditChain, type AuditProblem, type AuditProblemKind, type AuditVerification } from './audit-verify';

/**
 * The audit log of the pre-send gate: one JSON line per gate run in
 * `.presend/audit.jsonl`, each linked to the line before it by hash, so a later edit,
 * deletion or reordering shows up in `presend audit verify`. The file is only ever appended to.
 */

export const AUDIT_FILE = path.join('.presend', 'audit.jsonl');

export interface AuditFileRef {
  /** Workspace-relative, with forward slashes. */
  path: string;
  sha256: string;
}

export interface AuditRecord {
  version: 1;
  /** ISO 8601 time of the gate run. */
  time: string;
  template: AuditFileRef;
  list?: AuditFileRef;
  configSha256?: string;
  checks: { id: string; status: string }[];
  /** Checks the user overrode, with the reason they typed. */
  overrides: { checkId: string; reason: string }[];
  passed: boolean;
  /** SHA-256 of the previous line's text, or 64 zeros for the first record. */
  prev: string;
  /** SHA-256 of this record's canonical JSON without `hash`. */
  hash: string;
}

export interface AuditEntry {
  /** Absolute or workspace-relative path; the file is hashed when `sha256` is absent. */
  template: { path: string; sha256?: string };
  list?: { path: string; sha256?: string };
  configSha256?: string;
  checks: { id: string; status: string }[];
  overrides: { checkId: string; reason: string }[];
  passed: boolean;
  /** Defaults to now. */
  time?: Date;
}

/** Streams a file through SHA-256 and returns the hex digest. */
export function sha256File(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(filePath)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Appends one record to `<workspaceRoot>/.presend/audit.jsonl`, creating the folder, and
 * returns the record written. Appends from several processes are serialized by a lock file
 * beside the log, so each record links to the line that really precedes it.
 */
export async function appendAuditRecord(workspaceRoot: string, entry: AuditEntry): Promise<AuditRecord> {
  const root = path.resolve(workspaceRoot);
  const template = await toFileRef(root, entry.template);
  const list = entry.list ? await toFileRef(root, entry.list) : undefined;

  const directory = path.join(root, '.presend');
  const filePath = path.join(root, AUDIT_FILE);
  mkdirSync(directory, { recursive: true });

  return withFileLock(path.join(directory, 'audit.lock'), () => {
    const last = readLastLine(filePath);
    const unsigned: Omit<AuditRecord, 'hash'> = {
      version: 1,
      time: (entry.time ?? new Date()).toISOString(),
      template,
      list,
      configSha256: entry.configSha256,
      checks: entry.checks.map(({ id, status }) => ({ id, status })),
      overrides: entry.overrides.map(({ checkId, reason }) => ({ checkId, reason })),
      passed: entry.passed,
      prev: last ? sha256Hex(last.text) : GENESIS_PREV,
    };
    const record: AuditRecord = { ...unsigned, hash: hashRecord(unsigned) };

    // A cut-off last line gets its newline here, so the damage stays on its own line and
    // the new record links to it. One appendFileSync call is one write() with O_APPEND.
    // NOTE: O_APPEND keeps whole writes together on local file systems, not on NFS, which
    // is why the lock above, not the append mode alone, keeps lines from interleaving.
    const separator = last && !last.terminated ? '\n' : '';
    appendFileSync(filePath, `${separator}${canonicalJson(record)}\n`, { flag: 'a' });
    return record;
  });
}

async function toFileRef(root: string, file: { path: string; sha256?: string }): Promise<AuditFileRef> {
  const absolute = path.resolve(root, file.path);
  return {
    path: path.relative(root, absolute).split(path.sep).join('/'),
    sha256: file.sha256 ?? (await sha256File(absolute)),
  };
}
