import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/cli');

async function run(argv: string[], cwd = FIXTURES): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

test('check reports a finding in a partial by its path', async () => {
  const result = await run(['check', '.']);
  assert.equal(result.code, 1);
  assert.equal(
    result.stdout,
    [
      'marketing.mjml',
      '  partials/footer.mjml:3:65  error  The unsubscribe link\'s href is a page anchor, so the opt-out does not work.  broken-unsubscribe',
      '',
      '1 finding (1 error, 0 warnings, 0 info) in 2 checked files',
      '',
    ].join('\n'),
  );
});

test('check json gives 1-based positions and categories', async () => {
  const result = await run(['check', 'marketing.mjml', 'reminder.html', '--format', 'json']);
  const json = JSON.parse(result.stdout) as { files: { path: string; category: { name: string; source: string }; findings: Record<string, unknown>[] }[]; summary: Record<string, number> };

  assert.deepEqual(json.files.map((file) => [file.path, file.category.name, file.category.source, file.findings.length]), [
    ['marketing.mjml', 'marketing', 'directive', 1],
    ['reminder.html', 'transactional', 'directive', 0],
  ]);
  assert.deepEqual(json.files[0].findings[0], {
    ruleId: 'broken-unsubscribe',
    severity: 'error',
    message: 'The unsubscribe link\'s href is a page anchor, so the opt-out does not work.',
    path: path.join(FIXTURES, 'partials/footer.mjml'),
    line: 3,
    column: 65,
    endLine: 3,
    endColumn: 66,
    data: { reason: 'a page anchor' },
  });
  assert.deepEqual(json.summary, { errors: 1, warnings: 0, infos: 0, failedFiles: 0 });
});

test('check sarif is 2.1.0 with rule metadata', async () => {
  const result = await run(['check', 'marketing.mjml', '--format', 'sarif']);
  const sarif = JSON.parse(result.stdout);

  assert.equal(sarif.version, '2.1.0');
  const [run0] = sarif.runs;
  assert.equal(run0.tool.driver.name, 'presend');
  assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'broken-unsubscribe'));
  assert.deepEqual(run0.results.map((entry: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }) => [
    entry.ruleId,
    entry.level,
    entry.locations[0].physicalLocation.artifactLocation.uri,
    entry.locations[0].physicalLocation.region.startLine,
    entry.locations[0].physicalLocation.region.startColumn,
  ]), [['broken-unsubscribe', 'error', 'partials/footer.mjml', 3, 65]]);
  const ruleIndex = run0.results[0].ruleIndex;
  assert.equal(run0.tool.driver.rules[ruleIndex].id, 'broken-unsubscribe');
});

test('max-warnings decides the exit code for warnings', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.html'), '<!-- presend-disable-next-line broken-unsubscribe -->\n<p>Hello</p>');
    fs.writeFileSync(path.join(dir, 'presend.config.json'), '{ "defaults": { "category": "transactional" } }');
    assert.equal((await run(['check', 'a.html'], dir)).code, 0);
    assert.equal((await run(['check', 'a.html', '--max-warnings', '0'], dir)).code, 1);
    assert.equal((await run(['check', 'a.html', '--max-warnings', '1'], dir)).code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bad usage exits with 2 and names the value', async () => {
  const format = await run(['check', '.', '--format', 'xml']);
  assert.equal(format.code, 2);
  assert.equal(format.stderr, 'presend check: Unknown format "xml"; use one of stylish, json, sarif.\n');

  const warnings = await run(['check', '.', '--max-warnings', 'many']);
  assert.equal(warnings.code, 2);
  assert.equal(warnings.stderr, 'presend check: Invalid --max-warnings "many"; give a whole number of 0 or more.\n');

  const nothing = await run(['check', 'nope.mjml']);
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /presend: nope\.mjml: not found/);

  const unknown = await run(['lint']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "lint"/);
});

test('unreadable file is reported and the run goes on', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'good.html'), '<!-- presend\ncategory: transactional\n-->\n<p>Hi</p>');
    fs.mkdirSync(path.join(dir, 'folder.html'));
    fs.writeFileSync(path.join(dir, 'folder.html', 'inner.txt'), 'not a template');
    const result = await run(['check', 'good.html', 'folder.html', '--format', 'json'], dir);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.files.map((file: { path: string }) => file.path), ['good.html']);
    assert.match(result.stderr, /folder\.html: the folder contains no \.mjml, \.html or \.htm files/);
    assert.match(result.stderr, /1 of the named paths or files could not be checked/);
    assert.equal(result.code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('oversized file is skipped with a notice', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'big.html'), `<p>${'x'.repeat(2000)}</p>`);
    fs.writeFileSync(path.join(dir, 'presend.config.json'), '{ "maxFileSize": 1000 }');
    const result = await run(['check', 'big.html'], dir);
    assert.match(result.stdout, /skipped {2}2007 bytes is over the 1000-byte limit; raise maxFileSize in presend\.config\.json to check it\./);
    assert.equal(result.code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('invalid config is reported and checking continues', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.html'), '<!-- presend\ncategory: transactional\n-->\n<p>Hi</p>');
    fs.writeFileSync(path.join(dir, 'presend.config.json'), '{\n  "rules": { "missing-unsubscribe": "loud" }\n}');
    const result = await run(['check', 'a.html'], dir);
    assert.equal(result.stderr, `${path.join(dir, 'presend.config.json')}:2: "rules.missing-unsubscribe" is "loud"; use one of "off", "info", "warning", "error".\n`);
    assert.equal(result.code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('rules lists every rule', async () => {
  const result = await run(['rules', '--json']);
  const rules = JSON.parse(result.stdout) as { id: string; family: string; defaultSeverity: string }[];
  assert.deepEqual(rules.find((rule) => rule.id === 'missing-unsubscribe'), {
    id: 'missing-unsubscribe',
    family: 'opt-out',
    defaultSeverity: 'error',
    fixable: false,
    description: 'Commercial and fundraising messages need a working unsubscribe link or an ESP unsubscribe tag.',
  });
});

test('missing path fails the run', async () => {
  const result = await run(['check', 'reminder.html', 'typo-path.mjml']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /presend: typo-path\.mjml: not found/);
});

test('UTF-16 template is decoded', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    const text = '<!-- presend\ncategory: marketing\n-->\n<p>PO Box 4, Millbrook, OR 97999</p>';
    fs.writeFileSync(path.join(dir, 'wide.html'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await run(['check', 'wide.html', '--format', 'json'], dir);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.files[0].findings.map((finding: { ruleId: string }) => finding.ruleId).sort(), ['missing-ad-label', 'missing-unsubscribe']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('binary and non-UTF-8 files are not checked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'blob.html'), Buffer.from([0x3c, 0x70, 0x00, 0x01, 0x3e]));
    fs.writeFileSync(path.join(dir, 'latin.html'), Buffer.from('<p>Jos\xe9</p>', 'latin1'));
    const result = await run(['check', 'blob.html', 'latin.html'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stdout, /blob\.html\n {2}error {2}The file contains NUL bytes, so it is binary, not a template\./);
    assert.match(result.stdout, /latin\.html\n {2}error {2}The file is not valid UTF-8; save it as UTF-8/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('empty path and stray arguments are usage errors', async () => {
  const empty = await run(['check', '']);
  assert.equal(empty.code, 2);
  assert.equal(empty.stderr, 'presend check: An empty path was given; name template files, folders or globs.\n');

  const rules = await run(['rules', '--bogus']);
  assert.equal(rules.code, 2);
  assert.equal(rules.stderr, 'presend rules: Unknown argument "--bogus"; presend rules takes only --json.\n');
});

test('explicit config that is not JSON exits with 2', async () => {
  const result = await run(['check', 'reminder.html', '--config', 'reminder.html']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--config reminder\.html is not valid JSON; fix it or leave --config out\./);
  const lines = result.stderr.trim().split('\n');
  assert.equal(new Set(lines).size, lines.length);
});
