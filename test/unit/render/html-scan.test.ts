import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { applyEdits, scanHtml } from '../../../server/src/core/render/html-scan';

test('tokens cover the text completely and in order', () => {
  const html = '<!doctype html><p class="a" hidden data-x=1>Hi <%= name %> &amp; <!--[if mso]><b><![endif]--></p><style>p>a{}</style>';
  const tokens = scanHtml(html);

  let at = 0;
  for (const token of tokens) {
    assert.equal(token.start, at);
    at = token.end;
  }
  assert.equal(at, html.length);
  assert.deepEqual(
    tokens.map((t) => [t.kind, html.slice(t.start, t.end)]),
    [
      ['comment', '<!doctype html>'],
      ['open', '<p class="a" hidden data-x=1>'],
      ['text', 'Hi <%= name %> &amp; '],
      ['comment', '<!--[if mso]><b><![endif]-->'],
      ['close', '</p>'],
      ['open', '<style>'],
      ['text', 'p>a{}'],
      ['close', '</style>'],
    ],
  );
});

test('reads attribute names and values with their offsets', () => {
  const html = `<a HREF='x"y' title="t>" data-x=1 hidden>`;
  const [tag] = scanHtml(html);

  assert.equal(tag.kind, 'open');
  if (tag.kind !== 'open') {
    return;
  }
  assert.deepEqual(
    tag.attributes.map((a) => [a.name, a.value, a.quote, html.slice(a.valueStart, a.valueEnd)]),
    [
      ['href', 'x"y', "'", 'x"y'],
      ['title', 't>', '"', 't>'],
      ['data-x', '1', '', '1'],
      ['hidden', '', '', ''],
    ],
  );
  assert.equal(tag.end, html.length);
});

test('recognises self-closing tags and raw text up to the matching end tag only', () => {
  const html = '<img/><script>if (a</b) {}</script ><br />';
  const tokens = scanHtml(html);

  const flag = (t: (typeof tokens)[number]): boolean | null => {
    if (t.kind === 'open') {
      return t.selfClosing;
    }
    return t.kind === 'text' ? t.raw : null;
  };
  assert.deepEqual(
    tokens.map((t) => [t.kind, html.slice(t.start, t.end), flag(t)]),
    [
      ['open', '<img/>', true],
      ['open', '<script>', false],
      ['text', 'if (a</b) {}', true],
      ['close', '</script >', null],
      ['open', '<br />', true],
    ],
  );
});

test('applies edits by original offsets and refuses overlaps', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 0, text: '>' }]), '>abcdEf');
  assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }]), /Overlapping edits at offset 2/);
});
