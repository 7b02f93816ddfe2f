import { createHash } from 'node:crypto';

/**
 * Canonical JSON for audit hashes: object keys sorted by UTF-16 code unit, no whitespace,
 * keys with undefined values left out, as JSON.stringify writes them. The same record always
 * serializes to the same bytes, so its hash does not depend on key order in memory.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `prev` of the first record, which has no line before it. */
export const GENESIS_PREV = '0'.repeat(64);

/** The hash a record must carry: SHA-256 of its canonical JSON without the `hash` key. */
export function hashRecord(record: Record<string, unknown>): string {
  const { hash: _hash, ...rest } = record;
  return sha256Hex(canonicalJson(rest));
}
