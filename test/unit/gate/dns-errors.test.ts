import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamConfig } from '../../../server/src/core/config/types';
import type { DnsAnswer, DnsResolver } from '../../../server/src/core/dns/resolver';
import { senderChecks } from '../../../server/src/core/gate/dns-checks';
import { senderFor } from '../../../server/src/core/gate/sender';

/**
 * What the sender checks advise when DNS does not give a usable answer: an error answer
 * (EBADRESP, SERVFAIL) is not a timeout, and a configured selector is not missing.
 */

const SPF = 'v=spf1 include:_spf.esp.test -all';
const DMARC = 'v=DMARC1; p=reject; rua=mailto:dmarc@example-clinic.test';

/** A resolver that answers TXT from `zone`; names it lacks get `missing`. */
function resolver(zone: Record<string, DnsAnswer<string[]>>, missing: DnsAnswer<string[]> = { status: 'nxdomain' }): DnsResolver {
  const nodata = async () => ({ status: 'nodata' as const });
  return { txt: async (name) => zone[name] ?? missing, mx: nodata, a: nodata, aaaa: nodata };
}

const ok = (record: string): DnsAnswer<string[]> => ({ status: 'ok', records: [record] });

function sender(stream: Partial<StreamConfig> = {}) {
  return senderFor('marketing', { streams: { marketing: { from: 'news@good.test', dkimSelector: 's1', listUnsubscribe: 'one-click', ...stream } } }, undefined);
}

const DNS = { enabled: true, servers: ['127.0.0.1:5353'] };

test('a DKIM lookup answered with an error gets a fix about the DNS server, not about waiting', async () => {
  const lookup = resolver({
    'good.test': ok(SPF),
    '_spf.esp.test': ok('v=spf1 ip4:192.0.2.0/24 -all'),
    '_dmarc.good.test': ok(DMARC),
    's1._domainkey.good.test': { status: 'error', detail: 'EBADRESP queryTxt EBADRESP s1._domainkey.good.test' },
  });
  const [spf, dkim] = await senderChecks(sender(), DNS, lookup);
  assert.equal(spf.status, 'pass');
  assert.equal(dkim.status, 'warn');
  assert.equal(dkim.message, 'DKIM for good.test could not be checked: TXT s1._domainkey.good.test failed (EBADRESP queryTxt EBADRESP s1._domainkey.good.test).');
  assert.equal(
    dkim.fix,
    'The DNS server answered with an error (EBADRESP queryTxt EBADRESP s1._domainkey.good.test) rather than timing out, so retrying alone will not help: check that 127.0.0.1:5353 is a working recursive resolver (--dns-server, or presend.dns.servers in VS Code), then run the gate again. An error answer says nothing about the record itself.',
  );
});

test('a DKIM lookup that timed out keeps the advice to run again', async () => {
  const lookup = resolver({ 'good.test': ok(SPF), '_dmarc.good.test': ok(DMARC), 's1._domainkey.good.test': { status: 'timeout', detail: 'ETIMEOUT' } });
  const [, dkim] = await senderChecks(sender(), DNS, lookup);
  assert.equal(dkim.fix, 'Run the check again when DNS answers; a timeout is not a failure.');
});

test('alignment with a selector set but no usable key points at the DKIM check, not at the selector', async () => {
  const lookup = resolver({ 'good.test': ok(SPF), '_spf.esp.test': ok('v=spf1 ip4:192.0.2.0/24 -all'), '_dmarc.good.test': ok(DMARC) });
  const checks = await senderChecks(sender({ sendingDomains: ['esp.test'] }), DNS, lookup);
  assert.deepEqual(
    checks.map((check) => [check.id, check.status]),
    [
      ['spf', 'pass'],
      ['dkim', 'fail'],
      ['dmarc', 'pass'],
      ['alignment', 'warn'],
    ],
  );
  assert.deepEqual(checks[3], {
    id: 'alignment',
    status: 'warn',
    message: 'Alignment of good.test was not checked: the DKIM check found no usable key at s1._domainkey.good.test, so the DKIM signing domain is not known.',
    fix: 'Fix the DKIM check first, as its fix says; alignment is judged once the key at s1._domainkey.good.test is usable.',
  });
});

test('alignment without a selector still asks for one', async () => {
  const lookup = resolver({ 'good.test': ok(SPF), '_spf.esp.test': ok('v=spf1 ip4:192.0.2.0/24 -all'), '_dmarc.good.test': ok(DMARC) });
  const checks = await senderChecks(sender({ dkimSelector: undefined, sendingDomains: ['esp.test'] }), DNS, lookup);
  assert.equal(checks[3].fix, 'Set "dkimSelector" on the stream in presend.config.json so the DKIM domain is known.');
});
