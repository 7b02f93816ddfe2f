import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { SourceFile } from '../../../server/src/core/model/source';
import type { Finding } from '../../../server/src/core/engine/rule';
import { renderTemplate, type RenderInput } from '../../../server/src/core/render/render';

// Compiled to out/test/unit/render, so the fixtures are four levels up.
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/render');
const WORKSPACE = path.join(FIXTURES, 'workspace');

function load(relative: string): SourceFile {
  const file = path.join(WORKSPACE, relative);
  return new SourceFile(file, fs.readFileSync(file, 'utf8'));
}

function findingAt(file: SourceFile, needle: string, ruleId: string, length = needle.length): Finding {
  const start = file.text.indexOf(needle);
  assert.notEqual(start, -1, `fixture lacks ${needle}`);
  return {
    ruleId,
    messageId: 'test',
    message: `message of ${ruleId}`,
    severity: 'warning',
    path: file.path,
    start,
    end: start + length,
    range: file.rangeOf(start, start + length),
    data: {},
  };
}

function render(file: SourceFile, extra: Partial<RenderInput> = {}) {
  return renderTemplate({ file, language: file.path.endsWith('.html') ? 'html' : 'mjml', workspaceRoot: WORKSPACE, trusted: true, maskPhi: false, ...extra });
}

test('compiles MJML and reports timings for the compiler and for Presend separately', async () => {
  const result = await render(load('templates/welcome.mjml'));

  assert.deepEqual(result.errors, []);
  assert.ok(result.html?.startsWith('<!doctype html>'));
  assert.match(result.html ?? '', /<title>Your appointment at Example Clinic<\/title>/);
  assert.equal(typeof result.timings.compileMs, 'number');
  assert.ok(result.timings.compileMs > 0);
  assert.ok(result.timings.presendMs >= 0);
});

test('honours an include inside the workspace when the workspace is trusted', async () => {
  const result = await render(load('templates/welcome.mjml'));

  assert.match(result.html ?? '', /Example Clinic header/);
  assert.match(result.html ?? '', /1 Sample Street/);
});

test('in an untrusted workspace reads includes only from the template folder', async () => {
  const result = await render(load('templates/welcome.mjml'), { trusted: false });

  assert.match(result.html ?? '', /Example Clinic header/);
  assert.doesNotMatch(result.html ?? '', /1 Sample Street/);
  assert.equal(result.errors.length, 1);
  assert.equal(result.errors[0].line, 14);
  assert.equal(result.errors[0].tagName, 'mj-include');
  assert.match(result.errors[0].message, /"\.\.\/shared\/footer\.mjml"/);
});

test('refuses an include outside the workspace with an error on its line', async () => {
  const result = await render(load('templates/escape.mjml'));

  assert.doesNotMatch(result.html ?? '', /Text from outside the workspace/);
  assert.match(result.html ?? '', /Before the include/);
  assert.deepEqual(
    result.errors.map((e) => [e.line, e.tagName]),
    [[8, 'mj-include']],
  );
  assert.match(result.errors[0].message, /outside the workspace/);
});

test('reports MJML validation errors with their lines and keeps the HTML', async () => {
  const file = new SourceFile(path.join(WORKSPACE, 'templates/inline.mjml'), '<mjml>\n<mj-body>\n<mj-section>\n<mj-text padding="wide">x</mj-text>\n</mj-section>\n</mj-body>\n</mjml>');
  const result = await render(file);

  assert.ok(result.html);
  assert.ok(result.errors.length >= 1);
  assert.ok(result.errors.every((e) => e.line === 4));
});

test('passes HTML templates through without compiling', async () => {
  const result = await render(load('templates/reminder.html'));

  assert.equal(result.timings.compileMs, 0);
  assert.match(result.html ?? '', /<h1>Refill reminder<\/h1>/);
  assert.deepEqual(result.errors, []);
});

test('fills merge tags from sample data and highlights those without a value', async () => {
  const result = await render(load('templates/reminder.html'), { sampleData: { patient: { firstName: 'Ada' } } });

  assert.match(result.html ?? '', /Dear Ada, your prescription <mark class="presend-tag">\{\{ rx\.number \}\}<\/mark> is ready\./);
  // In attributes a tag without a value stays as written: no markup goes into attribute values.
  assert.match(result.html ?? '', /href="https:\/\/pharmacy\.example\.com\/refill\?id=\{\{ rx\.number \}\}"/);
});

test('masks PHI fields when asked, in text and in attributes', async () => {
  const sampleData = { patient: { firstName: 'Ada' }, rx: { number: 'RX-0001' } };
  const isPhiField = (field: string) => field === 'rx.number';
  const result = await render(load('templates/reminder.html'), { sampleData, maskPhi: true, isPhiField });

  assert.match(result.html ?? '', /Dear Ada, your prescription <span class="presend-masked" title="rx\.number">•••••<\/span> is ready\./);
  assert.match(result.html ?? '', /refill\?id=•••••"/);
  assert.doesNotMatch(result.html ?? '', /RX-0001/);
  assert.doesNotMatch(result.text ?? '', /RX-0001/);
});

test('shows PHI values when masking is off', async () => {
  const sampleData = { rx: { number: 'RX-0001' } };
  const result = await render(load('templates/reminder.html'), { sampleData, maskPhi: false, isPhiField: () => true });

  assert.match(result.html ?? '', /your prescription RX-0001 is ready/);
});

test('derives the plain-text part the way a sender would', async () => {
  const result = await render(load('templates/reminder.html'), { sampleData: { patient: { firstName: 'Ada' }, rx: { number: 'RX-0001' } } });

  assert.equal(
    result.text,
    [
      'Refill reminder',
      '',
      'Dear Ada, your prescription RX-0001 is ready.',
      '',
      'Request a refill [https://pharmacy.example.com/refill?id=RX-0001]',
    ].join('\n'),
  );
});

test('wraps the plain-text part at 78 characters', async () => {
  const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
  const file = new SourceFile(path.join(WORKSPACE, 'templates/long.html'), `<html><body><p>${words}</p></body></html>`);
  const result = await render(file);

  const lines = (result.text ?? '').split('\n');
  assert.ok(lines.length > 1);
  assert.ok(lines.every((line) => line.length <= 78));
});

test('places finding anchors on the elements the findings point at', async () => {
  const file = load('templates/welcome.mjml');
  const inBold = findingAt(file, '{{ patient.firstName }}', 'in-bold');
  const onButton = findingAt(file, '<mj-button', 'on-button');
  const inButtonHref = findingAt(file, '{{appointment.id}}', 'in-button-href');
  const inTitle = findingAt(file, 'Your appointment', 'in-title');
  const inInclude: Finding = { ...inBold, ruleId: 'in-include', path: path.join(WORKSPACE, 'shared/footer.mjml') };
  const result = await render(file, { findings: [inBold, onButton, inButtonHref, inTitle, inInclude] });

  const anchors = result.findings.map((f) => [f.ruleId, f.anchor]);
  assert.deepEqual(anchors, [
    ['in-bold', '1'],
    ['on-button', '2'],
    ['in-button-href', '2'],
    ['in-title', undefined],
    ['in-include', undefined],
  ]);
  assert.match(result.html ?? '', /<b data-presend-finding="1">/);
  assert.match(result.html ?? '', /class="presend-finding-2"[^>]*>\s*<table[\s\S]*?View visit/);
});

test('merges the finding class with an existing css-class', async () => {
  const file = load('templates/welcome.mjml');
  const onText = findingAt(file, 'Hello', 'on-text');
  const result = await render(file, { findings: [onText] });

  assert.equal(result.findings[0].anchor, '1');
  assert.match(result.html ?? '', /class="intro presend-finding-1"/);
});

test('marks elements of HTML templates directly', async () => {
  const file = load('templates/reminder.html');
  const onLink = findingAt(file, 'Request a refill', 'on-link');
  const onTracker = findingAt(file, 'https://tracker.example.com/open.gif', 'on-tracker');
  const result = await render(file, { findings: [onLink, onTracker] });

  assert.deepEqual(result.findings.map((f) => f.anchor), ['1', '2']);
  assert.match(result.html ?? '', /<a data-presend-finding="1" href=/);
  assert.match(result.html ?? '', /<img data-presend-finding="2" src="https:\/\/tracker/);
  // Markers never reach the plain-text part.
  assert.doesNotMatch(result.text ?? '', /presend/);
});

test('returns no HTML and an error when MJML cannot compile at all', async () => {
  const result = await render(load('templates/loop.mjml'));

  assert.equal(result.html, null);
  assert.equal(result.text, null);
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0].message, /Circular inclusion/);
});

test('reads no includes for a template that is not saved to disk', async () => {
  const file = new SourceFile(path.join(WORKSPACE, 'templates/untitled.mjml'), '<mjml>\n<mj-body>\n<mj-include path="./partials/header.mjml" />\n</mj-body>\n</mjml>');
  const result = await render(file);

  assert.doesNotMatch(result.html ?? '', /Example Clinic header/);
  assert.deepEqual(result.errors.map((e) => e.line), [3]);
  assert.match(result.errors[0].message, /save the template/);
});
