import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createResolver, type DnsResolver } from '../../../server/src/core/dns/resolver';
import { checkDmarc } from '../../../server/src/core/dns/dmarc';
import { startDnsServer, type TestDnsServer } from '../../support/dns-server';

describe('checkDmarc', () => {
  let server: TestDnsServer;
  let resolver: DnsResolver;

  before(async () => {
    server = await startDnsServer(
      {
        '_dmarc.example.org': { txt: ['v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:dmarc@example.org; adkim=s'] },
        '_dmarc.monitor.example': { txt: ['v=DMARC1; p=none; rua=mailto:reports@monitor.example'] },
        '_dmarc.two.example': { txt: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
        '_dmarc.nop.example': { txt: ['v=DMARC1; rua=mailto:reports@nop.example'] },
        '_dmarc.badp.example': { txt: ['v=DMARC1; p=block'] },
        '_dmarc.dup.example': { txt: ['v=DMARC1; p=none; p=reject'] },
        '_dmarc.lowercase.example': { txt: ['v=dmarc1; p=reject'] },
        '_dmarc.badtags.example': { txt: ['v=DMARC1; p=reject; pct=150; aspf=x'] },
        '_dmarc.other.example': { txt: ['some-verification=made-up-token'] },
        '_dmarc.slow.example': {},
      },
      ['_dmarc.slow.example'],
    );
    resolver = createResolver({ servers: [server.address], timeoutMs: 300, tries: 1 });
  });

  after(async () => {
    await server.close();
  });

  test('record at the domain passes', async () => {
    const result = await checkDmarc(resolver, 'example.org', { marketing: true });
    assert.equal(result.id, 'dmarc');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.source, 'domain');
    assert.equal(result.detail.recordName, '_dmarc.example.org');
    assert.equal(result.detail.policy, 'quarantine');
    assert.equal(result.detail.effectivePolicy, 'quarantine');
    assert.equal(result.detail.pct, 50);
    assert.deepEqual(result.detail.rua, ['mailto:dmarc@example.org']);
    assert.equal(result.detail.adkim, 's');
    assert.equal(result.detail.aspf, undefined);
  });

  test('subdomain falls back to the organizational domain', async () => {
    const result = await checkDmarc(resolver, 'news.example.org', { marketing: true });
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.source, 'organizational');
    assert.equal(result.detail.recordName, '_dmarc.example.org');
    assert.equal(result.detail.effectivePolicy, 'reject');
    assert.deepEqual(
      server.queries.filter((query) => query.startsWith('TXT _dmarc.') && query.endsWith('example.org')),
      ['TXT _dmarc.example.org', 'TXT _dmarc.news.example.org'],
    );
  });

  test('missing record fails', async () => {
    const result = await checkDmarc(resolver, 'mail.absent.example', { marketing: false });
    assert.equal(result.status, 'fail');
    assert.match(result.message, /_dmarc\.mail\.absent\.example or _dmarc\.absent\.example/);
    assert.match(result.fix ?? '', /_dmarc\.absent\.example/);
  });

  test('non-DMARC TXT record counts as missing', async () => {
    const result = await checkDmarc(resolver, 'other.example', { marketing: false });
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.detail.records, []);
  });

  test('p=none warns for marketing', async () => {
    const result = await checkDmarc(resolver, 'monitor.example', { marketing: true });
    assert.equal(result.status, 'warn');
    assert.equal(result.detail.effectivePolicy, 'none');
    assert.match(result.fix ?? '', /p=quarantine/);
  });

  test('p=none passes for transactional', async () => {
    const result = await checkDmarc(resolver, 'monitor.example', { marketing: false });
    assert.equal(result.status, 'pass');
    assert.match(result.message, /p=none \(monitoring only\) is accepted for a transactional stream/);
  });

  test('two DMARC records fail', async () => {
    const result = await checkDmarc(resolver, 'two.example', { marketing: false });
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.records.length, 2);
  });

  test('malformed records fail', async () => {
    const cases: [string, RegExp][] = [
      ['nop.example', /no p= tag/],
      ['badp.example', /invalid policy "p=block"/],
      ['dup.example', /malformed: the tag "p" appears twice/],
    ];
    for (const [domain, pattern] of cases) {
      const result = await checkDmarc(resolver, domain, { marketing: false });
      assert.equal(result.status, 'fail', domain);
      assert.match(result.message, pattern, domain);
    }
  });

  test('lowercase version is not a DMARC record', async () => {
    const result = await checkDmarc(resolver, 'lowercase.example', { marketing: false });
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.recordName, undefined);
  });

  test('invalid optional tags warn', async () => {
    const result = await checkDmarc(resolver, 'badtags.example', { marketing: false });
    assert.equal(result.status, 'warn');
    assert.deepEqual(result.detail.invalidTags, ['pct=150', 'aspf=x']);
    assert.equal(result.detail.policy, 'reject');
  });

  test('timeout is unknown', async () => {
    const result = await checkDmarc(resolver, 'slow.example', { marketing: true });
    assert.equal(result.status, 'unknown');
    assert.match(result.message, /TXT _dmarc\.slow\.example timed out/);
  });
});
