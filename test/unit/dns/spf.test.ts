import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createResolver, type DnsResolver } from '../../../server/src/core/dns/resolver';
import { checkSpf } from '../../../server/src/core/dns/spf';
import { startDnsServer, type TestDnsServer, type ZoneRecords } from '../../support/dns-server';

/** Builds a chain of `length` includes below `root`, where each record includes the next. */
function includeChain(root: string, length: number): Record<string, ZoneRecords> {
  const zone: Record<string, ZoneRecords> = {};
  const names = [root, ...Array.from({ length }, (_, i) => `l${i + 1}.${root}`)];
  names.forEach((name, i) => {
    zone[name] = { txt: [i < length ? `v=spf1 include:${names[i + 1]} -all` : 'v=spf1 ip4:192.0.2.1 -all'] };
  });
  return zone;
}

const zone: Record<string, ZoneRecords> = {
  'valid.example.org': {
    txt: ['site-verification=made-up-token', 'v=spf1 ip4:192.0.2.0/24 include:_spf.esp.example.com mx -all'],
    mx: [{ exchange: 'mx.valid.example.org', priority: 10 }],
  },
  '_spf.esp.example.com': { txt: ['v=spf1 ip4:198.51.100.0/24 ~all'] },
  'two.example.org': { txt: ['v=spf1 ip4:192.0.2.1 -all', 'v=spf1 include:_spf.esp.example.com -all'] },
  'nospf.example.org': { txt: ['site-verification=made-up-token'] },
  ...includeChain('ten.example.org', 10),
  ...includeChain('eleven.example.org', 11),
  'loop-a.example.org': { txt: ['v=spf1 include:loop-b.example.org -all'] },
  'loop-b.example.org': { txt: ['v=spf1 include:loop-a.example.org -all'] },
  'dangling.example.org': { txt: ['v=spf1 include:plain.example.net -all'] },
  'plain.example.net': { txt: ['not an spf record'] },
  'gone-include.example.org': { txt: ['v=spf1 include:missing.example.net -all'] },
  'open.example.org': { txt: ['v=spf1 ip4:192.0.2.1 +all'] },
  'bare-all.example.org': { txt: ['v=spf1 ip4:192.0.2.1 all'] },
  'neutral.example.org': { txt: ['v=spf1 ip4:192.0.2.1 ?all'] },
  'soft.example.org': { txt: ['v=spf1 ip4:192.0.2.1 ~all'] },
  'no-all.example.org': { txt: ['v=spf1 ip4:192.0.2.1'] },
  'split.example.org': { txt: [['v=spf1 ip4:192.0.2.1 ', 'include:_spf.esp.example.com ', '-all']] },
  'redirect.example.org': { txt: ['v=spf1 redirect=_spf.esp.example.com'] },
  'voids.example.org': { txt: ['v=spf1 a:gone1.example.org a:gone2.example.org mx:gone3.example.org -all'] },
  'two-voids.example.org': { txt: ['v=spf1 a:gone1.example.org mx:gone3.example.org a:host.example.org -all'] },
  'host.example.org': { aaaa: ['2001:db8::1'] },
  'bad-ip.example.org': { txt: ['v=spf1 ip4:300.1.1.1 -all'] },
  'ptr.example.org': { txt: ['v=spf1 ptr -all'] },
  'leaky-include.example.org': { txt: ['v=spf1 include:open.example.org -all'] },
  'slow-include.example.org': { txt: ['v=spf1 include:slow.example.net -all'] },
  'slow-include-open.example.org': { txt: ['v=spf1 include:slow.example.net +all'] },
  'slow.example.org': {},
  'slow.example.net': {},
};

describe('checkSpf', () => {
  let server: TestDnsServer;
  let resolver: DnsResolver;

  before(async () => {
    server = await startDnsServer(zone, ['slow.example.org', 'slow.example.net']);
    resolver = createResolver({ servers: [server.address], timeoutMs: 300, tries: 1 });
  });

  after(async () => {
    await server.close();
  });

  test('valid record passes', async () => {
    const result = await checkSpf(resolver, 'valid.example.org');
    assert.equal(result.id, 'spf');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.record, 'v=spf1 ip4:192.0.2.0/24 include:_spf.esp.example.com mx -all');
    assert.equal(result.detail.lookups, 2);
    assert.equal(result.detail.voidLookups, 0);
    assert.deepEqual(result.detail.includes, ['_spf.esp.example.com']);
    assert.equal(result.detail.all, '-all');
    assert.equal(result.fix, undefined);
    assert.match(result.message, /valid\.example\.org/);
  });

  test('two SPF records fail', async () => {
    const result = await checkSpf(resolver, 'two.example.org');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.records.length, 2);
    assert.equal(result.detail.record, undefined);
    assert.match(result.message, /two\.example\.org has 2 SPF records/);
  });

  test('missing SPF record fails', async () => {
    const withOtherTxt = await checkSpf(resolver, 'nospf.example.org');
    assert.equal(withOtherTxt.status, 'fail');
    assert.deepEqual(withOtherTxt.detail.records, []);

    const missingName = await checkSpf(resolver, 'absent.example.org');
    assert.equal(missingName.status, 'fail');
    assert.match(missingName.message, /absent\.example\.org has no SPF record/);
  });

  test('ten lookups pass', async () => {
    const result = await checkSpf(resolver, 'ten.example.org');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.lookups, 10);
    assert.equal(result.detail.includes.length, 10);
    assert.equal(result.detail.limitChain, undefined);
  });

  test('eleven lookups fail with the chain', async () => {
    const result = await checkSpf(resolver, 'eleven.example.org');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.lookups, 11);
    assert.equal(result.detail.lookupsAtLeast, false);
    assert.deepEqual(result.detail.limitChain, [
      'eleven.example.org',
      ...Array.from({ length: 10 }, (_, i) => `l${i + 1}.eleven.example.org`),
      'include:l11.eleven.example.org',
    ]);
    assert.match(result.message, /needs 11 DNS lookups/);
    assert.match(result.message, /l10\.eleven\.example\.org → include:l11\.eleven\.example\.org/);
  });

  test('include loop fails naming the loop', async () => {
    const result = await checkSpf(resolver, 'loop-a.example.org');
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.detail.loop, ['loop-a.example.org', 'loop-b.example.org', 'loop-a.example.org']);
    assert.match(result.message, /loop-a\.example\.org → loop-b\.example\.org → loop-a\.example\.org/);
  });

  test('include target without SPF fails', async () => {
    const noSpf = await checkSpf(resolver, 'dangling.example.org');
    assert.equal(noSpf.status, 'fail');
    assert.deepEqual(noSpf.detail.includes, ['plain.example.net']);
    assert.match(noSpf.message, /plain\.example\.net, which has no SPF record/);
    assert.equal(noSpf.detail.voidLookups, 0);

    const missing = await checkSpf(resolver, 'gone-include.example.org');
    assert.equal(missing.status, 'fail');
    assert.equal(missing.detail.voidLookups, 1);
  });

  test('+all and bare all fail', async () => {
    const plus = await checkSpf(resolver, 'open.example.org');
    assert.equal(plus.status, 'fail');
    assert.equal(plus.detail.all, '+all');

    const bare = await checkSpf(resolver, 'bare-all.example.org');
    assert.equal(bare.status, 'fail');
    assert.equal(bare.detail.all, 'all');
  });

  test('?all and a missing all warn', async () => {
    const neutral = await checkSpf(resolver, 'neutral.example.org');
    assert.equal(neutral.status, 'warn');
    assert.equal(neutral.detail.all, '?all');

    const noAll = await checkSpf(resolver, 'no-all.example.org');
    assert.equal(noAll.status, 'warn');
    assert.equal(noAll.detail.all, undefined);
  });

  test('~all passes', async () => {
    const result = await checkSpf(resolver, 'soft.example.org');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.all, '~all');
    assert.equal(result.detail.lookups, 0);
  });

  test('TXT split into character strings is joined', async () => {
    const result = await checkSpf(resolver, 'split.example.org');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.record, 'v=spf1 ip4:192.0.2.1 include:_spf.esp.example.com -all');
    assert.equal(result.detail.lookups, 1);
  });

  test('redirect is followed and counted', async () => {
    const result = await checkSpf(resolver, 'redirect.example.org');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.lookups, 1);
    assert.deepEqual(result.detail.includes, ['_spf.esp.example.com']);
    assert.equal(result.detail.all, '~all');
  });

  test('three void lookups warn', async () => {
    const result = await checkSpf(resolver, 'voids.example.org');
    assert.equal(result.status, 'warn');
    assert.equal(result.detail.voidLookups, 3);
    assert.equal(result.detail.lookups, 3);
  });

  test('two void lookups pass; AAAA-only host is not void', async () => {
    const result = await checkSpf(resolver, 'two-voids.example.org');
    assert.equal(result.status, 'pass');
    assert.equal(result.detail.voidLookups, 2);
  });

  test('syntax error fails naming the term', async () => {
    const result = await checkSpf(resolver, 'bad-ip.example.org');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /"ip4:300\.1\.1\.1" does not contain a valid IPv4 address/);
  });

  test('ptr warns', async () => {
    const result = await checkSpf(resolver, 'ptr.example.org');
    assert.equal(result.status, 'warn');
    assert.equal(result.detail.lookups, 1);
  });

  test('included +all fails', async () => {
    const result = await checkSpf(resolver, 'leaky-include.example.org');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.all, '-all');
    assert.match(result.message, /included from leaky-include\.example\.org, ends in "\+all"/);
  });

  test('timeouts are unknown, not failures', async () => {
    const top = await checkSpf(resolver, 'slow.example.org');
    assert.equal(top.status, 'unknown');
    assert.deepEqual(top.detail.unanswered, ['TXT slow.example.org timed out']);

    const include = await checkSpf(resolver, 'slow-include.example.org');
    assert.equal(include.status, 'unknown');
    assert.deepEqual(include.detail.unanswered, ['TXT slow.example.net timed out']);
  });

  test('definite failure wins over a timeout', async () => {
    const result = await checkSpf(resolver, 'slow-include-open.example.org');
    assert.equal(result.status, 'fail');
    assert.equal(result.detail.unanswered.length, 1);
  });
});
