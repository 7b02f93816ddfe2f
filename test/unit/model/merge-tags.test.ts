import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_MERGE_TAG_SYNTAXES, maskMergeTags, scanMergeTags } from '../../../server/src/core/model/merge-tags';
import type { MergeTagSyntax } from '../../../server/src/core/model/types';
import { mjmlBody, modelOf, textAt } from './helpers';

interface Case {
  raw: string;
  syntax: MergeTagSyntax;
  field: string | null;
  kind: 'output' | 'block-open' | 'block-close' | 'statement';
  keyword?: string;
  filters?: string[];
}

const cases: Case[] = [
  { raw: '{{name}}', syntax: 'handlebars', field: 'name', kind: 'output' },
  { raw: '{{{unsubscribe}}}', syntax: 'handlebars', field: 'unsubscribe', kind: 'output' },
  { raw: '{{#if appt.type}}', syntax: 'handlebars', field: 'appt.type', kind: 'block-open', keyword: 'if' },
  { raw: '{{else}}', syntax: 'handlebars', field: null, kind: 'statement', keyword: 'else' },
  { raw: '{{/if}}', syntax: 'handlebars', field: null, kind: 'block-close', keyword: 'if' },
  { raw: '{{> footer}}', syntax: 'handlebars', field: null, kind: 'statement', keyword: 'partial' },
  { raw: '{{!-- a note --}}', syntax: 'handlebars', field: null, kind: 'statement', keyword: 'comment' },
  { raw: '{{formatDate appt.date "MMM"}}', syntax: 'handlebars', field: 'appt.date', kind: 'output', filters: ['formatDate'] },
  { raw: '{{#each patient.medications}}', syntax: 'handlebars', field: 'patient.medications', kind: 'block-open', keyword: 'each' },
  { raw: "{{ patient.first_name | default: 'there' }}", syntax: 'liquid', field: 'patient.first_name', kind: 'output', filters: ['default'] },
  { raw: '{{ appt.date | date: "%b %d" | upcase }}', syntax: 'liquid', field: 'appt.date', kind: 'output', filters: ['date', 'upcase'] },
  { raw: '{% if patient.balance > 0 %}', syntax: 'liquid', field: 'patient.balance', kind: 'block-open', keyword: 'if' },
  { raw: '{% endif %}', syntax: 'liquid', field: null, kind: 'block-close', keyword: 'if' },
  { raw: '{% assign greeting = patient.first_name | capitalize %}', syntax: 'liquid', field: 'patient.first_name', kind: 'statement', keyword: 'assign', filters: ['capitalize'] },
  { raw: '{% for item in order.items %}', syntax: 'liquid', field: 'order.items', kind: 'block-open', keyword: 'for' },
  { raw: '*|FNAME|*', syntax: 'mailchimp', field: 'FNAME', kind: 'output' },
  { raw: '*|LIST:ADDRESS|*', syntax: 'mailchimp', field: 'LIST:ADDRESS', kind: 'output' },
  { raw: '*|UNSUB|*', syntax: 'mailchimp', field: 'UNSUB', kind: 'output' },
  { raw: '*|IF:REWARDS|*', syntax: 'mailchimp', field: 'REWARDS', kind: 'block-open', keyword: 'if' },
  { raw: '*|END:IF|*', syntax: 'mailchimp', field: null, kind: 'block-close', keyword: 'if' },
  { raw: '%%FirstName%%', syntax: 'salesforce', field: 'FirstName', kind: 'output' },
  { raw: '%%=v(@appointmentDate)=%%', syntax: 'salesforce', field: '@appointmentDate', kind: 'output', filters: ['v'] },
  { raw: '%%=AttributeValue("MemberId")=%%', syntax: 'salesforce', field: 'MemberId', kind: 'output', filters: ['AttributeValue'] },
  { raw: '%recipient.first_name%', syntax: 'mailgun', field: 'recipient.first_name', kind: 'output' },
  { raw: '%unsubscribe_url%', syntax: 'mailgun', field: 'unsubscribe_url', kind: 'output' },
  { raw: '%recipient_email%', syntax: 'mailgun', field: 'recipient_email', kind: 'output' },
  { raw: '<%= patient.name %>', syntax: 'erb', field: 'patient.name', kind: 'output' },
  { raw: '<%- visit.notes %>', syntax: 'erb', field: 'visit.notes', kind: 'output' },
  { raw: '<% if reminder.due %>', syntax: 'erb', field: 'reminder.due', kind: 'statement', keyword: 'if' },
  { raw: '<%asm_group_unsubscribe_raw_url%>', syntax: 'erb', field: 'asm_group_unsubscribe_raw_url', kind: 'output' },
  { raw: '<%= format_date(appt.starts_at, "%b") %>', syntax: 'erb', field: 'appt.starts_at', kind: 'output', filters: ['format_date'] },
];

for (const expected of cases) {
  test(`merge tag ${expected.raw}`, () => {
    const text = `Dear x, ${expected.raw} and more`;
    const tags = scanMergeTags(text, ALL_MERGE_TAG_SYNTAXES);
    assert.equal(tags.length, 1, `found ${tags.map((tag) => tag.raw).join(', ')}`);
    const [tag] = tags;
    assert.equal(tag.raw, expected.raw);
    assert.deepEqual([tag.start, tag.end], [8, 8 + expected.raw.length]);
    assert.equal(tag.syntax, expected.syntax);
    assert.equal(tag.field, expected.field);
    assert.equal(tag.kind, expected.kind);
    assert.equal(tag.keyword, expected.keyword);
    assert.deepEqual(tag.filters, expected.filters ?? []);
  });
}

test('text that only looks like a merge tag is not one', () => {
  const lookalikes = [
    'width: 100%; height: 50%',
    'https://example.org/caf%C3%A9?q=%E2%80%99',
    'a { color: red } b { margin: 0 }',
    'five * | six | * seven',
    '<% unclosed erb',
    '{{ unclosed handlebars',
  ];
  for (const text of lookalikes) {
    assert.deepEqual(scanMergeTags(text, ALL_MERGE_TAG_SYNTAXES), [], text);
  }
});

test('only the enabled syntaxes are recognised', () => {
  const text = '{{name}} *|FNAME|* %%FirstName%% <%= x %>';
  assert.deepEqual(
    scanMergeTags(text, ['mailchimp']).map((tag) => tag.raw),
    ['*|FNAME|*'],
  );
  assert.deepEqual(
    scanMergeTags('{{ a.b }}', ['liquid']).map((tag) => tag.syntax),
    ['liquid'],
  );
});

test('liquid raw blocks hide their contents', () => {
  const tags = scanMergeTags('{% raw %}{{ not_a_tag }}{% endraw %} {{ real }}', ALL_MERGE_TAG_SYNTAXES);
  assert.deepEqual(tags.map((tag) => tag.raw), ['{% raw %}', '{% endraw %}', '{{ real }}']);
});

test('runs of delimiters finish and find the real tag', () => {
  // Inputs a backtracking regex would choke on; only the results are asserted here.
  const size = 100_000;
  assert.deepEqual(scanMergeTags('{'.repeat(size), ALL_MERGE_TAG_SYNTAXES), []);
  assert.deepEqual(scanMergeTags('{{'.repeat(size / 2) + 'x}}', ALL_MERGE_TAG_SYNTAXES).map((tag) => tag.raw), ['{{x}}']);
  assert.deepEqual(scanMergeTags('<%'.repeat(size / 2), ALL_MERGE_TAG_SYNTAXES), []);
  assert.deepEqual(scanMergeTags('*|'.repeat(size / 2), ALL_MERGE_TAG_SYNTAXES), []);
  assert.deepEqual(scanMergeTags('%'.repeat(size), ALL_MERGE_TAG_SYNTAXES), []);
  assert.equal(scanMergeTags('%a_b'.repeat(size / 4), ALL_MERGE_TAG_SYNTAXES).length, size / 8);
});

test('masking keeps length and offsets and blanks the delimiters', () => {
  const text = '<a href="{{url}}">Hi <%= name %></a>';
  const masked = maskMergeTags(text, scanMergeTags(text, ALL_MERGE_TAG_SYNTAXES));
  assert.equal(masked.length, text.length);
  assert.equal(masked, '<a href="       ">Hi            </a>');
  assert.equal(maskMergeTags('href={{url}}', scanMergeTags('href={{url}}', ALL_MERGE_TAG_SYNTAXES)), 'href=_______');
});

test('merge tags are placed by context', () => {
  const template = mjmlBody(
    '<mj-text><a href="{{portal_url}}" title="{{#if x}}a{{/if}}">Hi {{name}}</a><!-- {{ internal.note }} --></mj-text>' +
      '<mj-raw><table><tr><td>a</td></tr>{{#if appt.type}}<tr><td>{{appt.type}}</td></tr>{{/if}}</table></mj-raw>',
  );
  const model = modelOf(template);
  const placed = model.mergeTags.map((tag) => [tag.raw, tag.context, tag.element?.name ?? null, tag.attribute ?? null]);
  assert.deepEqual(placed, [
    ['{{portal_url}}', 'attribute', 'a', 'href'],
    ['{{#if x}}', 'attribute', 'a', 'title'],
    ['{{/if}}', 'attribute', 'a', 'title'],
    ['{{name}}', 'text', null, null],
    ['{{ internal.note }}', 'comment', null, null],
    ['{{#if appt.type}}', 'raw', null, null],
    ['{{appt.type}}', 'raw', null, null],
    ['{{/if}}', 'raw', null, null],
  ]);
  for (const tag of model.mergeTags) {
    assert.equal(textAt(tag.span), tag.raw);
  }
});

test('merge tags never break the markup around them', () => {
  const model = modelOf(
    '<table><tr><td>One</td></tr>{{#if extra}}<tr><td>Two</td></tr>{{/if}}</table>' +
      '<p class={{cls}} data-x="<%= y %>">Hello <%= name %>, see <a href=%%=RedirectTo(@url)=%%>link</a></p>',
    'page.html',
  );
  assert.deepEqual(model.textRuns.map((run) => [run.text, run.element.name]), [
    ['One', 'td'],
    ['{{#if extra}}', 'table'],
    ['Two', 'td'],
    ['{{/if}}', 'table'],
    ['Hello <%= name %>, see', 'p'],
    ['link', 'a'],
  ]);
  const paragraph = model.textRuns[4].element;
  assert.deepEqual(paragraph.attributes.map((attribute) => [attribute.name, attribute.value]), [
    ['class', '{{cls}}'],
    ['data-x', '<%= y %>'],
  ]);
  assert.equal(model.links[0].href, '%%=RedirectTo(@url)=%%');
});

test('syntaxes can be switched off', () => {
  const model = modelOf('<p>{{name}} *|FNAME|*</p>', 'a.html', { mergeTagSyntaxes: ['mailchimp'] });
  assert.deepEqual(model.mergeTags.map((tag) => tag.raw), ['*|FNAME|*']);
});
