import type { Readable } from 'node:stream';
import type { DnsResolver } from '../dns/resolver';

/**
 * The public shapes of recipient list verification. Reason ids and list finding ids are a
 * public contract: reports, the CLI's JSON and the docs all use them, so they never change
 * meaning once released.
 */

export type ReasonId =
  | 'invalid-syntax'
  | 'reserved-domain'
  | 'invalid-tld'
  | 'typo'
  | 'disposable'
  | 'role-account'
  | 'duplicate'
  | 'no-mx'
  | 'null-mx'
  | 'suppressed'
  | 'missing-consent';

export const REASON_IDS: readonly ReasonId[] = [
  'invalid-syntax',
  'reserved-domain',
  'invalid-tld',
  'typo',
  'disposable',
  'role-account',
  'duplicate',
  'no-mx',
  'null-mx',
  'suppressed',
  'missing-consent',
];

export type Verdict = 'ok' | 'review' | 'exclude';

/** Notes qualify a row without judging it, such as a DNS lookup that timed out. */
export type RowNote = 'dns-unknown';

export interface RowResult {
  /** Physical line (1-based) in the source file where the row starts. */
  line: number;
  /** The address cell as written. */
  email: string;
  /** Local part as written, `@`, the domain lower-cased in its ASCII (A-label) form; absent when the syntax is invalid. */
  normalized?: string;
  verdict: Verdict;
  reasons: ReasonId[];
  /** The likely intended address, for `typo`. */
  suggestion?: string;
  /** 0 (nothing found) to 5 (certain to fail or forbidden to send); see risk.ts. */
  risk: number;
  /** Line of the first row with the same address, for `duplicate`. */
  firstLine?: number;
  notes?: RowNote[];
}

export type ListFinding =
  | { id: 'phi-columns'; columns: string[] }
  | { id: 'missing-fields'; fields: string[] }
  | { id: 'no-consent-column' };

export type ListEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ListSummary {
  /** Data rows read, blank lines not counted. */
  rows: number;
  verdicts: Record<Verdict, number>;
  /** Rows per reason id; a row with two reasons counts under both. */
  reasons: Record<ReasonId, number>;
  encoding: ListEncoding;
  delimiter: string;
  emailColumn: string;
  headers: string[];
  /** Things about the file a person should know that are not row findings (encoding fallback, ragged rows, duplicate headers). */
  notices: string[];
  listFindings: ListFinding[];
  /** Rows whose DNS lookup timed out or failed; they are judged without DNS. */
  dnsUnknown: number;
  /**
   * Records the CSV parser could not read (an unclosed quote) and skipped. Their rows were not
   * verified and are in neither output file, so a list with skipped records is not fully verified.
   */
  skippedRecords: number;
  /** Addresses read from the suppression file or list; absent when none was given. */
  suppressionAddresses?: number;
}

export interface ListReport {
  summary: ListSummary;
  /** Every row's result when `collectRows` is on; empty otherwise. */
  rows: RowResult[];
}

export type ListCategory = 'marketing' | 'transactional';

/** Facts about the send from its template, as plain values, so this module never reads templates. */
export interface TemplateContext {
  category?: ListCategory;
  authorization?: 'documented';
  /** Merge field names the template uses, as written in the template. */
  mergeFields?: string[];
}

export interface DnsCheckOptions {
  /** A resolver to use; otherwise one is created from `servers`. */
  resolver?: DnsResolver;
  /** `HOST:PORT` entries; the system's resolvers when absent. */
  servers?: string[];
  timeoutMs?: number;
  tries?: number;
  concurrency?: number;
}

export interface VerifyListOptions {
  /** The address column's header; found from common header names when absent. */
  emailColumn?: string;
  template?: TemplateContext;
  /** Unsubscribes, bounces and complaints: a CSV with an address column, or one address per line. */
  suppression?: { path: string } | { addresses: Iterable<string> };
  /** DNS checks (MX, null MX, A/AAAA fallback); off when absent or false. */
  dns?: false | DnsCheckOptions;
  /** Keep every row result in the report; on by default. Turn off for big lists and use `onRow`. */
  collectRows?: boolean;
  /**
   * Called once with the header row, before any `onRow`. `bom` is true when output should
   * carry a UTF-8 byte order mark because the source was not plain UTF-8, as far as the file
   * has been read. The final decision is `needsBom(summary.encoding)`.
   */
  onHeader?: (headers: readonly string[], format: { delimiter: string; bom: boolean }) => void;
  /**
   * Called for each row in file order with its result and its cells as read. A returned
   * promise pauses reading until it settles.
   */
  onRow?: (row: RowResult, cells: readonly string[]) => void | Promise<void>;
}

export type ListInput = { path: string } | { stream: Readable; name: string };

export interface ListProgress {
  rows: number;
  /** Bytes read from the source so far. */
  bytes: number;
}
