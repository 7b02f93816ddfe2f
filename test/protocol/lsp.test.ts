import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestLspClient, type PublishedDiagnostics } from '../support/lsp-client';

/**
 * Starts the bundled language server over stdio and exchanges real JSON-RPC with it, as an
 * editor would: push diagnostics, pull diagnostics, hover, code actions, configuration.
 */

const MARKETING = [
  '<!-- presend',
  'category: marketing',
  'consent: affirmative',
  '-->',
  '<p>Spring fair on April 18.</p>',
  '<p>418 Alder Creek Road, Millbrook, OR 97999</p>',
  '<p><a href="http://example.org/unsubscribe">Unsubscribe</a></p>',
].join('\n');

let workspace: string;
let client: TestLspClient;
let templateUri: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-lsp-'));
  templateUri = `file://${workspace}/newsletter.html`;
  client = new TestLspClient();
  await client.initialize(workspace);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const codes = (published: PublishedDiagnostics) => published.diagnostics.map((diagnostic) => diagnostic.code);

test('open publishes diagnostics with rule metadata', async () => {
  await client.open(templateUri, 'html', MARKETING);
  const published = await client.waitForDiagnostics(templateUri, (entry) => entry.version === 1);

  assert.deepEqual(codes(published), ['broken-unsubscribe']);
  const [diagnostic] = published.diagnostics;
  assert.equal(diagnostic.source, 'presend');
  assert.equal(diagnostic.severity, 1);
  assert.deepEqual(diagnostic.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 42 } });
  assert.match(diagnostic.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/broken-unsubscribe\.md$/);
});

test('change re-checks and drops stale versions', async () => {
  const withoutOptOut = MARKETING.replace(/<p><a href=.*<\/a><\/p>/, '<p>Thanks for reading.</p>');
  await client.change(templateUri, 2, withoutOptOut.replace('Spring', 'Summer'));
  await client.change(templateUri, 3, withoutOptOut);
  const published = await client.waitForDiagnostics(templateUri, (entry) => entry.version === 3);

  assert.deepEqual(codes(published), ['missing-unsubscribe']);
  assert.deepEqual(published.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } });
  // The debounce coalesces versions 2 and 3 into one check: version 2 is never published.
  assert.equal(client.published.some((entry) => entry.uri === templateUri && entry.version === 2), false);
});

test('hover explains the finding and its regulation', async () => {
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: templateUri },
    position: { line: 0, character: 3 },
  })) as { contents: { kind: string; value: string } };

  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /has no unsubscribe link/);
  assert.match(hover.contents.value, /15 USC 7704\(a\)\(3\)/);
});

test('code actions offer disable and documentation', async () => {
  const published = client.published.filter((entry) => entry.uri === templateUri && entry.version === 3)[0];
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: templateUri },
    range: published.diagnostics[0].range,
    context: { diagnostics: published.diagnostics },
  })) as { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[];

  assert.deepEqual(actions.map((action) => action.title), ['Disable missing-unsubscribe for this file', 'Show documentation for missing-unsubscribe']);
  assert.deepEqual(actions[0].edit!.changes[templateUri], [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- presend-disable-file missing-unsubscribe -- reason -->\n' },
  ]);
});

test('quick fix is offered for the current version', async () => {
  await client.change(templateUri, 4, MARKETING);
  const published = await client.waitForDiagnostics(templateUri, (entry) => entry.version === 4);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: templateUri },
    range: published.diagnostics[0].range,
    context: { diagnostics: published.diagnostics },
  })) as { title: string; isPreferred?: boolean; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } }[];

  const fix = actions.find((action) => action.isPreferred);
  assert.equal(fix?.title, 'Use https: for the unsubscribe link');
  assert.deepEqual(fix?.edit?.changes[templateUri], [{ range: { start: { line: 6, character: 12 }, end: { line: 6, character: 16 } }, newText: 'https' }]);
});

test('configuration change re-checks with new severities', async () => {
  client.settings = { rules: { 'broken-unsubscribe': 'off' } };
  const before = client.published.length;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const published = await client.waitForDiagnostics(templateUri, (entry) => client.published.indexOf(entry) >= before);

  assert.deepEqual(codes(published), []);
  client.settings = {};
});

test('config file in the workspace applies and gets diagnostics', async () => {
  const configUri = `file://${workspace}/presend.config.json`;
  const text = '{ "rules": { "broken-unsubscribe": "warning" }, "colour": 1 }';
  fs.writeFileSync(path.join(workspace, 'presend.config.json'), text);
  await client.open(configUri, 'json', text);

  const configDiagnostics = await client.waitForDiagnostics(configUri, () => true);
  assert.deepEqual(configDiagnostics.diagnostics.map((diagnostic) => diagnostic.message), [
    'Unknown key "colour"; accepted keys here: rules, defaults, overrides, mergeTags, unsubscribe, organization, phi, trackers, classifier, streams, maxFileSize.',
  ]);

  const published = await client.waitForDiagnostics(templateUri, (entry) => entry.diagnostics.some((diagnostic) => diagnostic.severity === 2));
  assert.deepEqual(codes(published), ['broken-unsubscribe']);
});

test('close clears diagnostics', async () => {
  const before = client.published.length;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: templateUri } });
  const published = await client.waitForDiagnostics(templateUri, (entry) => client.published.indexOf(entry) >= before);
  assert.deepEqual(published.diagnostics, []);
});

test('malformed input does not crash the server', async () => {
  const uri = `file://${workspace}/broken.mjml`;
  await client.open(uri, 'mjml', '<mjml><mj-body><mj-text>\u0000\uFFFD<<<{{#if}}{{/each}}<a href="{{"></mj-body>');
  const published = await client.waitForDiagnostics(uri, () => true);
  assert.ok(Array.isArray(published.diagnostics));
});

test('hover on a merge tag shows its PHI class', async () => {
  const uri = `file://${workspace}/results.html`;
  await client.open(uri, 'html', '<!-- presend\ncategory: transactional\n-->\n<p>Your result for {{ patient.diagnosisCode }} is ready.</p>');
  await client.waitForDiagnostics(uri, () => true);
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: 25 },
  })) as { contents: { value: string } };

  assert.match(hover.contents.value, /patient\.diagnosisCode/);
  assert.match(hover.contents.value, /clinical/);
});
