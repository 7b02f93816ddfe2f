import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestLspClient } from '../support/lsp-client';

let workspace: string;
let client: TestLspClient;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-pull-'));
  fs.mkdirSync(path.join(workspace, 'partials'));
  fs.writeFileSync(path.join(workspace, 'partials', 'footer.mjml'), '<mj-section><mj-column><mj-text>PO Box 4, Millbrook, OR 97999 <a href="#">Unsubscribe</a></mj-text></mj-column></mj-section>');
  client = new TestLspClient();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('server offers pull diagnostics when the client supports them', async () => {
  const result = await client.initialize(workspace, { pull: true });
  assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'presend', interFileDependencies: true, workspaceDiagnostics: false });
});

test('pull report carries findings in includes as related documents', async () => {
  const uri = `file://${workspace}/newsletter.mjml`;
  const text = '<!-- presend\ncategory: marketing\nconsent: affirmative\n-->\n<mjml><mj-body><mj-include path="partials/footer.mjml" /></mj-body></mjml>';
  await client.open(uri, 'mjml', text);

  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
    kind: string;
    items: { code: string }[];
    relatedDocuments: Record<string, { kind: string; items: { code: string; range: unknown }[] }>;
  };

  assert.equal(report.kind, 'full');
  assert.deepEqual(report.items.map((item) => item.code), []);
  const footerUri = `file://${workspace}/partials/footer.mjml`;
  assert.deepEqual(Object.keys(report.relatedDocuments), [footerUri]);
  assert.deepEqual(report.relatedDocuments[footerUri].items.map((item) => [item.code, item.range]), [
    ['broken-unsubscribe', { start: { line: 0, character: 71 }, end: { line: 0, character: 72 } }],
  ]);
  // Nothing is pushed in pull mode.
  assert.equal(client.published.length, 0);
});
