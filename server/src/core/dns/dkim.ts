import { createPublicKey, type KeyObject } from 'node:crypto';
import type { DnsResolver } from './resolver';
import { describeUnanswered, isUnanswered, type AuthCheck, type CheckStatus } from './check';
import { parseTagList } from './tags';

/**
 * The DKIM check of the pre-send gate: the key record at `selector._domainkey.domain` must
 * hold a usable public key (RFC 6376 3.6.1; Ed25519 keys per RFC 8463).
 */

export interface DkimDetail {
  domain: string;
  selector?: string;
  /** The DNS name queried, `selector._domainkey.domain`. */
  name?: string;
  /** The key record evaluated. */
  record?: string;
  /** Number of TXT records at the name. */
  recordCount: number;
  keyType?: string;
  /** RSA modulus length, or 256 for Ed25519. */
  keyBits?: number;
  /** Encoding of `p=`: SubjectPublicKeyInfo, a bare PKCS#1 RSAPublicKey, or 32 raw Ed25519 bytes. */
  keyFormat?: 'spki' | 'pkcs1' | 'raw';
  /** True when the record has `t=y` (testing), which tells receivers to treat signed mail like unsigned mail. */
  testing: boolean;
}

export type DkimCheck = AuthCheck<'dkim', DkimDetail>;

const MIN_RSA_BITS = 1024;
const RECOMMENDED_RSA_BITS = 2048;
const ED25519_KEY_BYTES = 32;
/** DER prefix that wraps 32 raw Ed25519 bytes into SubjectPublicKeyInfo (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Checks the DKIM key record for `selector` at `domain`. Never throws. */
export async function checkDkim(resolver: DnsResolver, domain: string, selector: string | undefined): Promise<DkimCheck> {
  const domainName = domain.toLowerCase().replace(/\.$/, '');
  const detail: DkimDetail = { domain: domainName, recordCount: 0, testing: false };
  const result = (status: CheckStatus, message: string, fix?: string): DkimCheck => ({ id: 'dkim', status, message, fix, detail });

  const trimmed = selector?.trim() ?? '';
  if (trimmed === '') {
    return result(
      'unknown',
      `DKIM for ${domainName} was not checked because no selector is configured.`,
      'Set "dkimSelector" on the stream in presend.config.json (for example streams.marketing.dkimSelector) to the s= value of the DKIM-Signature header your sending service adds.',
    );
  }
  if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*$/.test(trimmed)) {
    return result(
      'unknown',
      `DKIM selector "${trimmed}" is not a valid DNS label, so it was not looked up.`,
      'Correct "dkimSelector" in presend.config.json: letters, digits, hyphens and dots only, as in the s= value of the DKIM-Signature header.',
    );
  }

  detail.selector = trimmed;
  detail.name = `${trimmed}._domainkey.${domainName}`;
  const name = detail.name;
  const answer = await resolver.txt(name);

  if (isUnanswered(answer)) {
    return result('unknown', `DKIM for ${domainName} could not be checked: ${describeUnanswered('TXT', name, answer)}.`, 'Run the check again when DNS answers; a timeout is not a failure.');
  }
  if (answer.status !== 'ok' || answer.records.length === 0) {
    return result(
      'fail',
      `No DKIM key record at ${name}.`,
      `Publish the public key your sending service gives you as a TXT record at ${name}, or correct "dkimSelector" if the service signs with another selector.`,
    );
  }

  detail.recordCount = answer.records.length;
  detail.record = answer.records.find((record) => /(^|;)\s*p\s*=/.test(record)) ?? answer.records[0];
  const key = judgeKeyRecord(detail.record, name, detail);
  if (key.status !== 'pass' || detail.recordCount === 1) {
    return result(key.status, key.message, key.fix);
  }

  return result(
    'warn',
    `${key.message} ${name} has ${detail.recordCount} TXT records, and receivers may use any of them.`,
    `Keep one key record at ${name}; publish a new key under a new selector instead.`,
  );
}

interface Judgement {
  status: CheckStatus;
  message: string;
  fix?: string;
}

function judgeKeyRecord(record: string, name: string, detail: DkimDetail): Judgement {
  const parsed = parseTagList(record);
  if (!parsed.ok) {
    return { status: 'fail', message: `DKIM record at ${name} is malformed: ${parsed.error}.`, fix: `Republish the TXT record at ${name} exactly as your sending service gives it.` };
  }

  const { tags, order } = parsed;
  const version = tags.get('v');
  if (version !== undefined && (version !== 'DKIM1' || order[0] !== 'v')) {
    return { status: 'fail', message: `DKIM record at ${name} has "v=${version}"; when present it must be the first tag and read "v=DKIM1" (RFC 6376 3.6.1).`, fix: `Start the TXT record at ${name} with "v=DKIM1;" or drop the v= tag.` };
  }

  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  detail.keyType = keyType;
  detail.testing = (tags.get('t') ?? '').split(':').some((flag) => flag.trim() === 'y');
  if (keyType !== 'rsa' && keyType !== 'ed25519') {
    return { status: 'fail', message: `DKIM record at ${name} has the unknown key type "k=${keyType}"; receivers accept rsa and ed25519.`, fix: `Publish an rsa or ed25519 key at ${name}.` };
  }

  const p = tags.get('p');
  if (p === undefined) {
    return { status: 'fail', message: `DKIM record at ${name} has no p= tag, so it contains no public key.`, fix: `Add the public key as p=... to the TXT record at ${name}.` };
  }
  const base64 = p.replace(/\s+/g, '');
  if (base64 === '') {
    return { status: 'fail', message: `DKIM key at ${name} is revoked (empty p=), so receivers reject every signature made with selector "${detail.selector}".`, fix: `Publish the current public key at ${name}, or configure the selector your sending service signs with now.` };
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    return malformed(name, 'p= is not valid base64');
  }

  const bytes = Buffer.from(base64, 'base64');
  const judged = keyType === 'rsa' ? judgeRsa(bytes, name, detail) : judgeEd25519(bytes, name, detail);
  if (judged.status !== 'pass' || !detail.testing) {
    return judged;
  }
  return {
    status: 'warn',
    message: `${judged.message} The record has t=y (testing), so receivers may treat signed mail as unsigned.`,
    fix: `Remove t=y from the TXT record at ${name} once signing works.`,
  };
}

function judgeRsa(bytes: Buffer, name: string, detail: DkimDetail): Judgement {
  const key = importRsa(bytes, detail);
  if (!key || key.asymmetricKeyType !== 'rsa') {
    return malformed(name, 'p= is not an RSA public key (SubjectPublicKeyInfo or RSAPublicKey, DER)');
  }

  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  detail.keyBits = bits;
  if (bits < MIN_RSA_BITS) {
    return { status: 'fail', message: `DKIM key at ${name} is RSA ${bits}-bit; receivers reject keys under ${MIN_RSA_BITS} bits (RFC 8301).`, fix: `Generate a ${RECOMMENDED_RSA_BITS}-bit key at your sending service and publish it under a new selector.` };
  }
  if (bits < RECOMMENDED_RSA_BITS) {
    return { status: 'warn', message: `DKIM key at ${name} is RSA ${bits}-bit; ${RECOMMENDED_RSA_BITS} bits is the recommended size (RFC 8301).`, fix: `Generate a ${RECOMMENDED_RSA_BITS}-bit key at your sending service and publish it under a new selector.` };
  }
  return { status: 'pass', message: `DKIM key at ${name} is a valid RSA ${bits}-bit key.` };
}

/** RFC 6376 names RSAPublicKey, but keys are published as SubjectPublicKeyInfo in practice, so both are accepted. */
function importRsa(bytes: Buffer, detail: DkimDetail): KeyObject | undefined {
  for (const format of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: bytes, format: 'der', type: format });
      detail.keyFormat = format;
      return key;
    } catch {
      // Not this encoding; try the next one.
    }
  }
  return undefined;
}

function judgeEd25519(bytes: Buffer, name: string, detail: DkimDetail): Judgement {
  if (bytes.length !== ED25519_KEY_BYTES) {
    return malformed(name, `an ed25519 p= must be ${ED25519_KEY_BYTES} raw bytes (RFC 8463), this one is ${bytes.length}`);
  }
  try {
    createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
  } catch {
    return malformed(name, 'p= is not an Ed25519 public key');
  }

  detail.keyFormat = 'raw';
  detail.keyBits = 256;
  return {
    status: 'pass',
    message: `DKIM key at ${name} is a valid Ed25519 key. Receivers without Ed25519 support ignore it, so sign with an RSA key as well (RFC 8463).`,
  };
}

function malformed(name: string, reason: string): Judgement {
  return { status: 'fail', message: `DKIM key at ${name} is malformed: ${reason}.`, fix: `Copy the public key from your sending service again into p= of the TXT record at ${name}.` };
}
