import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createResolver, type DnsResolver } from '../../../server/src/core/dns/resolver';
import { checkDkim } from '../../../server/src/core/dns/dkim';
import { startDnsServer, type TestDnsServer } from '../../support/dns-server';

/** Base64 of a fresh RSA public key, as SubjectPublicKeyInfo DER or PKCS#1 DER. */
function rsaKey(bits: number, type: 'spki' | 'pkcs1' = 'spki'): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ format: 'der', type }).toString('base64');
}

/** Base64 of a fresh Ed25519 public key as the 32 raw bytes RFC 8463 publishes. */
function ed25519Key(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

/** Splits a TXT record into the 255-byte character strings DNS carries (RFC 1035 3.3.14). */
function chunks(text: string): string[] {
  return text.match(/.{1,255}/g) ?? [];
}

describe('checkDkim', () => {
  let server: TestDnsServer;
  let resolver: DnsResolver;
  const rsa2048 = rsaKey(2048);

  before(async () => {
    // A 2048-bit key is about 400 base64 characters, over the 255-byte limit of one TXT string.
    const split = [`v=DKIM1; k=rsa; p=${rsa2048.slice(0, 200)}`, rsa2048.slice(200)];
    server = await startDnsServer(
      {
        's2048._domainkey.example.org': { txt: [split] },
        's1024._domainkey.example.org': { txt: [`v=DKIM1; k=rsa; p=${rsaKey(1024)}`] },
        's512._domainkey.example.org': { txt: [`v=DKIM1; p=${rsaKey(512)}`] },
        'pkcs1._domainkey.example.org': { txt: [chunks(`p=${rsaKey(2048, 'pkcs1')}`)] },
        'bad64._domainkey.example.org': { txt: ['v=DKIM1; k=rsa; p=not*base64!'] },
        'garbage._domainkey.example.org': { txt: [`v=DKIM1; k=rsa; p=${Buffer.from('not a key at all').toString('base64')}`] },
        'revoked._domainkey.example.org': { txt: ['v=DKIM1; k=rsa; p='] },
        'ed._domainkey.example.org': { txt: [`v=DKIM1; k=ed25519; p=${ed25519Key()}`] },
        'edshort._domainkey.example.org': { txt: [`v=DKIM1; k=ed25519; p=${Buffer.alloc(16, 7).toString('base64')}`] },
        'testing._domainkey.example.org': { txt: [chunks(`v=DKIM1; t=y; p=${rsa2048}`)] },
        'wrongv._domainkey.example.org': { txt: [chunks(`k=rsa; v=DKIM1; p=${rsa2048}`)] },
        'nop._domainkey.example.org': { txt: ['v=DKIM1; k=rsa'] },
        'dsa._domainkey.example.org': { txt: [chunks(`v=DKIM1; k=dsa; p=${rsa2048}`)] },
        'slow._domainkey.example.org': {},
      },
      ['slow._domainkey.example.org'],
    );
    resolver = createResolver({ servers: [server.address], timeoutMs: 300, tries: 1 });
  });

  after(async () => {
    await server.close();
  });

  test('RSA 2048 passes across split strings', async () => {
    const result = await checkDkim(resolver, 'example.org', 's2048');
    assert.equal(result.id, 'dkim');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.name, 's2048._domainkey.example.org');
    assert.equal(result.detail.keyType, 'rsa');
    assert.equal(result.detail.keyBits, 2048);
    assert.equal(result.detail.keyFormat, 'spki');
  });

  test('RSA 1024 warns', async () => {
    const result = await checkDkim(resolver, 'example.org', 's1024');
    assert.equal(result.status, 'warn');
    assert.equal(result.detail.keyBits, 1024);
    assert.match(result.fix ?? '', /2048-bit/);
  });

  test('RSA 512 fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 's512');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.keyBits, 512);
  });

  test('PKCS#1 RSA key is accepted', async () => {
    const result = await checkDkim(resolver, 'example.org', 'pkcs1');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.keyFormat, 'pkcs1');
    assert.equal(result.detail.keyBits, 2048);
  });

  test('malformed key fails', async () => {
    const badBase64 = await checkDkim(resolver, 'example.org', 'bad64');
    assert.equal(badBase64.status, 'fail');
    assert.match(badBase64.message, /malformed: p= is not valid base64/);

    const notAKey = await checkDkim(resolver, 'example.org', 'garbage');
    assert.equal(notAKey.status, 'fail');
    assert.match(notAKey.message, /malformed: p= is not an RSA public key/);
  });

  test('empty p= fails as revoked', async () => {
    const result = await checkDkim(resolver, 'example.org', 'revoked');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /revoked/);
  });

  test('missing record fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 'absent');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /No DKIM key record at absent\._domainkey\.example\.org/);
  });

  test('ed25519 key passes', async () => {
    const result = await checkDkim(resolver, 'example.org', 'ed');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.keyType, 'ed25519');
    assert.equal(result.detail.keyBits, 256);
    assert.equal(result.detail.keyFormat, 'raw');
  });

  test('ed25519 key of wrong length fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 'edshort');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /must be 32 raw bytes .* this one is 16/);
  });

  test('t=y warns', async () => {
    const result = await checkDkim(resolver, 'example.org', 'testing');
    assert.equal(result.status, 'warn');
    assert.equal(result.detail.testing, true);
  });

  test('v= not first fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 'wrongv');
    assert.equal(result.status, 'fail');
  });

  test('record without p= fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 'nop');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /no p= tag/);
  });

  test('unknown key type fails', async () => {
    const result = await checkDkim(resolver, 'example.org', 'dsa');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.keyType, 'dsa');
  });

  test('no selector is unknown with a config fix', async () => {
    const result = await checkDkim(resolver, 'example.org', undefined);
    assert.equal(result.status, 'unknown');
    assert.match(result.fix ?? '', /dkimSelector/);
    assert.equal(server.queries.some((query) => query.includes('_domainkey') && query.includes('undefined')), false);
  });

  test('invalid selector is unknown', async () => {
    const result = await checkDkim(resolver, 'example.org', 'two words');
    assert.equal(result.status, 'unknown');
    assert.equal(result.detail.name, undefined);
  });

  test('timeout is unknown', async () => {
    const result = await checkDkim(resolver, 'example.org', 'slow');
    assert.equal(result.status, 'unknown');
    assert.match(result.message, /TXT slow\._domainkey\.example\.org timed out/);
  });
});
