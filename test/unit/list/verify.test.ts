import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyList } from '../../../server/src/core/list/verify';
import { riskOf, verdictOf } from '../../../server/src/core/list/risk';
import { tempDir, verifyText } from './helpers';

const brief = (report: { rows: { line: number; verdict: string; reasons: string[]; risk: number; firstLine?: number }[] }) =>
  report.rows.map(({ line, verdict, reasons, risk, firstLine }) => ({ line, verdict, reasons, risk, ...(firstLine ? { firstLine } : {}) }));

test('duplicates name the first line; local parts compare case-insensitively', async () => {
  const report = await verifyText('email\nJane@Clinic-Sample.org\njane@clinic-sample.ORG\nJANE@clinic-sample.org\nother@clinic-sample.org\n');
  assert.deepEqual(brief(report), [
    { line: 2, verdict: 'ok', reasons: [], risk: 0 },
    { line: 3, verdict: 'exclude', reasons: ['duplicate'], risk: 2, firstLine: 2 },
    { line: 4, verdict: 'exclude', reasons: ['duplicate'], risk: 2, firstLine: 2 },
    { line: 5, verdict: 'ok', reasons: [], risk: 0 },
  ]);
  assert.equal(report.rows[1].normalized, 'jane@clinic-sample.org');
});

test('suppression file with a header, and one address per line', async () => {
  const dir = tempDir();
  try {
    const withHeader = join(dir.path, 'unsubscribes.csv');
    writeFileSync(withHeader, 'Email Address,reason\nBOB@clinic-sample.org,unsubscribed\n');
    const plain = join(dir.path, 'bounces.txt');
    writeFileSync(plain, 'bob@clinic-sample.org\ncarol@clinic-sample.org\n');
    const list = 'email\nbob@clinic-sample.org\ncarol@clinic-sample.org\ndan@clinic-sample.org\n';

    const first = await verifyText(list, { suppression: { path: withHeader } });
    assert.deepEqual(first.rows.map((row) => row.reasons), [['suppressed'], [], []]);
    const second = await verifyText(list, { suppression: { path: plain } });
    assert.deepEqual(second.rows.map((row) => row.reasons), [['suppressed'], ['suppressed'], []]);
    const third = await verifyText(list, { suppression: { addresses: ['Dan@Clinic-Sample.org'] } });
    assert.deepEqual(third.rows.map((row) => row.reasons), [[], [], ['suppressed']]);
  } finally {
    dir.remove();
  }
});

test('consent and opt-out columns for a marketing send', async () => {
  const list = [
    'email,marketing_consent,unsubscribed,status',
    'a@clinic-sample.org,yes,,active',
    'b@clinic-sample.org,no,,active',
    'c@clinic-sample.org,,,active',
    'd@clinic-sample.org,✓,yes,active',
    'e@clinic-sample.org,x,,unsubscribed',
    'f@clinic-sample.org,2024-03-01,0,',
  ].join('\n');
  const marketing = await verifyText(list, { template: { category: 'marketing' } });
  assert.deepEqual(marketing.rows.map((row) => row.reasons), [[], ['missing-consent'], ['missing-consent'], ['suppressed'], ['suppressed'], []]);
  assert.deepEqual(marketing.summary.listFindings, []);

  // A transactional message (an appointment reminder) still goes to those who left marketing.
  const transactional = await verifyText(list, { template: { category: 'transactional' } });
  assert.deepEqual(transactional.rows.map((row) => row.reasons), [[], [], [], [], [], []]);
});

test('opt-out columns by their aliases, direction-aware', async () => {
  for (const header of ['opt_out', 'OptOut', 'do_not_email', 'DNE', 'email_opt_out', 'HasOptedOutOfEmail']) {
    const report = await verifyText(`email,${header}\na@clinic-sample.org,Y\nb@clinic-sample.org,N\n`);
    assert.deepEqual(report.rows.map((row) => row.reasons), [['suppressed'], []], header);
  }
  for (const header of ['consent', 'opted_in', 'opt_in', 'subscribed']) {
    const report = await verifyText(`email,${header}\na@clinic-sample.org,1\nb@clinic-sample.org,false\n`, { template: { category: 'marketing' } });
    assert.deepEqual(report.rows.map((row) => row.reasons), [[], ['missing-consent']], header);
  }
});

test('list findings: PHI columns, missing merge fields, no consent column', async () => {
  const list = 'email,First Name,primary_diagnosis,Rx,labResult,terms_and_conditions\na@clinic-sample.org,A,x,y,z,yes\n';
  const marketing = await verifyText(list, { template: { category: 'marketing', mergeFields: ['first_name', 'appointment_date', 'email'] } });
  assert.deepEqual(marketing.summary.listFindings, [
    { id: 'phi-columns', columns: ['primary_diagnosis', 'Rx', 'labResult'] },
    { id: 'missing-fields', fields: ['appointment_date'] },
    { id: 'no-consent-column' },
  ]);

  const authorized = await verifyText(list, { template: { category: 'marketing', authorization: 'documented' } });
  assert.deepEqual(authorized.summary.listFindings, [{ id: 'no-consent-column' }]);
  const transactional = await verifyText(list, { template: { category: 'transactional' } });
  assert.deepEqual(transactional.summary.listFindings, []);
});

test('every address reason on one list, with verdicts, risks and summary counts', async () => {
  const list = [
    'email',
    'fine@clinic-sample.org',
    'not-an-address',
    'pat@example.com',
    'pat@clinic-sample.zzz',
    'pat@gmial.com',
    'pat@mailinator.com',
    'info@clinic-sample.org',
    'appointments@clinic-sample.org',
    'fine@clinic-sample.org',
    'info@gmial.com',
  ].join('\n');
  const report = await verifyText(list);
  assert.deepEqual(brief(report), [
    { line: 2, verdict: 'ok', reasons: [], risk: 0 },
    { line: 3, verdict: 'exclude', reasons: ['invalid-syntax'], risk: 5 },
    { line: 4, verdict: 'exclude', reasons: ['reserved-domain'], risk: 5 },
    { line: 5, verdict: 'exclude', reasons: ['invalid-tld'], risk: 5 },
    { line: 6, verdict: 'review', reasons: ['typo'], risk: 3 },
    { line: 7, verdict: 'exclude', reasons: ['disposable'], risk: 3 },
    { line: 8, verdict: 'review', reasons: ['role-account'], risk: 2 },
    { line: 9, verdict: 'ok', reasons: [], risk: 0 },
    { line: 10, verdict: 'exclude', reasons: ['duplicate'], risk: 2, firstLine: 2 },
    { line: 11, verdict: 'review', reasons: ['typo', 'role-account'], risk: 4 },
  ]);
  assert.equal(report.rows[4].suggestion, 'pat@gmail.com');
  assert.deepEqual(report.summary.verdicts, { ok: 2, review: 3, exclude: 5 });
  assert.equal(report.summary.reasons.typo, 2);
  assert.equal(report.summary.reasons['no-mx'], 0);
});

test('verdict and risk formula', () => {
  assert.equal(verdictOf([]), 'ok');
  assert.equal(verdictOf(['typo', 'role-account']), 'review');
  assert.equal(verdictOf(['typo', 'duplicate']), 'exclude');
  assert.equal(riskOf([]), 0);
  assert.equal(riskOf([], ['dns-unknown']), 1);
  assert.equal(riskOf(['duplicate', 'role-account']), 3);
  assert.equal(riskOf(['invalid-syntax', 'suppressed']), 5);
  assert.equal(riskOf(['no-mx']), 4);
});

test('onRow sees every row in order while collectRows is off; progress is reported', async () => {
  const seen: number[] = [];
  const progress: number[] = [];
  const dir = tempDir();
  try {
    const file = join(dir.path, 'list.csv');
    writeFileSync(file, `email\n${Array.from({ length: 25_000 }, (_, index) => `p${index}@clinic-sample.org`).join('\n')}\n`);
    const report = await verifyList({ path: file }, { collectRows: false, onRow: (row) => void seen.push(row.line) }, (state) => progress.push(state.rows));
    assert.equal(report.rows.length, 0);
    assert.equal(report.summary.rows, 25_000);
    assert.equal(seen.length, 25_000);
    assert.ok(seen.every((line, index) => line === index + 2));
    assert.deepEqual(progress, [10_000, 20_000, 25_000]);
  } finally {
    dir.remove();
  }
});

test('aborting stops verification part way', async () => {
  const controller = new AbortController();
  const dir = tempDir();
  let seen = 0;
  try {
    const file = join(dir.path, 'list.csv');
    writeFileSync(file, `email\n${Array.from({ length: 100_000 }, (_, index) => `p${index}@clinic-sample.org`).join('\n')}\n`);
    const onRow = () => {
      if (++seen === 5) controller.abort(new Error('stopped by the author'));
    };
    await assert.rejects(verifyList({ path: file }, { collectRows: false, onRow }, undefined, controller.signal), /stopped by the author/);
    assert.ok(seen < 100_000, `read ${seen} rows after the abort`);
  } finally {
    dir.remove();
  }
});

test('a missing list file is a clear error', async () => {
  await assert.rejects(verifyList({ path: '/nonexistent/list.csv' }, {}), /List file \/nonexistent\/list\.csv was not found; check the path\./);
});
