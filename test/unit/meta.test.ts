import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { VERSION } from '../../server/src/cli/version';

/** Keeps the rules, their docs, their tests, the schema and the README in step. */

const ROOT = path.resolve(__dirname, '../../..');

test('every rule has a doc and a test', () => {
  const missing: string[] = [];
  for (const rule of RULES) {
    const doc = path.join(ROOT, 'docs/rules', `${rule.meta.id}.md`);
    const spec = path.join(ROOT, 'test/unit/rules', `${rule.meta.id}.test.ts`);
    if (!fs.existsSync(doc)) missing.push(`docs/rules/${rule.meta.id}.md`);
    if (!fs.existsSync(spec)) missing.push(`test/unit/rules/${rule.meta.id}.test.ts`);
  }
  assert.deepEqual(missing, []);
});

test('every rule doc starts with its id and cites a basis', () => {
  for (const rule of RULES) {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
    assert.equal(doc.split('\n')[0], `# ${rule.meta.id}`, `${rule.meta.id}.md must start with its id`);
    assert.match(doc, /^## Why$/m, `${rule.meta.id}.md needs a "Why" section`);
    assert.match(doc, /^## Examples$/m, `${rule.meta.id}.md needs examples`);
  }
});

test('rule ids are kebab-case and unique', () => {
  const ids = RULES.map((rule) => rule.meta.id);
  assert.deepEqual(ids.filter((id) => !/^[a-z]+(-[a-z0-9]+)*$/.test(id)), []);
  assert.equal(new Set(ids).size, ids.length);
});

test('README lists every rule', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.deepEqual(RULES.map((rule) => rule.meta.id).filter((id) => !readme.includes(`docs/rules/${id}.md`)), []);
});

test('CLI version matches package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(VERSION, manifest.version);
});
