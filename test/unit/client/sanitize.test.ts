import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { FRAME_STYLE, prepareEmailDocument } from '../../../client/src/preview/sanitize';

const STYLE = `<style data-presend>${FRAME_STYLE}</style>`;

function body(html: string, allowRemote = false) {
  const prepared = prepareEmailDocument(`<head></head>${html}`, { allowRemote, resolveLocal: (relative) => `https://res.test/w/${relative}` });
  assert.ok(prepared.srcdoc.startsWith(`<head>${STYLE}</head>`));
  return { html: prepared.srcdoc.slice(`<head>${STYLE}</head>`.length), blocked: prepared.blocked };
}

const cases: [name: string, input: string, expected: string][] = [
  ['script elements with their content', '<p>a</p><script type="text/javascript">document.cookie</script><p>b</p>', '<p>a</p><p>b</p>'],
  ['scripts in SVG', '<svg><script>x()</script><circle r="1"/></svg>', '<svg><circle r="1"/></svg>'],
  ['inline event handlers', '<body onload="x()"><a href="#" onClick=\'y()\' onmouseover=z>t</a>', '<body ><a href="#"  >t</a>'],
  ['javascript: links, also when encoded', '<a href="javascript:alert(1)">a</a><a href="java&#115;cript:x">b</a><a href=" JAVASCRIPT:x">c</a>', '<a href="#">a</a><a href="#">b</a><a href="#">c</a>'],
  ['embedded frames and objects', '<iframe src="https://x.example.com"></iframe><object data="x.swf"><embed src="y"></object>', ''],
  ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=https://x.example.com"><base href="https://x.example.com/">', ''],
  ['relative images to webview URIs', '<img src="img/logo.png" alt="Logo">', '<img src="https://res.test/w/img/logo.png" alt="Logo">'],
  ['merge tags and absolute paths left alone', '<img src="{{logo}}"><img src="/logo.png"><a href="page.html">p</a>', '<img src="{{logo}}"><img src="/logo.png"><a href="page.html">p</a>'],
  ['remote links kept (they cannot be followed)', '<a href="https://example.org/">x</a>', '<a href="https://example.org/">x</a>'],
];

for (const [name, input, expected] of cases) {
  test(`removes or rewrites ${name}`, () => {
    assert.equal(body(input).html, expected);
  });
}

test('blocks remote images and counts them', () => {
  const { html, blocked } = body('<img src="https://t.example.com/open.gif" width="1"><td background="https://x.example.com/bg.png"><img srcset="https://x.example.com/a.png 2x">');

  assert.doesNotMatch(html, /src="https:|background=|srcset=/);
  assert.match(html, /<img src="data:image\/gif;base64,[^"]+" data-presend-blocked="https:\/\/t\.example\.com\/open\.gif" width="1">/);
  assert.match(html, /<td >/);
  assert.deepEqual(blocked, { images: 3, fonts: 0, other: 0, insecure: 0 });
});

test('keeps https images when remote content is allowed, but never plain http', () => {
  const { html, blocked } = body('<img src="https://cdn.example.com/a.png"><img src="http://cdn.example.com/b.png">', true);

  assert.match(html, /<img src="https:\/\/cdn\.example\.com\/a\.png">/);
  assert.doesNotMatch(html, /src="http:/);
  assert.deepEqual(blocked, { images: 1, fonts: 0, other: 0, insecure: 1 });
});

test('blocks remote fonts, imports and CSS backgrounds', () => {
  const { html, blocked } = body(
    [
      '<link href="https://fonts.googleapis.com/css?family=Ubuntu" rel="stylesheet" type="text/css">',
      '<link rel="stylesheet" href="https://cdn.example.com/site.css">',
      '<style>@import url(https://fonts.googleapis.com/css?family=Lato);',
      '@font-face { font-family: X; src: url("https://cdn.example.com/x.woff2"); }',
      '.hero { background: url(https://cdn.example.com/hero.jpg) }</style>',
      '<div style="background-image:url(&quot;https://cdn.example.com/bg.png&quot;)">x</div>',
    ].join(''),
  );

  assert.doesNotMatch(html, /https:\/\/(fonts|cdn)\./);
  assert.deepEqual(blocked, { images: 2, fonts: 3, other: 1, insecure: 0 });
});

test('puts its style first when the document has no head', () => {
  const prepared = prepareEmailDocument('<p>x</p>', { allowRemote: false });

  assert.equal(prepared.srcdoc, `${STYLE}<p>x</p>`);
});
