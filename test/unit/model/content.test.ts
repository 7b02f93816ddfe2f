import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageOf } from '../../../server/src/core/model/language';
import { mjmlBody, modelOf, textAt } from './helpers';

test('languageOf goes by extension', () => {
  assert.deepEqual(
    ['a.mjml', 'B.MJML', 'c.html', 'd.htm', 'e.txt', 'mjml'].map(languageOf),
    ['mjml', 'mjml', 'html', 'html', undefined, undefined],
  );
});

test('links of every kind with visible text, image alts and spans', () => {
  const model = modelOf(
    mjmlBody(
      '<mj-text><a href="https://x.test/a?x=1&amp;y=2">Read <b>more</b><span style="display:none"> hidden</span></a> ' +
        '<a href="{{ portal_url }}"><img src="p.png" alt="Portal"></a> <a name="top"></a></mj-text>' +
        '<mj-button href="https://x.test/b">Book now</mj-button>' +
        '<mj-social><mj-social-element name="facebook" href="https://x.test/f" alt="Facebook" /></mj-social>' +
        '<mj-navbar><mj-navbar-link href="/c">Contact</mj-navbar-link></mj-navbar>' +
        '<mj-button>No link</mj-button>',
    ),
  );
  assert.deepEqual(
    model.links.map((link) => [link.kind, link.href, link.decodedHref, link.text, link.imageAlts, link.imageOnly]),
    [
      ['a', 'https://x.test/a?x=1&amp;y=2', 'https://x.test/a?x=1&y=2', 'Read more', [], false],
      ['a', '{{ portal_url }}', '{{ portal_url }}', '', ['Portal'], true],
      ['a', '', '', '', [], false],
      ['mj-button', 'https://x.test/b', 'https://x.test/b', 'Book now', [], false],
      ['mj-social-element', 'https://x.test/f', 'https://x.test/f', '', ['Facebook'], true],
      ['mj-navbar-link', '/c', '/c', 'Contact', [], false],
    ],
  );
  assert.equal(textAt(model.links[1].hrefSpan), '{{ portal_url }}');
  assert.equal(textAt(model.links[2].hrefSpan), '<a name="top">');
});

test('images from img and mj-image', () => {
  const model = modelOf(mjmlBody('<mj-image src="https://cdn.example.org/logo.png" alt="Clinic logo" width="120px" /><mj-text><img src="x.gif" width="1" height="1" style="display:none"></mj-text>'));
  assert.deepEqual(
    model.images.map((image) => [image.element.name, image.src, textAt(image.srcSpan), image.alt, image.width, image.height, image.hidden]),
    [
      ['mj-image', 'https://cdn.example.org/logo.png', 'https://cdn.example.org/logo.png', 'Clinic logo', '120px', undefined, undefined],
      ['img', 'x.gif', 'x.gif', undefined, '1', '1', 'display-none'],
    ],
  );
});

test('headings with their level and visible text', () => {
  const model = modelOf('<h1>Welcome, {{ name }}</h1><h3>Next <em>steps</em></h3>', 'a.html');
  assert.deepEqual(model.headings.map((heading) => [heading.level, heading.text]), [
    [1, 'Welcome, {{ name }}'],
    [3, 'Next steps'],
  ]);
});

test('blocks follow reading order, split multi-paragraph mj-text, and know their section', () => {
  const model = modelOf(
    '<mjml><mj-body>' +
      '<mj-section><mj-column><mj-text><h2>Your visit</h2><p>Tuesday at 10:00.</p><p>Bring your card.</p></mj-text><mj-button href="#">Confirm</mj-button></mj-column></mj-section>' +
      '<mj-wrapper><mj-section><mj-column><mj-text>Spring offers for members.</mj-text><mj-text>   </mj-text></mj-column></mj-section></mj-wrapper>' +
      '<mj-section><mj-column><mj-text css-class="x" >Loose text<ul><li>One</li><li>Two</li></ul></mj-text></mj-column></mj-section>' +
      '</mj-body></mjml>',
  );
  assert.deepEqual(
    model.blocks.map((block) => [block.index, block.kind, block.text, block.sectionIndex]),
    [
      [0, 'heading', 'Your visit', 0],
      [1, 'paragraph', 'Tuesday at 10:00.', 0],
      [2, 'paragraph', 'Bring your card.', 0],
      [3, 'button', 'Confirm', 0],
      [4, 'paragraph', 'Spring offers for members.', 1],
      [5, 'paragraph', 'Loose text', 2],
      [6, 'list-item', 'One', 2],
      [7, 'list-item', 'Two', 2],
    ],
  );
});

test('HTML blocks come from leaf table cells and paragraphs', () => {
  const model = modelOf(
    '<table><tr><td><table><tr><td>Appointment: {{ appt.date }}</td><td style="display:none">Secret</td></tr></table></td></tr>' +
      '<tr><td><p>First</p><p>Second</p></td></tr></table>',
    'a.html',
  );
  assert.deepEqual(
    model.blocks.map((block) => [block.kind, block.text, block.hidden ?? null, block.sectionIndex ?? null]),
    [
      ['table-cell', 'Appointment: {{ appt.date }}', null, null],
      ['table-cell', 'Secret', 'display-none', null],
      ['paragraph', 'First', null, null],
      ['paragraph', 'Second', null, null],
    ],
  );
});

test('text runs skip head, style and MJML head content, and merge adjacent text', () => {
  const model = modelOf(
    mjmlBody('<mj-text>Hello &amp; welcome,\n   {{ name }}</mj-text><mj-raw><p>Raw copy</p></mj-raw>', '<mj-title>T</mj-title><mj-preview>P</mj-preview><mj-style>.a{}</mj-style><mj-attributes><mj-all font-family="Arial" /></mj-attributes>'),
  );
  assert.deepEqual(
    model.textRuns.map((run) => [run.text, run.raw, run.element.name]),
    [
      ['Hello & welcome, {{ name }}', 'Hello &amp; welcome,\n   {{ name }}', 'mj-text'],
      ['Raw copy', 'Raw copy', 'p'],
    ],
  );
});

test('text outside any element belongs to a stand-in document element', () => {
  const model = modelOf('Hi {{ name }}, see you soon.', 'fragment.html');
  assert.deepEqual(model.textRuns.map((run) => [run.text, run.element.name]), [['Hi {{ name }}, see you soon.', '#document']]);
});
