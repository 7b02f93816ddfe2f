import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserConfig } from '../../../server/src/core/config/types';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

const TRANSACTIONAL = '<!-- presend\ncategory: transactional\n-->\n<html><body><p>Your appointment at Example Clinic is on Monday.</p></body></html>\n';

async function checks(user: UserConfig, template: 'news.mjml' | 'visit.html' = 'news.mjml') {
  const ws = workspace({ 'news.mjml': marketingMjml(), 'visit.html': TRANSACTIONAL });
  try {
    return (await gate(ws, template, { user })).checks;
  } finally {
    ws.dispose();
  }
}

const find = (list: Awaited<ReturnType<typeof checks>>, id: string) => list.find((c) => c.id === id);

test('marketing and transactional from the same address warn', async () => {
  const user: UserConfig = { streams: { transactional: { from: 'mail@example-clinic.test' }, marketing: { from: 'Example Clinic <MAIL@example-clinic.test>', listUnsubscribe: 'one-click' } } };
  const separation = find(await checks(user), 'stream-separation');
  assert.equal(separation?.status, 'warn');
  assert.match(separation?.message ?? '', /^marketing and transactional mail both send from mail@example-clinic\.test/);
});

test('marketing and transactional from the same domain warn; subdomains pass', async () => {
  const same: UserConfig = { streams: { transactional: { from: 'care@example-clinic.test' }, marketing: { from: 'news@example-clinic.test' } } };
  assert.match(find(await checks(same), 'stream-separation')?.message ?? '', /both send from the domain example-clinic\.test/);
  assert.equal(find(await checks(STREAMS), 'stream-separation')?.status, 'pass');
});

test('with one stream, separation is skipped', async () => {
  const one: UserConfig = { streams: { marketing: { from: 'news@news.example-clinic.test', listUnsubscribe: 'one-click' } } };
  assert.equal(find(await checks(one), 'stream-separation')?.status, 'skipped');
});

test('a marketing stream without one-click unsubscribe fails', async () => {
  const user: UserConfig = { streams: { marketing: { from: 'news@news.example-clinic.test', listUnsubscribe: 'mailto' } } };
  const header = find(await checks(user), 'list-unsubscribe');
  assert.equal(header?.status, 'fail');
  assert.match(header?.message ?? '', /the marketing stream sets listUnsubscribe to "mailto"/);
  assert.match(header?.fix ?? '', /"listUnsubscribe": "one-click"/);
});

test('transactional mail needs no one-click header', async () => {
  assert.equal(find(await checks(STREAMS, 'visit.html'), 'list-unsubscribe')?.status, 'pass');
});

test('a category without a stream says what to add, with example JSON', async () => {
  const list = await checks({});
  for (const id of ['spf', 'dkim', 'dmarc']) {
    const item = find(list, id);
    assert.equal(item?.status, 'warn', id);
    assert.match(item?.message ?? '', /no marketing stream is configured/, id);
    assert.match(item?.fix ?? '', /"streams": \{ "marketing": \{ "from": "news@news\.example\.org", "dkimSelector": "s1", "listUnsubscribe": "one-click" \} \}/, id);
  }
  const header = find(list, 'list-unsubscribe');
  assert.equal(header?.status, 'fail');
  assert.match(header?.fix ?? '', /"streams": \{ "marketing"/);
});
