import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { UserConfig } from '../../../server/src/core/config/types';
import { startDnsServer, type TestDnsServer, type ZoneRecords } from '../../support/dns-server';
import { check, gate, marketingMjml, workspace, type Workspace } from './helpers';

/** Base64 of a fresh 2048-bit RSA public key (SubjectPublicKeyInfo DER), split into 255-byte strings. */
function dkimRecord(): string[] {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const record = `v=DKIM1; k=rsa; p=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`;
  return record.match(/.{1,255}/g) ?? [];
}

/** A chain of SPF records that costs `count` lookups: each level includes the next. */
function includeChain(domain: string, count: number): Record<string, ZoneRecords> {
  const zone: Record<string, ZoneRecords> = {};
  for (let level = 0; level < count; level++) {
    const name = level === 0 ? domain : `l${level}.${domain}`;
    zone[name] = { txt: [`v=spf1 include:l${level + 1}.${domain} -all`] };
  }
  zone[`l${count}.${domain}`] = { txt: ['v=spf1 ip4:192.0.2.1 -all'] };
  return zone;
}

const KEY = dkimRecord();
const GOOD_DMARC = 'v=DMARC1; p=reject; rua=mailto:dmarc@example-clinic.test';

/** Every scenario is a From domain; the template's directive names it. */
const ZONE: Record<string, ZoneRecords> = {
  'good.test': { txt: ['v=spf1 include:_spf.esp.test -all'] },
  '_spf.esp.test': { txt: ['v=spf1 ip4:192.0.2.0/24 -all'] },
  's1._domainkey.good.test': { txt: [KEY] },
  '_dmarc.good.test': { txt: [GOOD_DMARC] },
  // List rows: .test is a reserved domain, which list verification excludes without DNS.
  'clinic-sample.org': { mx: [{ exchange: 'mx.clinic-sample.org', priority: 10 }] },
  'nullmx-sample.org': { mx: [{ exchange: '.', priority: 0 }] },

  'twospf.test': { txt: ['v=spf1 -all', 'v=spf1 include:_spf.esp.test -all'] },
  's1._domainkey.twospf.test': { txt: [KEY] },
  '_dmarc.twospf.test': { txt: [GOOD_DMARC] },

  ...includeChain('eleven.test', 11),
  's1._domainkey.eleven.test': { txt: [KEY] },
  '_dmarc.eleven.test': { txt: [GOOD_DMARC] },

  'loop.test': { txt: ['v=spf1 include:loop-b.test -all'] },
  'loop-b.test': { txt: ['v=spf1 include:loop.test -all'] },
  's1._domainkey.loop.test': { txt: [KEY] },
  '_dmarc.loop.test': { txt: [GOOD_DMARC] },

  'nodmarc.test': { txt: ['v=spf1 include:_spf.esp.test -all'] },
  's1._domainkey.nodmarc.test': { txt: [KEY] },

  'badkey.test': { txt: ['v=spf1 include:_spf.esp.test -all'] },
  's1._domainkey.badkey.test': { txt: ['v=DKIM1; k=rsa; p=not*base64!'] },
  '_dmarc.badkey.test': { txt: [GOOD_DMARC] },

  'slow.test': {},
  's1._domainkey.slow.test': {},
  '_dmarc.slow.test': {},
};

const TIMEOUTS = ['slow.test', 's1._domainkey.slow.test', '_dmarc.slow.test'];

function config(domain: string, extra: Partial<NonNullable<UserConfig['streams']>['marketing']> = {}): UserConfig {
  return { streams: { marketing: { from: `news@${domain}`, dkimSelector: 's1', listUnsubscribe: 'one-click', ...extra } } };
}

describe('gate with DNS', () => {
  let server: TestDnsServer;
  let ws: Workspace;

  before(async () => {
    server = await startDnsServer(ZONE, TIMEOUTS);
    ws = workspace({
      'news.mjml': marketingMjml({ list: 'list.csv' }),
      'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\nben@nullmx-sample.org,yes\n',
    });
  });

  after(async () => {
    ws.dispose();
    await server.close();
  });

  const run = (domain: string, extra = {}) =>
    gate(ws, 'news.mjml', { user: config(domain, extra), dns: { enabled: true, servers: [server.address], timeoutMs: 300, tries: 1 } });

  const statuses = (report: Awaited<ReturnType<typeof run>>, ids: string[]) => ids.map((id) => check(report, id).status);

  test('a well set-up domain passes SPF, DKIM, DMARC and alignment', async () => {
    const report = await run('good.test', { sendingDomains: ['esp.test'] });
    assert.deepEqual(statuses(report, ['spf', 'dkim', 'dmarc', 'alignment']), ['pass', 'pass', 'pass', 'pass']);
    assert.equal(report.template.from, 'news@good.test');
  });

  test('list rows are checked for MX records with the same resolver', async () => {
    const list = check(await run('good.test'), 'list');
    assert.equal(list.status, 'fail');
    assert.match(list.message, /^list\.csv: 1 of 2 rows must not be sent to \(null-mx 1\)/);
    assert.deepEqual(list.location, { path: ws.file('list.csv'), line: 3, column: 1 });
  });

  test('a sending domain the SPF record does not include warns on alignment', async () => {
    const alignment = check(await run('good.test', { sendingDomains: ['other-esp.test'] }), 'alignment');
    assert.equal(alignment.status, 'warn');
    assert.match(alignment.message, /does not include other-esp\.test/);
  });

  test('without sendingDomains there is no alignment check', async () => {
    const report = await run('good.test');
    assert.equal(report.checks.some((c) => c.id === 'alignment'), false);
  });

  test('two SPF records fail', async () => {
    const spf = check(await run('twospf.test'), 'spf');
    assert.equal(spf.status, 'fail');
    assert.match(spf.message, /twospf\.test has 2 SPF records/);
  });

  test('eleven lookups fail', async () => {
    const spf = check(await run('eleven.test'), 'spf');
    assert.equal(spf.status, 'fail');
    assert.match(spf.message, /11/);
  });

  test('an include loop fails', async () => {
    const spf = check(await run('loop.test'), 'spf');
    assert.equal(spf.status, 'fail');
    assert.match(spf.message, /loop/i);
  });

  test('a missing DMARC record fails', async () => {
    const report = await run('nodmarc.test');
    assert.deepEqual(statuses(report, ['spf', 'dkim', 'dmarc']), ['pass', 'pass', 'fail']);
  });

  test('a malformed DKIM key fails', async () => {
    const dkim = check(await run('badkey.test'), 'dkim');
    assert.equal(dkim.status, 'fail');
    assert.match(dkim.message, /s1\._domainkey\.badkey\.test/);
  });

  test('timeouts warn instead of failing, and the gate still passes', async () => {
    const report = await run('slow.test');
    assert.deepEqual(statuses(report, ['spf', 'dkim', 'dmarc']), ['warn', 'warn', 'warn']);
    assert.match(check(report, 'spf').message, /timed out/);
    assert.equal(check(report, 'spf').fix, 'Run the check again when DNS answers; a timeout is not a failure.');
  });

  test('the directive from wins over the stream from', async () => {
    const template = marketingMjml({ from: 'offers@nodmarc.test' });
    const local = workspace({ 'offer.mjml': template });
    try {
      const report = await gate(local, 'offer.mjml', { user: config('good.test'), dns: { enabled: true, servers: [server.address], timeoutMs: 300, tries: 1 } });
      assert.equal(report.template.from, 'offers@nodmarc.test');
      assert.equal(check(report, 'dmarc').status, 'fail');
    } finally {
      local.dispose();
    }
  });

  test('with DNS off the checks are skipped and say how to turn DNS on', async () => {
    const report = await gate(ws, 'news.mjml', { user: config('good.test', { sendingDomains: ['esp.test'] }) });
    assert.deepEqual(statuses(report, ['spf', 'dkim', 'dmarc', 'alignment']), ['skipped', 'skipped', 'skipped', 'skipped']);
    assert.match(check(report, 'spf').fix ?? '', /--dns/);
    assert.match(check(report, 'spf').fix ?? '', /presend\.dns\.enabled/);
  });

  test('a bad --dns-server value is a usage error naming it', async () => {
    await assert.rejects(
      gate(ws, 'news.mjml', { user: config('good.test'), dns: { enabled: true, servers: ['127.0.0.1:99999'] } }),
      (error: Error) => error.name === 'Error' && /Invalid DNS server "127\.0\.0\.1:99999"/.test(error.message),
    );
  });
});
