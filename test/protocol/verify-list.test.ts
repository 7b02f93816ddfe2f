import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestLspClient } from '../support/lsp-client';

/** The list verification request over real JSON-RPC, with diagnostics and the typo fix on the CSV. */

let workspace: string;
let client: TestLspClient;

// Made-up people; the domains are chosen to trigger each reason.
const LIST = ['email,first_name,consent', 'avery.quinn@gmail.com,Avery,yes', 'sam.okafor@gmial.com,Sam,yes', 'not-an-address,Jo,yes', 'avery.quinn@gmail.com,Avery,yes'].join('\n');

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-list-'));
  fs.writeFileSync(path.join(workspace, 'recipients.csv'), LIST);
  client = new TestLspClient();
  await client.initialize(workspace);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('verifyList through the template counts verdicts and lists problems', async () => {
  const templateUri = `file://${workspace}/spring.html`;
  await client.open(templateUri, 'html', '<!-- presend\ncategory: marketing\nlist: recipients.csv\n-->\n<p>Hello {{first_name}} {{patient.dob}}</p>');
  const result = (await client.connection.sendRequest('presend/verifyList', { uri: templateUri })) as {
    uri: string;
    rows: number;
    verdicts: Record<string, number>;
    problems: { line: number; email: string; verdict: string; reasons: string[] }[];
    checks: { id: string; reason: string }[];
  };

  assert.equal(result.uri, `file://${workspace}/recipients.csv`);
  assert.equal(result.rows, 4);
  assert.deepEqual(result.verdicts, { ok: 1, review: 1, exclude: 2 });
  assert.deepEqual(
    result.problems.map((row) => [row.line, row.email, row.verdict, row.reasons]),
    [
      [3, 'sam.okafor@gmial.com', 'review', ['typo']],
      [4, 'not-an-address', 'exclude', ['invalid-syntax']],
      [5, 'avery.quinn@gmail.com', 'exclude', ['duplicate']],
    ],
  );
  assert.deepEqual(result.checks.map((check) => [check.id, check.reason]), [
    ['list-missing-fields', 'The template uses merge fields the list has no column for: patient.dob.'],
  ]);
});

test('list diagnostics carry the typo fix', async () => {
  const csvUri = `file://${workspace}/recipients.csv`;
  const published = await client.waitForDiagnostics(csvUri, () => true);
  assert.deepEqual(
    published.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.severity, diagnostic.code]),
    [
      [2, 0, 2, 'typo'],
      [3, 0, 1, 'invalid-syntax'],
      [4, 0, 1, 'duplicate'],
    ],
  );

  await client.open(csvUri, 'csv', LIST);
  const typo = published.diagnostics[0];
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: csvUri },
    range: typo.range,
    context: { diagnostics: [typo] },
  })) as { title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];

  assert.deepEqual(actions.map((action) => action.title), ['Change to sam.okafor@gmail.com']);
  assert.deepEqual(actions[0].edit.changes[csvUri], [{ range: typo.range, newText: 'sam.okafor@gmail.com' }]);
});

test('verifyList on a template without a list says what to add', async () => {
  const uri = `file://${workspace}/nolist.html`;
  await client.open(uri, 'html', '<p>Hi</p>');
  await assert.rejects(client.connection.sendRequest('presend/verifyList', { uri }), /names no recipient list; add "list: recipients.csv"/);
});
