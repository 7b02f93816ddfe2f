import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createResolver } from '../../server/src/core/dns/resolver';
import { startDnsServer } from '../support/dns-server';

test('resolver answers from a loopback server', async () => {
  const server = await startDnsServer(
    {
      'mail.example.net': { mx: [{ exchange: 'mx1.example.net', priority: 10 }], txt: [['v=spf1 ', '-all']] },
      'bare.example.net': { a: ['192.0.2.7'] },
      'slow.example.net': {},
    },
    ['slow.example.net'],
  );
  try {
    const resolver = createResolver({ servers: [server.address], timeoutMs: 200, tries: 1 });

    assert.deepEqual(await resolver.mx('mail.example.net'), {
      status: 'ok',
      records: [{ exchange: 'mx1.example.net', priority: 10 }],
    });
    assert.deepEqual(await resolver.txt('mail.example.net'), { status: 'ok', records: ['v=spf1 -all'] });
    assert.deepEqual(await resolver.mx('bare.example.net'), { status: 'nodata' });
    assert.deepEqual(await resolver.a('missing.example.net'), { status: 'nxdomain' });
    assert.equal((await resolver.mx('slow.example.net')).status, 'timeout');

    // A second lookup of the same name is answered from the cache.
    await resolver.mx('mail.example.net');
    assert.equal(server.queries.filter((query) => query === 'MX mail.example.net').length, 1);
  } finally {
    await server.close();
  }
});
