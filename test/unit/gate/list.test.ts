import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

test('excluded rows fail with counts by reason and the first line', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'lists/spring.csv', suppression: 'lists/unsubscribed.csv' }),
    'lists/spring.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\nnot-an-address,yes\nben@clinic-sample.org,yes\ncy@clinic-sample.org,yes\n',
    'lists/unsubscribed.csv': 'email\nben@clinic-sample.org\n',
  });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.equal(list.status, 'fail');
    assert.equal(list.message, 'lists/spring.csv: 2 of 4 rows must not be sent to (invalid-syntax 1, suppressed 1).');
    assert.deepEqual(list.location, { path: ws.file('lists/spring.csv'), line: 3, column: 1 });
    assert.match(list.fix ?? '', /presend verify-list lists\/spring\.csv --out DIR/);
  } finally {
    ws.dispose();
  }
});

test('rows to review warn', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'list.csv' }),
    'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\ninfo@clinic-sample.org,yes\n',
  });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.equal(list.status, 'warn');
    assert.equal(list.message, 'list.csv: 2 rows, none excluded; 1 needs review (role-account 1).');
    assert.equal(list.location?.line, 3);
  } finally {
    ws.dispose();
  }
});

test('a clean list passes', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ list: 'list.csv' }), 'list.csv': 'email,marketing_consent\nann@clinic-sample.org,yes\n' });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.deepEqual(list, { id: 'list', status: 'pass', message: 'list.csv: the 1 row can be sent to.', verdicts: { ok: 1, review: 0, exclude: 0 } });
  } finally {
    ws.dispose();
  }
});

test('a merge field the list lacks and a missing consent column warn', async () => {
  const ws = workspace({
    'news.mjml': marketingMjml({ list: 'list.csv', body: '<mj-text>Hello {{ first_name }}, unsubscribe at {{ unsubscribe_url }}.</mj-text>' }),
    'list.csv': 'email\nann@clinic-sample.org\n',
  });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.equal(list.status, 'warn');
    assert.match(list.message, /the template's merge fields first_name have no column in the list; the list has no consent column/);
  } finally {
    ws.dispose();
  }
});

test('a missing list file fails with its path, located on the directive', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ list: 'data/missing.csv' }) });
  try {
    const list = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list');
    assert.equal(list.status, 'fail');
    assert.equal(list.message, 'The recipient list data/missing.csv does not exist.');
    assert.deepEqual(list.location, { path: ws.file('news.mjml'), line: 4, column: 7 });
  } finally {
    ws.dispose();
  }
});

test('a marketing template without a list warns; a transactional one skips', async () => {
  const transactional = '<!-- presend\ncategory: transactional\n-->\n<html><body><p>Your appointment at Example Clinic is on Monday.</p></body></html>\n';
  const ws = workspace({ 'news.mjml': marketingMjml(), 'visit.html': transactional });
  try {
    assert.equal(check(await gate(ws, 'news.mjml', { user: STREAMS }), 'list').status, 'warn');
    assert.equal(check(await gate(ws, 'visit.html', { user: STREAMS }), 'list').status, 'skipped');
  } finally {
    ws.dispose();
  }
});
