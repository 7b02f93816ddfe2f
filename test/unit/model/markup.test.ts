import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../../server/src/core/model/source';
import type { ElementNode, TemplateNode } from '../../../server/src/core/model/types';
import { buildModel } from '../../../server/src/core/model/build';
import { lineColumns, mjmlBody, modelOf, offsets, textAt } from './helpers';

function elements(nodes: readonly TemplateNode[]): ElementNode[] {
  const found: ElementNode[] = [];
  const visit = (list: readonly TemplateNode[]): void => {
    for (const node of list) {
      if (node.type === 'element') {
        found.push(node);
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return found;
}

function element(nodes: readonly TemplateNode[], name: string): ElementNode {
  const found = elements(nodes).find((candidate) => candidate.name === name);
  assert.ok(found, `no <${name}>`);
  return found;
}

test('element, open tag and attribute spans are exact', () => {
  const text = '<p class="a" data-x=\'b > c\' hidden title=t>Hi</p>';
  const model = modelOf(text, 'a.html');
  const p = element(model.roots, 'p');
  assert.deepEqual(offsets(p.span), [0, text.length]);
  assert.equal(textAt(p.openTagSpan), '<p class="a" data-x=\'b > c\' hidden title=t>');
  assert.deepEqual(
    p.attributes.map((attribute) => [attribute.name, attribute.value, textAt(attribute.nameSpan), offsets(attribute.valueSpan)]),
    [
      ['class', 'a', 'class', [10, 11]],
      ['data-x', 'b > c', 'data-x', [21, 26]],
      ['hidden', '', 'hidden', [34, 34]],
      ['title', 't', 'title', [41, 42]],
    ],
  );
});

test('quoted attribute values may hold > and entities are decoded once', () => {
  const model = modelOf(mjmlBody('<mj-button href="https://x.test/?a=1&amp;b=2&copy=3" title="a > b">Go</mj-button>'));
  const [link] = model.links;
  assert.equal(link.href, 'https://x.test/?a=1&amp;b=2&copy=3');
  assert.equal(link.decodedHref, 'https://x.test/?a=1&b=2&copy=3');
  assert.equal(link.text, 'Go');
});

test('unquoted and valueless attributes follow the HTML grammar', () => {
  const model = modelOf('<div x=1 y=3 nowrap valign=top>t</div><img src=a.png/>', 'a.html');
  assert.deepEqual(
    element(model.roots, 'div').attributes.map((attribute) => [attribute.name, attribute.value]),
    [['x', '1'], ['y', '3'], ['nowrap', ''], ['valign', 'top']],
  );
  assert.equal(model.images[0].src, 'a.png/');
});

test('self-closing MJML components close (so the next component is a sibling)', () => {
  const model = modelOf(mjmlBody('<mj-image src="a.png" /><mj-text>After</mj-text><mj-divider/><mj-social><mj-social-element name="x" href="https://x.test"/></mj-social><mj-text>Last</mj-text>'));
  const column = element(model.roots, 'mj-column');
  assert.deepEqual(
    column.children.map((child) => (child.type === 'element' ? child.name : child.type)),
    ['mj-image', 'mj-text', 'mj-divider', 'mj-social', 'mj-text'],
  );
  assert.deepEqual(model.textRuns.map((run) => run.text), ['After', 'Last']);
});

test('comments of every conditional form keep exact spans and bodies', () => {
  const text = [
    '<!--[if mso]><table><tr><td><![endif]-->',
    '<!--[if !mso]><!--><p>Live</p><!--<![endif]-->',
    '<![if !mso]><p>Also live</p><![endif]>',
    '<!-- plain -->',
  ].join('\n');
  const model = modelOf(text, 'a.html');
  assert.deepEqual(
    model.comments.map((comment) => [textAt(comment.span), comment.body]),
    [
      ['<!--[if mso]><table><tr><td><![endif]-->', '[if mso]><table><tr><td><![endif]'],
      ['<!--[if !mso]><!-->', '[if !mso]><!'],
      ['<!--<![endif]-->', '<![endif]'],
      ['<![if !mso]>', '[if !mso]'],
      ['<![endif]>', '[endif]'],
      ['<!-- plain -->', ' plain '],
    ],
  );
  for (const comment of model.comments) {
    assert.equal(textAt(comment.bodySpan), comment.body);
  }
  assert.deepEqual(model.textRuns.map((run) => run.text), ['Live', 'Also live']);
});

test('unclosed and misnested tags do not throw and keep content', () => {
  const model = modelOf('<table><tr><td>One<td>Two</tr><p><b>bold<i>both</b>tail', 'a.html');
  assert.deepEqual(model.textRuns.map((run) => [run.text, run.element.name]), [
    ['One', 'td'],
    ['Two', 'td'],
    ['bold', 'b'],
    ['both', 'i'],
    ['tail', 'p'],
  ]);
  for (const node of elements(model.roots)) {
    assert.ok(node.span.start <= node.span.end, node.name);
    assert.ok(node.span.end <= model.file.text.length, node.name);
  }
});

test('style and script content is raw text, not markup', () => {
  const model = modelOf('<style>.a > b { color: red }</style><script>if (a < b) {}</script><p>x</p>', 'a.html');
  assert.deepEqual(element(model.roots, 'style').children.map((child) => child.type), ['text']);
  assert.deepEqual(model.textRuns.map((run) => run.text), ['x']);
});

test('CRLF, a byte-order mark and emoji give editor positions', () => {
  const text = '\ufeff<mjml>\r\n<mj-body>\r\n<mj-text>👋 Grüße {{ patient.first_name }}</mj-text>\r\n</mj-body>\r\n</mjml>\r\n';
  const model = buildModel(new SourceFile('/virtual/bom.mjml', text), {});
  assert.equal(model.file.hadBom, true);
  const [tag] = model.mergeTags;
  assert.equal(lineColumns(tag.span), '2:18-2:42');
  assert.equal(model.textRuns[0].text, '👋 Grüße {{ patient.first_name }}');
  assert.equal(lineColumns(model.textRuns[0].span), '2:9-2:42');
});

test('a bare < in text stays text', () => {
  const model = modelOf(mjmlBody('<mj-text>Save (<$100 value) & more</mj-text>'));
  assert.deepEqual(model.textRuns.map((run) => run.text), ['Save (<$100 value) & more']);
});

test('arbitrary bytes and huge inputs give a model, not an exception', () => {
  const inputs = [
    '',
    '<',
    '<!--',
    '<mj-text',
    '<a href="',
    '\u0000\u0001\u0002<\u00ff>\ud800',
    Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    '<div>'.repeat(20_000),
    `<p>${'x'.repeat(1_000_000)}</p>`,
  ];
  for (const input of inputs) {
    const model = modelOf(input);
    assert.equal(model.problems.filter((problem) => problem.code === 'model-failed').length, 0, JSON.stringify(input.slice(0, 20)));
  }
});
