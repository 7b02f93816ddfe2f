import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { buildPreviewHtml, type PreviewHtmlInput } from '../../../client/src/preview/html';
import type { PreviewRender, PreviewStrings } from '../../../client/src/preview/messages';
import { prepareEmailDocument } from '../../../client/src/preview/sanitize';

const strings = new Proxy({} as PreviewStrings, { get: (_target, key) => `<${String(key)}>` });

const email = `<html><head><title>t</title></head><body onload="steal()">
<script>alert(1)</script><p onclick="x()">Hi</p><img src="https://tracker.example.com/p.gif"></body></html>`;

function input(extra: Partial<PreviewHtmlInput> = {}): PreviewHtmlInput {
  const prepared = prepareEmailDocument(email, { allowRemote: extra.allowRemote ?? false });
  const render: PreviewRender = {
    fileName: 'a.mjml',
    version: 1,
    srcdoc: prepared.srcdoc,
    text: 'Hi',
    source: email,
    errors: [],
    findings: [],
    blocked: prepared.blocked,
    timings: { compileMs: 1, presendMs: 1 },
  };
  return {
    nonce: 'n0nce+/=',
    cspSource: 'https://*.vscode-cdn.net',
    allowRemote: false,
    state: { uri: 'file:///w/a.mjml', view: 'rendered', width: 'desktop-600', theme: 'light', useSampleData: true, maskPhi: false },
    scriptUri: 'https://file.vscode-cdn.net/ext/client/media/preview.js',
    styleUri: 'https://file.vscode-cdn.net/ext/client/media/preview.css',
    strings,
    render,
    ...extra,
  };
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'no CSP meta tag');
  return match[1].replace(/&#39;|&apos;/g, "'");
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

test('sets a nonce-based policy that denies by default', () => {
  const csp = cspOf(buildPreviewHtml(input()));

  assert.deepEqual(csp.split('; '), [
    "default-src 'none'",
    'img-src https://*.vscode-cdn.net data:',
    "style-src https://*.vscode-cdn.net 'unsafe-inline'",
    'font-src https://*.vscode-cdn.net data:',
    "script-src 'nonce-n0nce+/='",
  ]);
});

test('allows https images, fonts and stylesheets only when remote content is allowed', () => {
  const csp = cspOf(buildPreviewHtml(input({ allowRemote: true })));

  assert.match(csp, /img-src https:\/\/\*\.vscode-cdn\.net data: https:;/);
  assert.match(csp, /font-src https:\/\/\*\.vscode-cdn\.net data: https:;/);
  assert.match(csp, /style-src https:\/\/\*\.vscode-cdn\.net 'unsafe-inline' https:;/);
  assert.doesNotMatch(csp, /http:/);
});

test('has exactly one script, the preview script, carrying the nonce', () => {
  const html = buildPreviewHtml(input());
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];

  assert.deepEqual(scripts, ['<script nonce="n0nce+/=" src="https://file.vscode-cdn.net/ext/client/media/preview.js">']);
});

test('frames the email in a sandbox without allow-scripts', () => {
  const html = buildPreviewHtml(input());
  const frames = html.match(/<iframe\b[^>]*>/g) ?? [];

  assert.equal(frames.length, 1);
  const sandbox = /sandbox="([^"]*)"/.exec(frames[0]);
  assert.ok(sandbox, 'the frame has no sandbox attribute');
  assert.deepEqual(sandbox[1].split(/\s+/), ['allow-same-origin']);
});

test('hands the email to the script without its scripts, handlers or remote images', () => {
  const html = buildPreviewHtml(input());
  const data = /data-render="([^"]*)"/.exec(html);
  assert.ok(data);
  const render = JSON.parse(decodeAttribute(data[1])) as PreviewRender;

  assert.ok(render.srcdoc);
  assert.doesNotMatch(render.srcdoc, /<script/i);
  assert.doesNotMatch(render.srcdoc, /\son\w+=/i);
  assert.doesNotMatch(render.srcdoc, /src="https:\/\/tracker/);
  assert.deepEqual(render.blocked, { images: 1, fonts: 0, other: 0, insecure: 0 });
});

test('escapes strings and state into attributes', () => {
  const html = buildPreviewHtml(input({ state: { uri: 'file:///w/"><script>x</script>.mjml', view: 'text', width: 'free', theme: 'dark', useSampleData: false, maskPhi: true } }));

  assert.equal((html.match(/<script\b/g) ?? []).length, 1);
  assert.match(html, /&lt;desktop&gt; 600px/);
  assert.match(html, /<option value="free" selected>/);
  assert.match(html, /<input type="checkbox" id="mask" checked>/);
});
