import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import type { GateResult, VerifyListResult } from '../../../server/src/protocol';
import { buildReportHtml, reportLocations, verdictChart, type ReportModel, type ReportStrings } from '../../../client/src/report/html';

const strings = new Proxy({} as ReportStrings, {
  get: (_target, key) => (key === 'statuses' || key === 'verdicts' ? new Proxy({}, { get: (_t, k) => `[${String(k)}]` }) : `[${String(key)}]`),
});

const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });

const gate: GateResult = {
  uri: 'file:///w/reminder.mjml',
  verdict: 'fail',
  checks: [
    { id: 'opt-out', title: 'Opt-out link', status: 'fail', reason: 'No <unsubscribe> link', fix: 'Add one', location: { uri: 'file:///w/reminder.mjml', range: range(4) }, overridable: true },
    { id: 'phi', title: 'PHI in subject', status: 'fail', reason: 'Diagnosis in subject', overridable: false },
    { id: 'dns', title: 'Sender DNS', status: 'overridden', reason: 'SPF missing', overridable: true, overrideReason: 'Test send to staff' },
    { id: 'category', title: 'Category', status: 'pass', reason: 'Transactional', location: { uri: 'file:///w/reminder.mjml', range: range(0) }, overridable: false },
  ],
};

const list: VerifyListResult = {
  uri: 'file:///w/list.csv',
  rows: 10,
  verdicts: { ok: 7, review: 2, exclude: 1 },
  reasons: { typo: 1, duplicate: 1, 'no-mx': 1 },
  notices: ['Read as windows-1252'],
  problems: [
    { line: 3, email: 'ada@exmaple.com', verdict: 'review', reasons: ['typo'], reason: 'Looks like a typo', fix: 'ada@example.com' },
    { line: 8, email: 'x@invalid.test', verdict: 'exclude', reasons: ['no-mx'], reason: 'No mail server' },
  ],
  truncated: true,
  checks: [{ id: 'phi-columns', title: 'PHI columns', status: 'warn', reason: 'Column diagnosis', location: { uri: 'file:///w/list.csv', range: range(0) }, overridable: false }],
};

function build(model: ReportModel): string {
  return buildReportHtml({ nonce: 'abc', cspSource: 'https://*.vscode-cdn.net', scriptUri: 'https://r.test/report.js', styleUri: 'https://r.test/report.css', model, strings });
}

test('uses a nonce-based policy and only its own script', () => {
  const html = build({ kind: 'gate', fileName: 'reminder.mjml', result: gate });

  assert.match(html, /content="default-src 'none'; style-src https:\/\/\*\.vscode-cdn\.net 'unsafe-inline'; script-src 'nonce-abc'"/);
  assert.deepEqual(html.match(/<script\b[^>]*>/g), ['<script nonce="abc" src="https://r.test/report.js">']);
});

test('offers Override only on failing checks that allow it, and shows override reasons', () => {
  const html = build({ kind: 'gate', fileName: 'reminder.mjml', result: gate });

  assert.deepEqual(html.match(/data-override="[^"]*"/g), ['data-override="opt-out"']);
  assert.match(html, /\[overriddenBecause\]/);
  assert.match(html, /No &lt;unsubscribe&gt; link/);
  assert.match(html, /class="verdict verdict-fail"/);
});

test('numbers links in the order of reportLocations', () => {
  const gateModel: ReportModel = { kind: 'gate', fileName: 'reminder.mjml', result: gate };
  const listModel: ReportModel = { kind: 'list', fileName: 'list.csv', result: list };

  assert.deepEqual(build(gateModel).match(/data-reveal="\d+">[^<]*/g), ['data-reveal="0">Opt-out link', 'data-reveal="1">Category']);
  assert.deepEqual(reportLocations(gateModel).map((l) => l.range.start.line), [4, 0]);

  assert.deepEqual(build(listModel).match(/data-reveal="\d+">[^<]*/g), ['data-reveal="0">PHI columns', 'data-reveal="1">3', 'data-reveal="2">8']);
  assert.deepEqual(
    reportLocations(listModel).map((l) => [l.uri, l.range.start.line]),
    [
      ['file:///w/list.csv', 0],
      ['file:///w/list.csv', 2],
      ['file:///w/list.csv', 7],
    ],
  );
});

test('draws one bar per verdict, scaled to the largest count', () => {
  const svg = verdictChart({ ok: 8, review: 4, exclude: 0 }, strings);
  const widths = [...svg.matchAll(/<rect class="bar bar-(\w+)"[^>]* width="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);

  assert.deepEqual(widths, [
    ['ok', 210],
    ['review', 105],
    ['exclude', 0],
  ]);
  assert.match(svg, /role="img" aria-label="\[ok\] 8, \[review\] 4, \[exclude\] 0"/);
});

test('list rows and truncation notice', () => {
  const html = build({ kind: 'list', fileName: 'list.csv', result: list });

  assert.match(html, /<tr class="verdict-review"><td><a href="#" data-reveal="1">3<\/a><\/td><td>ada@exmaple\.com<\/td><td>\[review\]<\/td><td>Looks like a typo<\/td><td>ada@example\.com<\/td><\/tr>/);
  assert.match(html, /class="truncated"/);
  assert.match(html, /Read as windows-1252/);
});

test('gate report charts the list verdicts', () => {
  const withList: GateResult = {
    ...gate,
    checks: [...gate.checks, { id: 'list', title: 'Recipient list', status: 'fail', reason: '1 of 10 rows', overridable: true, verdicts: { ok: 7, review: 2, exclude: 1 } }],
  };
  const html = build({ kind: 'gate', fileName: 'reminder.mjml', result: withList });
  assert.ok(html.includes(verdictChart({ ok: 7, review: 2, exclude: 1 }, strings)));
  assert.doesNotMatch(build({ kind: 'gate', fileName: 'reminder.mjml', result: gate }), /<svg/);
});
