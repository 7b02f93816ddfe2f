import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineColumns, mjmlBody, modelOf, textAt } from './helpers';

test('a multi-line directive gives values and value spans', () => {
  const text = [
    '<!-- presend',
    'category: transactional',
    'subject: "Your visit on {{ appt.date }}"',
    'from: Clinic <care@example.org>',
    'purpose: refill-reminder',
    'suppression:',
    '  - lists/bounced.csv',
    '  - lists/unsubscribed.csv',
    '-->',
    mjmlBody('<mj-text>Hi</mj-text>'),
  ].join('\n');
  const model = modelOf(text);
  const directive = model.directive;
  assert.ok(directive);
  assert.equal(directive.category, 'transactional');
  assert.equal(directive.subject, 'Your visit on {{ appt.date }}');
  assert.equal(directive.from, 'Clinic <care@example.org>');
  assert.equal(directive.purpose, 'refill-reminder');
  assert.equal(directive.suppression, 'lists/bounced.csv, lists/unsubscribed.csv');
  assert.deepEqual(model.problems, []);

  const spans = directive.valueSpans;
  assert.equal(spans.category && textAt(spans.category), 'transactional');
  assert.equal(spans.category && lineColumns(spans.category), '1:10-1:23');
  assert.equal(spans.subject && textAt(spans.subject), 'Your visit on {{ appt.date }}');
  assert.equal(spans.subject && lineColumns(spans.subject), '2:10-2:39');
  assert.equal(textAt(directive.span).split('\n')[0], '<!-- presend');
});

test('a one-line directive works, and so does a first key beside the word', () => {
  const single = modelOf(`<!-- presend category: marketing -->${mjmlBody('')}`);
  assert.equal(single.directive?.category, 'marketing');
  const category = single.directive?.valueSpans.category;
  assert.equal(category && textAt(category), 'marketing');

  const mixed = modelOf(`<!-- presend category: marketing\n     list: Spring newsletter\n-->${mjmlBody('')}`);
  assert.equal(mixed.directive?.category, 'marketing');
  assert.equal(mixed.directive?.list, 'Spring newsletter');
  const list = mixed.directive?.valueSpans.list;
  assert.equal(list && textAt(list), 'Spring newsletter');
  assert.deepEqual(mixed.problems, []);
});

interface ProblemCase {
  name: string;
  body: string;
  code: string;
  data: Record<string, string>;
  spanText: string;
}

const problemCases: ProblemCase[] = [
  {
    name: 'unknown key',
    body: 'presend\ncategory: marketing\ncatgory: marketing\n',
    code: 'unknown-key',
    data: { key: 'catgory', accepted: 'category, subject, preheader, from, list, suppression, authorization, purpose, consent, previewData' },
    spanText: 'catgory',
  },
  {
    name: 'bad category',
    body: 'presend\ncategory: promo\n',
    code: 'invalid-value',
    data: { key: 'category', value: 'promo', accepted: 'transactional, marketing, fundraising' },
    spanText: 'promo',
  },
  {
    name: 'bad sender',
    body: 'presend\nfrom: "not an address"\n',
    code: 'invalid-value',
    data: { key: 'from', value: 'not an address', accepted: 'an email address, optionally as Name <address>' },
    spanText: 'not an address',
  },
  {
    name: 'bad consent',
    body: 'presend\nconsent: yes\n',
    code: 'invalid-value',
    data: { key: 'consent', value: 'yes', accepted: 'affirmative' },
    spanText: 'yes',
  },
];

for (const expected of problemCases) {
  test(`directive problem: ${expected.name}`, () => {
    const model = modelOf(`<!-- ${expected.body}-->${mjmlBody('')}`);
    assert.deepEqual(
      model.problems.map((problem) => [problem.kind, problem.code, problem.data, textAt(problem.span)]),
      [['directive', expected.code, expected.data, expected.spanText]],
    );
  });
}

test('YAML syntax errors are reported with their reason', () => {
  const model = modelOf(`<!-- presend\ncategory: [marketing\n-->${mjmlBody('')}`);
  assert.equal(model.problems.length > 0, true);
  for (const problem of model.problems) {
    assert.equal(problem.code, 'invalid-yaml');
    assert.equal(typeof problem.data.reason, 'string');
    assert.ok(problem.data.reason.length > 0);
    assert.deepEqual([problem.span.start, problem.span.end], [0, model.file.text.indexOf('-->') + 3]);
  }
});

test('only the first directive counts; presend-disable comments are not directives', () => {
  const text = `<!-- presend-disable-next-line phi-in-subject -->\n<!-- presend category: marketing -->\n<!-- presend category: transactional -->${mjmlBody('')}`;
  const model = modelOf(text);
  assert.equal(model.directive?.category, 'marketing');
  assert.deepEqual(
    model.problems.map((problem) => [problem.code, textAt(problem.span)]),
    [['duplicate-directive', '<!-- presend category: transactional -->']],
  );
});

test('an empty directive declares nothing', () => {
  const model = modelOf(`<!-- presend -->${mjmlBody('')}`);
  assert.ok(model.directive);
  assert.deepEqual(model.directive.valueSpans, {});
  assert.deepEqual(model.problems, []);
});
