import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, parseConfigText, resolveConfig, settingsForFile } from '../../../server/src/core/config/load';
import { checkSnippet } from '../../support/rule-tester';

/** Rules these tests exercise; other rules' findings on the same snippets are not their concern. */
const RULES_UNDER_TEST = new Set(['missing-unsubscribe', 'missing-postal-address', 'hidden-unsubscribe']);
const check = (code: string, options: Parameters<typeof checkSnippet>[1] = {}) =>
  checkSnippet(code, options).filter((finding) => RULES_UNDER_TEST.has(finding.ruleId));

const MARKETING = ['<!-- presend', 'category: marketing', '-->', '<p>Spring fair.</p>'].join('\n');

test('severity setting changes the finding severity', () => {
  const findings = check(MARKETING, { config: { rules: { 'missing-unsubscribe': 'warning', 'missing-postal-address': 'off' } } });
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['missing-unsubscribe', 'warning']]);
});

test('rule options override defaults', () => {
  const code = [
    '<!-- presend', 'category: marketing', '-->',
    '<p>418 Alder Creek Road, Millbrook, OR 97999</p>',
    '<p style="font-size:11px"><a href="{{unsubscribe_url}}" style="color:#0b6e4f">Unsubscribe</a></p>',
  ].join('\n');
  assert.deepEqual(check(code).map((finding) => finding.ruleId), []);

  const strict = check(code, { config: { rules: { 'hidden-unsubscribe': { options: { minimumFontSizePx: 12 } } } } });
  assert.deepEqual(strict.map((finding) => [finding.ruleId, finding.messageId, finding.data.size]), [['hidden-unsubscribe', 'tooSmall', 11]]);
});

test('overrides apply by glob with later entries winning', () => {
  const config = resolveConfig(
    {
      rules: { 'missing-postal-address': 'warning' },
      defaults: { category: 'transactional' },
      overrides: [
        { files: 'marketing/**', category: 'marketing', rules: { 'missing-postal-address': 'error' } },
        { files: ['marketing/legacy/*.html'], rules: { 'missing-postal-address': 'off' } },
      ],
    },
    '/workspace',
    true,
  );
  assert.deepEqual(settingsForFile(config, '/workspace/care/reminder.mjml'), {
    rules: { 'missing-postal-address': 'warning' },
    defaults: { category: 'transactional' },
  });
  assert.deepEqual(settingsForFile(config, '/workspace/marketing/spring.mjml'), {
    rules: { 'missing-postal-address': 'error' },
    defaults: { category: 'marketing' },
  });
  assert.deepEqual(settingsForFile(config, '/workspace/marketing/legacy/old.html'), {
    rules: { 'missing-postal-address': 'off' },
    defaults: { category: 'marketing' },
  });
});

test('config category applies when the directive has none', () => {
  const findings = check('<p>Spring fair.</p>', { config: { defaults: { category: 'marketing' } } });
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['missing-postal-address', 'missing-unsubscribe']);
});

test('directive category beats the config', () => {
  const code = ['<!-- presend', 'category: transactional', '-->', '<p>Your visit is on Tuesday.</p>'].join('\n');
  assert.deepEqual(check(code, { config: { defaults: { category: 'marketing' } } }), []);
});

test('invalid config names key and fix', () => {
  const text = '{\n  "rules": { "missing-unsubscribe": "loud" },\n  "colour": true,\n  "defaults": { "category": "marketing" }\n}';
  const { user, problems } = parseConfigText(text);

  assert.deepEqual(
    problems.map((problem) => [problem.message, text.slice(problem.start, problem.end)]),
    [
      ['"rules.missing-unsubscribe" is "loud"; use one of "off", "info", "warning", "error".', '"loud"'],
      [
        'Unknown key "colour"; accepted keys here: rules, defaults, overrides, mergeTags, unsubscribe, organization, phi, trackers, classifier, streams, maxFileSize.',
        '"colour"',
      ],
    ],
  );
  // The valid keys still apply; the invalid ones are dropped.
  assert.deepEqual(user, { defaults: { category: 'marketing' } });
});

test('config with a JSON syntax error falls back to defaults', () => {
  const { user, problems } = parseConfigText('{ "rules": { ');
  assert.deepEqual(user, {});
  assert.equal(problems.length > 0, true);
  assert.match(problems[0].message, /^Invalid JSON: /);
});

test('explicit missing config path is reported', () => {
  const loaded = loadConfig('/workspace', { configPath: 'nope.json', readFile: () => undefined });
  assert.deepEqual(loaded.problems.map((problem) => problem.message), [
    'Config file "/workspace/nope.json" was not found; fix the path in presend.configPath or --config.',
  ]);
});

test('untrusted workspace refuses a config outside it', () => {
  const loaded = loadConfig('/workspace', { configPath: '/elsewhere/presend.config.json', trusted: false, readFile: () => '{}' });
  assert.equal(loaded.config.path, undefined);
  assert.match(loaded.problems[0].message, /untrusted workspace may only use a config inside the workspace/);
});

test('stream from must be an email address', () => {
  const text = '{ "streams": { "marketing": { "from": "oops", "listUnsubscribe": "one-click" } } }';
  const { user, problems } = parseConfigText(text);
  assert.deepEqual(problems.map((problem) => [problem.message, text.slice(problem.start, problem.end)]), [
    ['"streams.marketing.from" is "oops". Write an email address, such as news@news.example.org.', '"oops"'],
  ]);
  assert.deepEqual(user, {});
});
