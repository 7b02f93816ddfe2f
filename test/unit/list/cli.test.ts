import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyList, type VerifyListHooks } from '../../../server/src/cli/verify-list';
import { UsageError } from '../../../server/src/cli/io';
import { startDnsServer } from '../../support/dns-server';
import { sha256, tempDir } from './helpers';

async function run(argv: string[], cwd: string, hooks?: VerifyListHooks): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runVerifyList(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd }, hooks);
  return { code, stdout, stderr };
}

const LIST = [
  'email,name,note,marketing_consent',
  'ann@clinic-sample.org,Ann,=HYPERLINK("http://evil.test"),yes',
  'ben@gmial.com,Ben,"+1 555 0100",yes',
  'bad-address,Cy,"-2, with comma",yes',
  'dee@clinic-sample.org,"@Dee","line one',
  'line two",no',
].join('\r\n');

test('exit codes and JSON output', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'clean.csv'), 'email\nann@clinic-sample.org\n');
    const clean = await run(['clean.csv', '--format', 'json'], dir.path);
    assert.equal(clean.code, 0);
    const cleanJson = JSON.parse(clean.stdout);
    assert.deepEqual(cleanJson.rows, [{ line: 2, email: 'ann@clinic-sample.org', normalized: 'ann@clinic-sample.org', verdict: 'ok', reasons: [], risk: 0 }]);
    assert.equal(cleanJson.summary.rows, 1);

    writeFileSync(join(dir.path, 'list.csv'), LIST);
    const result = await run(['list.csv', '--format', 'json', '--category', 'marketing'], dir.path);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(json).sort(), ['rows', 'summary']);
    assert.deepEqual(
      json.rows.map((row: { line: number; verdict: string; reasons: string[]; suggestion?: string }) => [row.line, row.verdict, row.reasons, row.suggestion]),
      [
        [2, 'ok', [], undefined],
        [3, 'review', ['typo'], 'ben@gmail.com'],
        [4, 'exclude', ['invalid-syntax'], undefined],
        [5, 'exclude', ['missing-consent'], undefined],
      ],
    );
    assert.deepEqual(json.summary.verdicts, { ok: 1, review: 1, exclude: 2 });
    assert.equal(json.summary.emailColumn, 'email');
  } finally {
    dir.remove();
  }
});

test('text output: summary table and the rows to look at', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), LIST);
    const result = await run(['list.csv', '--category', 'marketing'], dir.path);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      [
        'list.csv: 4 rows, utf-8, delimiter ",", address column "email"',
        '',
        '  verdict  rows',
        '  ok       1',
        '  review   1',
        '  exclude  2',
        '',
        '  reason           rows',
        '  invalid-syntax   1',
        '  typo             1',
        '  missing-consent  1',
        '',
        'Rows to exclude or review:',
        '  line 3  review  ben@gmial.com  typo (did you mean ben@gmail.com?)',
        '  line 4  exclude  bad-address  invalid-syntax',
        '  line 5  exclude  dee@clinic-sample.org  missing-consent',
        '',
      ].join('\n'),
    );
  } finally {
    dir.remove();
  }
});

test('--out writes sendable.csv and excluded.csv with formulas neutralised; the source is untouched', async () => {
  const dir = tempDir();
  try {
    const source = join(dir.path, 'list.csv');
    writeFileSync(source, LIST);
    const before = sha256(source);
    const result = await run(['list.csv', '--category', 'marketing', '--out', 'split/run1'], dir.path);
    assert.equal(result.code, 1);
    assert.equal(sha256(source), before);

    const out = join(dir.path, 'split/run1');
    assert.deepEqual(readdirSync(out).sort(), ['excluded.csv', 'sendable.csv']);
    assert.equal(
      readFileSync(join(out, 'sendable.csv'), 'utf8'),
      [
        'email,name,note,marketing_consent',
        `ann@clinic-sample.org,Ann,"'=HYPERLINK(""http://evil.test"")",yes`,
        "ben@gmial.com,Ben,'+1 555 0100,yes",
        '',
      ].join('\r\n'),
    );
    assert.equal(
      readFileSync(join(out, 'excluded.csv'), 'utf8'),
      [
        'email,name,note,marketing_consent,presend_reason',
        `bad-address,Cy,"'-2, with comma",yes,invalid-syntax`,
        `dee@clinic-sample.org,'@Dee,"line one\r\nline two",no,missing-consent`,
        '',
      ].join('\r\n'),
    );
  } finally {
    dir.remove();
  }
});

test('--out keeps the delimiter and byte order mark of the source', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), '\uFEFFEmail;Name\r\nlea@clinic-sample.de;Léa\r\n');
    const result = await run(['list.csv', '--out', '.'], dir.path);
    assert.equal(result.code, 0);
    assert.equal(readFileSync(join(dir.path, 'sendable.csv'), 'utf8'), '\uFEFFEmail;Name\r\nlea@clinic-sample.de;Léa\r\n');
    assert.equal(readFileSync(join(dir.path, 'excluded.csv'), 'utf8'), '\uFEFFEmail;Name;presend_reason\r\n');
  } finally {
    dir.remove();
  }
});

test('--out refuses to overwrite the list itself', async () => {
  const dir = tempDir();
  try {
    const source = join(dir.path, 'sendable.csv');
    writeFileSync(source, 'email\nann@clinic-sample.org\n');
    const before = sha256(source);
    await assert.rejects(run(['sendable.csv', '--out', '.'], dir.path), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /Refusing to write .*sendable\.csv: it is the list being verified\. Choose another --out folder\./);
      return true;
    });
    assert.equal(sha256(source), before);
    assert.equal(existsSync(join(dir.path, 'excluded.csv')), false);
  } finally {
    dir.remove();
  }
});

test('bad usage raises UsageError', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), 'name\nAnn\n');
    const cases: [string[], RegExp][] = [
      [[], /name the list to verify/],
      [['a.csv', 'b.csv'], /give one list, not 2: a\.csv b\.csv/],
      [['list.csv', '--format', 'xml'], /unknown format "xml"; use one of text, json/],
      [['list.csv', '--category', 'promo'], /unknown category "promo"; use marketing or transactional/],
      [['list.csv', '--dns', '--no-dns'], /contradict/],
      [['list.csv', '--dns-server', 'not a server'], /Invalid DNS server "not a server": write it as HOST or HOST:PORT/],
      [['list.csv', '--dns-server', '127.0.0.1:53', '--no-dns'], /--no-dns turns off/],
      [['list.csv', '--bogus'], /Unknown option '--bogus'.*presend verify-list --help/],
      [['missing.csv'], /List file .*missing\.csv was not found; check the path\./],
      [['list.csv'], /No address column found\. Headers found: "name"\. Name the column with --email-column NAME/],
      [['list.csv', '--email-column', 'mail'], /No column "mail" in the header row/],
    ];
    for (const [argv, message] of cases) {
      await assert.rejects(run(argv, dir.path), (error: Error) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
    const help = await run(['--help'], dir.path);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: presend verify-list FILE\.csv/);
  } finally {
    dir.remove();
  }
});

test('--dns-server turns on DNS checks against that server', async () => {
  const server = await startDnsServer({ 'nullmx.clinic-sample.org': { mx: [{ exchange: '.', priority: 0 }] } });
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), 'email\nann@nullmx.clinic-sample.org\n');
    const result = await run(['list.csv', '--dns-server', server.address, '--format', 'json'], dir.path);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout).rows[0].reasons, ['null-mx']);
    const offline = await run(['list.csv', '--no-dns'], dir.path);
    assert.equal(offline.code, 0);
    assert.deepEqual(server.queries, ['MX nullmx.clinic-sample.org']);
  } finally {
    dir.remove();
    await server.close();
  }
});

test('--template with and without loader', async () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'list.csv'), 'email,diagnosis\nann@clinic-sample.org,x\n');
    writeFileSync(join(dir.path, 'unsubscribed.txt'), 'ann@clinic-sample.org\n');
    await assert.rejects(run(['list.csv', '--template', 'promo.mjml'], dir.path), /Template ".*promo\.mjml" was not found; check the --template path\./);

    // The built-in loader reads the template's directive and merge fields.
    writeFileSync(
      join(dir.path, 'promo.mjml'),
      '<!-- presend\ncategory: marketing\nsuppression: unsubscribed.txt\n-->\n<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }} <a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>',
    );
    const real = await run(['list.csv', '--template', 'promo.mjml', '--format', 'json'], dir.path);
    assert.equal(real.code, 1);
    const realJson = JSON.parse(real.stdout);
    assert.deepEqual(realJson.rows[0].reasons, ['suppressed']);
    assert.deepEqual(realJson.summary.listFindings, [
      { id: 'phi-columns', columns: ['diagnosis'] },
      { id: 'missing-fields', fields: ['first_name'] },
      { id: 'no-consent-column' },
    ]);

    const loaded: string[] = [];
    const hooks: VerifyListHooks = {
      loadTemplateContext: async (templatePath) => {
        loaded.push(templatePath);
        return { category: 'marketing', mergeFields: ['first_name'], suppression: 'unsubscribed.txt' };
      },
    };
    const result = await run(['list.csv', '--template', 'promo.mjml', '--format', 'json'], dir.path, hooks);
    assert.deepEqual(loaded, [join(dir.path, 'promo.mjml')]);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.rows[0].reasons, ['suppressed']);
    assert.deepEqual(json.summary.listFindings, [
      { id: 'phi-columns', columns: ['diagnosis'] },
      { id: 'missing-fields', fields: ['first_name'] },
      { id: 'no-consent-column' },
    ]);
  } finally {
    dir.remove();
  }
});
