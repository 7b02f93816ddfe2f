import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Checks that package.json, package.nls.json, the l10n bundle and the client sources agree.
// Compiled to out/test/unit/client, so the repository root is four levels up.
const ROOT = path.resolve(__dirname, '../../../..');

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, unknown> };
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;

function clientSources(dir = path.join(ROOT, 'client/src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? clientSources(full) : entry.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

test('every %key% in package.json has a string in package.nls.json', () => {
  const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);

  assert.ok(keys.length > 20);
  assert.deepEqual(keys.filter((key) => !(key in nls)), []);
});

test('every runtime string is in the l10n bundle', () => {
  const calls = clientSources().flatMap((source) => [...source.matchAll(/\b(?:vscode\.l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'")));

  assert.ok(calls.length > 50);
  assert.deepEqual(calls.filter((message) => !(message in bundle)), []);
});

test('every contributed command is registered, in the Presend category', () => {
  const sources = clientSources().join('\n');

  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'Presend');
    assert.match(sources, new RegExp(`registerCommand\\('${command.command.replace('.', '\\.')}'`), command.command);
  }
});

test('restricted settings exist', () => {
  const properties = Object.keys(manifest.contributes.configuration.properties);

  for (const setting of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) {
    assert.ok(properties.includes(setting), setting);
  }
});
