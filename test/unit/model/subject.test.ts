import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mjmlBody, modelOf, textAt } from './helpers';

const directive = '<!-- presend\nsubject: From the directive\npreheader: Directive preheader\n-->';
const mjmlHead = '<mj-title>From mj-title</mj-title><mj-preview>From mj-preview</mj-preview>';

interface Case {
  name: string;
  text: string;
  file: string;
  subject: [string, string, string] | null;
  preheader: [string, string] | null;
}

const cases: Case[] = [
  {
    name: 'the directive wins over MJML head elements',
    text: directive + mjmlBody('<mj-text>Body</mj-text>', mjmlHead),
    file: 'a.mjml',
    subject: ['From the directive', 'directive', 'From the directive'],
    preheader: ['Directive preheader', 'directive'],
  },
  {
    name: 'mj-title and mj-preview without a directive',
    text: mjmlBody('<mj-text>Body</mj-text>', '<mj-title>\n  Your  visit &amp; you\n</mj-title><mj-preview>Hi {{ name }}</mj-preview>'),
    file: 'a.mjml',
    subject: ['Your visit & you', 'mj-title', 'Your  visit &amp; you'],
    preheader: ['Hi {{ name }}', 'mj-preview'],
  },
  {
    name: 'HTML title and a hidden preheader element',
    text: '<html><head><title>Appointment reminder</title></head><body><span class="preheader" style="display:none">See you soon</span><p>Body</p></body></html>',
    file: 'a.html',
    subject: ['Appointment reminder', 'title', 'Appointment reminder'],
    preheader: ['See you soon', 'preheader-class'],
  },
  {
    name: 'a visible element with the class is not a preheader',
    text: '<html><body><div class="preview-text">Shown</div></body></html>',
    file: 'a.html',
    subject: null,
    preheader: null,
  },
  {
    name: 'a class rule can hide the preheader',
    text: '<html><head><style>.email-preview-text { display: none !important; }</style></head><body><div class="email-preview-text">Quiet</div></body></html>',
    file: 'a.html',
    subject: null,
    preheader: ['Quiet', 'preheader-class'],
  },
];

for (const expected of cases) {
  test(`subject and preheader: ${expected.name}`, () => {
    const model = modelOf(expected.text, expected.file);
    assert.deepEqual(model.subject && [model.subject.text, model.subject.source, textAt(model.subject.span)], expected.subject);
    assert.deepEqual(model.preheader && [model.preheader.text, model.preheader.source], expected.preheader);
  });
}
