import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestLspClient } from '../support/lsp-client';

let workspace: string;
let client: TestLspClient;
let uri: string;

const TEMPLATE = [
  '<!-- presend',
  'category: marketing',
  'consent: affirmative',
  'previewData: sample.json',
  'list: recipients.csv',
  '-->',
  '<mjml><mj-body><mj-section><mj-column>',
  '<mj-text>Hello {{ patient.first_name }}, see you on {{ appt.date }}. <script>alert(1)</script></mj-text>',
  '<mj-text>PO Box 4, Millbrook, OR 97999 <a href="#">Unsubscribe</a></mj-text>',
  '</mj-column></mj-section></mj-body></mjml>',
].join('\n');

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-requests-'));
  fs.writeFileSync(path.join(workspace, 'sample.json'), JSON.stringify({ patient: { first_name: 'Avery' }, appt: { date: 'March 3' } }));
  uri = `file://${workspace}/spring.mjml`;
  client = new TestLspClient();
  await client.initialize(workspace);
  await client.open(uri, 'mjml', TEMPLATE);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('templateInfo returns category, counts and list', async () => {
  const info = await client.connection.sendRequest('presend/templateInfo', { uri });
  assert.deepEqual(info, {
    uri,
    category: 'marketing',
    categorySource: 'directive',
    counts: { error: 1, warning: 0, info: 0 },
    listPath: path.join(workspace, 'recipients.csv'),
  });
});

test('render compiles MJML with sample data and marks findings', async () => {
  const result = (await client.connection.sendRequest('presend/render', { uri, useSampleData: true, maskPhi: false })) as {
    html: string;
    text: string;
    version: number;
    errors: unknown[];
    findings: { ruleId: string; anchor?: string; uri: string }[];
    timings: { compileMs: number; presendMs: number };
  };

  assert.equal(result.version, 1);
  assert.match(result.html, /Hello Avery, see you on March 3\./);
  assert.match(result.text, /Hello Avery, see you on March 3\./);
  assert.deepEqual(result.findings.map((finding) => [finding.ruleId, finding.uri, typeof finding.anchor]), [['broken-unsubscribe', uri, 'string']]);
  assert.ok(result.html.includes(`data-presend-finding="${result.findings[0].anchor}"`) || result.html.includes(`presend-finding-${result.findings[0].anchor}`));
  assert.equal(typeof result.timings.compileMs, 'number');
});

test('render masks PHI fields when asked', async () => {
  const result = (await client.connection.sendRequest('presend/render', { uri, useSampleData: true, maskPhi: true })) as { html: string };
  assert.doesNotMatch(result.html, /Avery/);
  assert.doesNotMatch(result.html, /March 3/);
});

test('render without sample data highlights tags', async () => {
  const result = (await client.connection.sendRequest('presend/render', { uri, useSampleData: false, maskPhi: false })) as { html: string };
  assert.match(result.html, /<mark class="presend-tag">\{\{ patient\.first_name \}\}<\/mark>/);
});

test('gate answers with its checks over JSON-RPC', async () => {
  const result = (await client.connection.sendRequest('presend/gate', { uri, overrides: [] })) as {
    uri: string;
    verdict: string;
    checks: { id: string; status: string; overridable: boolean }[];
  };

  assert.equal(result.uri, uri);
  assert.equal(result.verdict, 'fail');
  const template = result.checks.find((check) => check.id === 'template');
  assert.deepEqual(template && [template.status, template.overridable], ['fail', true]);
  assert.deepEqual(result.checks.find((check) => check.id === 'spf')?.status, 'warn');
  assert.ok(fs.existsSync(path.join(workspace, '.presend', 'audit.jsonl')));
});

test('gate override needs a reason', async () => {
  await assert.rejects(client.connection.sendRequest('presend/gate', { uri, overrides: [{ checkId: 'template', reason: ' ' }] }), /reason/i);
});

test('gate refuses a config with invalid streams', async () => {
  const configUri = `file://${workspace}/presend.config.json`;
  const text = '{ "streams": { "transactional": { "from": "oops" } } }';
  fs.writeFileSync(path.join(workspace, 'presend.config.json'), text);
  await client.open(configUri, 'json', text);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });

  await assert.rejects(client.connection.sendRequest('presend/gate', { uri, overrides: [] }), /"streams" in .*presend\.config\.json has problems/);
  fs.rmSync(path.join(workspace, 'presend.config.json'));
});
