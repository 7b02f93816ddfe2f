import { readFileSync } from 'node:fs';
import { GENESIS_PREV, hashRecord, sha256Hex } from './audit-canonical';

/**
 * Verifies an audit log line by line. Each record's `hash` covers its own content, so an
 * edited record fails its hash. Each record's `prev` is the hash of the line before it, so a
 * deleted, inserted or reordered line breaks the link of the line after it.
 */

export type AuditProblemKind = 'bad-json' | 'hash-mismatch' | 'broken-link' | 'missing-field';

export interface AuditProblem {
  /** 1-based line number in the file. */
  line: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Lines in the file, damaged ones included. */
  records: number;
  problems: AuditProblem[];
  /** Hash of the last line; write it down elsewhere to detect later removal of records from the end. */
  lastLineSha256?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Verifies the chain in `filePath`. Throws only when the file cannot be read. */
export function verifyAuditChain(filePath: string): AuditVerification {
  const content = readFileSync(filePath, 'utf8');
  const lines = content.split('\n');
  const terminated = content.endsWith('\n');
  if (terminated || content === '') {
    lines.pop();
  }

  const problems: AuditProblem[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const expectedPrev = index === 0 ? GENESIS_PREV : sha256Hex(lines[index - 1]);
    const isLastUnterminated = index === lines.length - 1 && !terminated;
    problems.push(...verifyLine(text, line, expectedPrev, isLastUnterminated));
  });

  return {
    ok: problems.length === 0,
    records: lines.length,
    problems,
    lastLineSha256: lines.length > 0 ? sha256Hex(lines[lines.length - 1]) : undefined,
  };
}

function verifyLine(text: string, line: number, expectedPrev: string, isLastUnterminated: boolean): AuditProblem[] {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const cause = isLastUnterminated ? 'The last line has no newline, so its write was cut off (truncated).' : (error as Error).message;
    return [{ line, kind: 'bad-json', message: `Line ${line} is not valid JSON. ${cause}` }];
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return [{ line, kind: 'bad-json', message: `Line ${line} is JSON but not an object, so it is not an audit record.` }];
  }

  const fields = record as Record<string, unknown>;
  const problems: AuditProblem[] = [];
  const missing = findMissingFields(fields);
  if (missing.length > 0) {
    problems.push({ line, kind: 'missing-field', message: `Line ${line} is missing these fields or has invalid values in them: ${missing.join(', ')}.` });
  }

  if (typeof fields.hash === 'string' && fields.hash !== hashRecord(fields)) {
    problems.push({ line, kind: 'hash-mismatch', message: `Line ${line} does not match its hash, so the record was changed after it was written.` });
  }

  if (typeof fields.prev === 'string' && fields.prev !== expectedPrev) {
    const message = line === 1
      ? 'Line 1 has a prev hash, but the first record must have 64 zeros, so records before it were deleted.'
      : `Line ${line}'s prev hash does not match line ${line - 1}, so a record between them was deleted or inserted, lines were reordered, or line ${line - 1} was edited.`;
    problems.push({ line, kind: 'broken-link', message });
  }

  return problems;
}

function findMissingFields(record: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const check = (name: string, valid: boolean): void => {
    if (!valid) missing.push(name);
  };
  const template = record.template as Record<string, unknown> | undefined;
  const list = record.list as Record<string, unknown> | undefined;

  check('version', record.version === 1);
  check('time', typeof record.time === 'string' && !Number.isNaN(Date.parse(record.time)));
  check('template.path', typeof template?.path === 'string');
  check('template.sha256', typeof template?.sha256 === 'string' && HEX64.test(template.sha256));
  if (list !== undefined) {
    check('list.path', typeof list?.path === 'string');
    check('list.sha256', typeof list?.sha256 === 'string' && HEX64.test(list.sha256));
  }
  check('checks', Array.isArray(record.checks));
  check('overrides', Array.isArray(record.overrides));
  check('passed', typeof record.passed === 'boolean');
  check('prev', typeof record.prev === 'string' && HEX64.test(record.prev));
  check('hash', typeof record.hash === 'string' && HEX64.test(record.hash));
  return missing;
}
