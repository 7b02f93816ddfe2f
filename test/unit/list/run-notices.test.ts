import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyList } from '../../../server/src/cli/verify-list';
import type { DnsAnswer, DnsResolver } from '../../../server/src/core/dns/resolver';
import { tempDir, verifyText } from './helpers';

/**
 * Notices that part of the run checked nothing: a suppression file without addresses, and a
 * DNS server that responded to no lookup at all (as opposed to a few slow domains).
 */

test('a suppression file without addresses says nothing was suppressed', async () => {
  const dir = tempDir();
  try {
    const suppression = join(dir.path, 'suppression.csv');
    writeFileSync(suppression, 'name,phone\nA,1\n');
    const report = await verifyText('email\nann@clinic-sample.org\n', { suppression: { path: suppression } });
    assert.equal(report.summary.suppressionAddresses, 0);
    assert.deepEqual(report.summary.notices, [
      `The suppression file ${suppression} contains no addresses; nothing was suppressed. Check that it is the right file and that it has an address column or one address per line.`,
    ]);
  } finally {
    dir.remove();
  }
});

test('a suppression file with addresses gives no notice and is counted', async () => {
  const dir = tempDir();
  try {
    const suppression = join(dir.path, 'suppression.csv');
    writeFileSync(suppression, 'email\nann@clinic-sample.org\nben@clinic-sample.org\n');
    const report = await verifyText('email\nann@clinic-sample.org\n', { suppression: { path: suppression } });
    assert.equal(report.summary.suppressionAddresses, 2);
    assert.deepEqual(report.summary.notices, []);
    assert.deepEqual(report.rows[0].reasons, ['suppressed']);
  } finally {
    dir.remove();
  }
});

/** Builds a resolver whose MX results come from `mx`, while A and AAAA always time out. */
function fakeResolver(mx: (domain: string) => DnsAnswer<{ exchange: string; priority: number }[]>): DnsResolver {
  const timeout = { status: 'timeout' as const, detail: 'ETIMEOUT' };
  return { mx: async (domain) => mx(domain), txt: async () => timeout, a: async () => timeout, aaaa: async () => timeout };
}

test('no DNS answers at all gives one notice; a few timeouts do not', async () => {
  const list = 'email\nann@clinic-sample.org\nben@clinic-sample.org\ncy@other-sample.org\n';
  const dead = await verifyText(list, { dns: { resolver: fakeResolver(() => ({ status: 'timeout', detail: 'ECONNREFUSED' })) } });
  assert.equal(dead.summary.dnsUnknown, 3);
  assert.deepEqual(dead.summary.notices, [
    'No DNS answers at all from the DNS resolver: none of the 2 domains looked up got an answer (timeouts or server errors), so no row was checked for mail servers. Check --dns-server (presend.dns.servers in VS Code) and that the server is reachable.',
  ]);

  const partial = await verifyText(list, {
    dns: { resolver: fakeResolver((domain) => (domain === 'other-sample.org' ? { status: 'timeout', detail: 'ETIMEOUT' } : { status: 'ok', records: [{ exchange: 'mx.clinic-sample.org', priority: 10 }] })) },
  });
  assert.equal(partial.summary.dnsUnknown, 1);
  assert.deepEqual(partial.summary.notices, []);
});

test('the CLI names the --dns-server that never answered, with a singular row count', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'basic.csv'), 'email\nann@clinic-sample.org\n');
    let stdout = '';
    // Nothing listens on loopback port 1, so every query is refused at once.
    const code = await runVerifyList(['basic.csv', '--dns-server', '127.0.0.1:1'], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: dir.path });
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'basic.csv: 1 row, utf-8, delimiter ",", address column "email"',
        '',
        '  verdict  rows',
        '  ok       1',
        '  review   0',
        '  exclude  0',
        '',
        '1 row: DNS gave no answer (a timeout or a server error); judged without DNS.',
        '',
        'Notices:',
        '  No DNS answers at all from 127.0.0.1:1: the one domain looked up got no answer (timeouts or server errors), so no row was checked for mail servers. Check --dns-server (presend.dns.servers in VS Code) and that the server is reachable.',
        '',
      ].join('\n'),
    );
  } finally {
    dir.remove();
  }
});
