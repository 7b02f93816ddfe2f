import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { MJML_ENDING_TAGS, anchorsIn, placeFindingMarkers, stripFindingMarkers } from '../../../server/src/core/render/markers';

function spanOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.notEqual(start, -1, `text lacks ${needle}`);
  return { start, end: start + needle.length };
}

test('the ending-tag list matches the components MJML registers', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mjml');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { components } = require('mjml-core') as { components: Record<string, { endingTag?: boolean }> };
  const registered = Object.entries(components)
    .filter(([, component]) => component.endingTag)
    .map(([name]) => name)
    .sort();

  assert.deepEqual([...MJML_ENDING_TAGS].sort(), registered);
});

test('marks HTML inside an MJML ending tag with a data attribute', () => {
  const text = '<mjml><mj-body><mj-text>Hi <a href="x">there</a></mj-text></mj-body></mjml>';
  const marked = placeFindingMarkers(text, 'mjml', [spanOf(text, 'there')]);

  assert.deepEqual(marked.anchors, ['1']);
  assert.equal(marked.text, '<mjml><mj-body><mj-text>Hi <a data-presend-finding="1" href="x">there</a></mj-text></mj-body></mjml>');
});

test('marks MJML components through css-class, merging with the existing value', () => {
  const text = '<mj-column><mj-image src="a.png" /><mj-text css-class="lead">A</mj-text><mj-divider css-class="" /></mj-column>';
  const marked = placeFindingMarkers(text, 'mjml', [spanOf(text, '<mj-image'), spanOf(text, 'A'), spanOf(text, '<mj-divider')]);

  assert.deepEqual(marked.anchors, ['1', '2', '3']);
  assert.equal(
    marked.text,
    '<mj-column><mj-image css-class="presend-finding-1" src="a.png" /><mj-text css-class="lead presend-finding-2">A</mj-text><mj-divider css-class="presend-finding-3" /></mj-column>',
  );
});

test('mj-raw text marks the parent component', () => {
  const text = '<mj-column><mj-raw>plain text</mj-raw></mj-column>';
  const marked = placeFindingMarkers(text, 'mjml', [spanOf(text, 'plain')]);

  assert.equal(marked.text, '<mj-column css-class="presend-finding-1"><mj-raw>plain text</mj-raw></mj-column>');
});

test('leaves findings in the head or on the whole document unplaced', () => {
  const text = '<mjml><mj-head><mj-title>T</mj-title></mj-head><mj-body><mj-text>x</mj-text></mj-body></mjml>';
  const marked = placeFindingMarkers(text, 'mjml', [spanOf(text, 'T<'), { start: 0, end: text.length }]);

  assert.deepEqual(marked.anchors, [undefined, undefined]);
  assert.equal(marked.text, text);
});

test('gives findings on one element one anchor and one marker', () => {
  const text = '<p>one <em>two</em></p>';
  const marked = placeFindingMarkers(text, 'html', [spanOf(text, 'one'), spanOf(text, 'two'), spanOf(text, 'one ')]);

  assert.deepEqual(marked.anchors, ['1', '2', '1']);
  assert.equal(marked.text, '<p data-presend-finding="1">one <em data-presend-finding="2">two</em></p>');
});

test('handles void and unclosed elements in HTML', () => {
  const text = '<table><tr><td>one<br>two<td>three</table>';
  const marked = placeFindingMarkers(text, 'html', [spanOf(text, 'two'), spanOf(text, 'three')]);

  // The first `<td>` is never closed, so it reaches the table's end; the second cell lies deeper.
  assert.deepEqual(marked.anchors, ['1', '2']);
  assert.equal(marked.text, '<table><tr><td data-presend-finding="1">one<br>two<td data-presend-finding="2">three</table>');
});

test('finds anchors in compiled HTML, ignoring Outlook-only copies', () => {
  const html = '<!--[if mso]><td class="presend-finding-3-outlook"><![endif]--><div class="a presend-finding-1"><b data-presend-finding="2">x</b></div>';

  assert.deepEqual([...anchorsIn(html)].sort(), ['1', '2']);
});

test('strips markers from compiled HTML', () => {
  const html = '<td class="a-outlook presend-finding-1-outlook"><div class="a presend-finding-1"><p class="presend-finding-2"><b data-presend-finding="3">x</b></p></div>';

  assert.equal(stripFindingMarkers(html), '<td class="a-outlook"><div class="a"><p><b>x</b></p></div>');
});
