import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDnsServer } from '../../support/dns-server';
import { verifyText } from './helpers';

test('MX, null MX, A fallback, no mail host, and timeouts', async () => {
  const server = await startDnsServer(
    {
      'mx.clinic-sample.org': { mx: [{ exchange: 'mail.clinic-sample.org', priority: 10 }] },
      'nullmx.clinic-sample.org': { mx: [{ exchange: '.', priority: 0 }] },
      'aonly.clinic-sample.org': { a: ['192.0.2.10'] },
      'aaaaonly.clinic-sample.org': { aaaa: ['2001:db8::10'] },
      'bare.clinic-sample.org': {},
      'slow.clinic-sample.org': {},
    },
    ['slow.clinic-sample.org'],
  );
  try {
    const list = [
      'email',
      'a@mx.clinic-sample.org',
      'b@mx.clinic-sample.org',
      'c@nullmx.clinic-sample.org',
      'd@aonly.clinic-sample.org',
      'e@aaaaonly.clinic-sample.org',
      'f@bare.clinic-sample.org',
      'g@missing.clinic-sample.org',
      'h@slow.clinic-sample.org',
      'i@MX.clinic-sample.org',
      'j@example.org',
      'k@[192.0.2.1]',
      'not-an-address',
    ].join('\n');
    const report = await verifyText(list, { dns: { servers: [server.address], timeoutMs: 300, tries: 1 } });

    assert.deepEqual(
      report.rows.map((row) => [row.line, row.verdict, row.reasons, row.risk, row.notes ?? []]),
      [
        [2, 'ok', [], 0, []],
        [3, 'ok', [], 0, []],
        [4, 'exclude', ['null-mx'], 5, []],
        [5, 'ok', [], 0, []],
        [6, 'ok', [], 0, []],
        [7, 'exclude', ['no-mx'], 4, []],
        [8, 'exclude', ['no-mx'], 4, []],
        [9, 'ok', [], 1, ['dns-unknown']],
        [10, 'ok', [], 0, []],
        [11, 'exclude', ['reserved-domain'], 5, []],
        [12, 'ok', [], 0, []],
        [13, 'exclude', ['invalid-syntax'], 5, []],
      ],
    );
    assert.equal(report.summary.dnsUnknown, 1);
    assert.equal(report.summary.reasons['no-mx'], 2);
    assert.equal(report.summary.reasons['null-mx'], 1);

    // One MX query per domain, whatever the number or case of its rows. A and AAAA go only to
    // domains without MX, and nothing goes out for reserved domains, literals or bad syntax.
    const sorted = [...server.queries].sort();
    assert.deepEqual(sorted, [
      'A aaaaonly.clinic-sample.org',
      'A aonly.clinic-sample.org',
      'A bare.clinic-sample.org',
      'AAAA aaaaonly.clinic-sample.org',
      'AAAA bare.clinic-sample.org',
      'MX aaaaonly.clinic-sample.org',
      'MX aonly.clinic-sample.org',
      'MX bare.clinic-sample.org',
      'MX missing.clinic-sample.org',
      'MX mx.clinic-sample.org',
      'MX nullmx.clinic-sample.org',
      'MX slow.clinic-sample.org',
    ]);
  } finally {
    await server.close();
  }
});

test('rows keep file order while lookups of many domains overlap', async () => {
  const zone = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`d${index}.clinic-sample.org`, { mx: [{ exchange: 'mx.clinic-sample.org', priority: 5 }] }]));
  const server = await startDnsServer(zone);
  try {
    const rows = Array.from({ length: 2000 }, (_, index) => `p${index}@d${index % 40}.clinic-sample.org`);
    const report = await verifyText(`email\n${rows.join('\n')}\n`, { dns: { servers: [server.address], timeoutMs: 1000, tries: 2 } });
    assert.deepEqual(report.rows.map((row) => row.line), rows.map((_, index) => index + 2));
    assert.equal(report.summary.verdicts.ok, 2000);
    assert.equal(server.queries.length, 40);
  } finally {
    await server.close();
  }
});
