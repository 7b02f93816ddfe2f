import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserConfig } from '../../../server/src/core/config/types';
import { GateUsageError } from '../../../server/src/core/gate/index';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

/**
 * Configuration mistakes the gate must not wave through: a stream `from` that is not an
 * address, and the same check overridden twice.
 */

const OOPS: UserConfig = { streams: { ...STREAMS.streams, marketing: { from: 'oops', dkimSelector: 's1', listUnsubscribe: 'one-click' } } };

test('a stream from that is not an address fails the sender and stream checks, naming it', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    const report = await gate(ws, 'news.mjml', { user: OOPS });
    assert.equal(report.passed, false);
    const fix = 'Set streams.marketing.from in presend.config.json to the address marketing mail is sent from, for example "news@news.example.org".';
    assert.deepEqual(check(report, 'spf'), {
      id: 'spf',
      status: 'fail',
      message: 'SPF cannot be checked: streams.marketing.from in presend.config.json is "oops", which is not an email address with a valid domain.',
      fix,
    });
    assert.deepEqual(
      ['dkim', 'dmarc'].map((id) => [check(report, id).status, check(report, id).fix]),
      [
        ['fail', fix],
        ['fail', fix],
      ],
    );
    assert.deepEqual(check(report, 'stream-separation'), {
      id: 'stream-separation',
      status: 'fail',
      message: 'The streams cannot be compared: this from is not an email address with a valid domain: streams.marketing.from "oops".',
      fix: 'In presend.config.json, set streams.marketing.from to the address that mail is sent from, for example "news@news.example.org".',
    });
  } finally {
    ws.dispose();
  }
});

test('a directive from with an unusable domain fails, pointing at the directive', async () => {
  // The directive parser drops a from without @ (with its own diagnostic); this one gets past it.
  const ws = workspace({ 'news.mjml': marketingMjml({ from: 'news@example!clinic.test' }) });
  try {
    const spf = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'spf');
    assert.equal(spf.status, 'fail');
    assert.equal(spf.message, `SPF cannot be checked: the template directive's from is "news@example!clinic.test", which is not an email address with a valid domain.`);
    assert.equal(spf.fix, `Correct the from line of the template's presend directive to the address this mail is sent from, for example "from: news@news.example.org".`);
  } finally {
    ws.dispose();
  }
});

test('an international From domain is an address, not a configuration error', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    const user: UserConfig = { streams: { ...STREAMS.streams, marketing: { from: 'news@klinik-müller.test', dkimSelector: 's1', listUnsubscribe: 'one-click' } } };
    const report = await gate(ws, 'news.mjml', { user });
    assert.equal(report.template.from, 'news@klinik-müller.test');
    assert.deepEqual(
      ['spf', 'stream-separation'].map((id) => check(report, id).status),
      ['skipped', 'pass'],
    );
  } finally {
    ws.dispose();
  }
});

test('the same check overridden twice is a usage error naming it and both reasons', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    await assert.rejects(
      gate(ws, 'news.mjml', {
        user: STREAMS,
        overrides: [
          { checkId: 'list', reason: 'a' },
          { checkId: 'list', reason: 'b' },
        ],
      }),
      (error: Error) => {
        assert.ok(error instanceof GateUsageError);
        assert.equal(error.message, 'The check "list" is overridden twice (reasons "a" and "b"); give one override per check, with the reasons in one sentence.');
        return true;
      },
    );
  } finally {
    ws.dispose();
  }
});
