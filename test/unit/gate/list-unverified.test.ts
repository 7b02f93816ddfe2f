import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

/**
 * A list the gate could not verify in full does not pass: records the parser skipped were
 * never checked, and a suppression file without addresses suppresses nobody.
 */

test('a list with an unreadable record fails as not fully verified', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'list.csv' }),
    'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\n"ben@clinic-sample.org,yes\ncy@clinic-sample.org,yes\n',
  });
  try {
    assert.deepEqual(check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list'), {
      id: 'list',
      status: 'fail',
      message: 'list.csv was not fully verified: 1 record could not be read (a quote that is never closed) and was skipped, so its rows were not checked.',
      fix: 'Run "presend verify-list list.csv": its notices name the line where each unreadable record starts. Close or remove the stray quote, then run the gate again.',
      verdicts: { ok: 1, review: 0, exclude: 0 },
    });
  } finally {
    ws.dispose();
  }
});

test('a suppression file without addresses warns that nothing was suppressed', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'list.csv', suppression: 'unsubscribed.csv' }),
    'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\n',
    'unsubscribed.csv': 'name,phone\nA,1\n',
  });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.equal(list.status, 'warn');
    assert.equal(list.message, 'list.csv: 1 row, none excluded. Also: the suppression list unsubscribed.csv contains no addresses, so nothing was suppressed.');
  } finally {
    ws.dispose();
  }
});
