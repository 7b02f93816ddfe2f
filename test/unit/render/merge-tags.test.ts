import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { PHI_MASK, fillMergeTags, lookup } from '../../../server/src/core/render/merge-tags';

const data = {
  patient: { firstName: 'Ada', dob: '1970-01-01' },
  FNAME: 'Grace',
  First_Name: 'Alan',
  first_name: 'Edsger',
  visits: ['Mon', 'Tue'],
};

const cases: [syntax: string, html: string, expected: string][] = [
  ['handlebars', '<p>{{ patient.firstName }}</p>', '<p>Ada</p>'],
  ['handlebars triple-stash', '<p>{{{patient.firstName}}}</p>', '<p>Ada</p>'],
  ['handlebars helper', '<p>{{upper patient.firstName}}</p>', '<p>Ada</p>'],
  ['handlebars this', '<p>{{this.patient.firstName}}</p>', '<p>Ada</p>'],
  ['liquid filter', '<p>{{ patient.firstName | upcase }}</p>', '<p>Ada</p>'],
  ['mailchimp', '<p>*|FNAME|*</p>', '<p>Grace</p>'],
  ['salesforce', '<p>%%First_Name%%</p>', '<p>Alan</p>'],
  ['mailgun', '<p>%recipient.first_name%</p>', '<p>Edsger</p>'],
  ['erb', '<p><%= @patient.firstName %></p>', '<p>Ada</p>'],
  ['array', '<p>{{visits}}</p>', '<p>Mon, Tue</p>'],
  ['case-insensitive', '<p>{{ PATIENT.FIRSTNAME }}</p>', '<p>Ada</p>'],
  ['missing', '<p>{{ patient.lastName }}</p>', '<p><mark class="presend-tag">{{ patient.lastName }}</mark></p>'],
  ['block', '<p>{{#if x}}y{{/if}}</p>', '<p><mark class="presend-tag presend-block">{{#if x}}</mark>y<mark class="presend-tag presend-block">{{/if}}</mark></p>'],
  ['liquid statement', '<p>{% if x %}y</p>', '<p><mark class="presend-tag presend-block">{% if x %}</mark>y</p>'],
  ['mailchimp block', '<p>*|IF:FNAME|*</p>', '<p><mark class="presend-tag presend-block">*|IF:FNAME|*</mark></p>'],
  ['attribute', '<a href="https://x.example.org/?n={{patient.firstName}}">a</a>', '<a href="https://x.example.org/?n=Ada">a</a>'],
  ['attribute missing', '<a href="{{unsub}}">a</a>', '<a href="{{unsub}}">a</a>'],
  ['style and comments untouched', '<style>.a{{x}}</style><!-- {{patient.firstName}} -->', '<style>.a{{x}}</style><!-- {{patient.firstName}} -->'],
];

for (const [syntax, html, expected] of cases) {
  test(`fills ${syntax}`, () => {
    assert.equal(fillMergeTags(html, { sampleData: data, maskPhi: false }), expected);
  });
}

test('escapes values', () => {
  assert.equal(fillMergeTags('<p title="{{v}}">{{v}}</p>', { sampleData: { v: '<b>"x"</b>' }, maskPhi: false }), '<p title="&lt;b&gt;&quot;x&quot;&lt;/b&gt;">&lt;b&gt;"x"&lt;/b&gt;</p>');
});

test('highlights every tag when there is no sample data', () => {
  assert.equal(fillMergeTags('<p>*|FNAME|*</p>', { sampleData: null, maskPhi: true }), '<p><mark class="presend-tag">*|FNAME|*</mark></p>');
});

test('masks PHI fields by the field as written', () => {
  const seen: string[] = [];
  const isPhiField = (field: string) => {
    seen.push(field);
    return field === 'patient.dob';
  };
  const html = fillMergeTags('<p>{{patient.firstName}} {{ patient.dob }}</p>', { sampleData: data, maskPhi: true, isPhiField });

  assert.equal(html, `<p>Ada <span class="presend-masked" title="patient.dob">${PHI_MASK}</span></p>`);
  assert.deepEqual(seen, ['patient.firstName', 'patient.dob']);
});

test('looks up Mailgun fields with or without the recipient prefix', () => {
  assert.equal(lookup({ recipient: { id: 7 } }, 'recipient.id'), '7');
  assert.equal(lookup({ id: 7 }, 'recipient.id'), '7');
  assert.equal(lookup({ nested: { a: 1 } }, 'nested'), undefined);
});
