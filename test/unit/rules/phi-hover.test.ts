import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../server/src/core/model/build';
import { SourceFile } from '../../../server/src/core/model/source';
import { describeMergeTag, describeMergeTagIn } from '../../../server/src/core/rules/support/phi-hover';

function modelOf(text: string) {
  return buildModel(new SourceFile('/workspace/t.html', text), { language: 'html' });
}

function tag(text: string, field: string) {
  const model = modelOf(text);
  const found = model.mergeTags.find((candidate) => candidate.field === field);
  assert.ok(found, `no tag for ${field}`);
  return { model, tag: found };
}

test('a clinical field in the body: class, reason, allowed', () => {
  const { tag: diagnosis } = tag('<p>Your {{ patient.diagnosisCode }}</p>', 'patient.diagnosisCode');
  const result = describeMergeTag(diagnosis);
  assert.equal(result.phiClass, 'clinical');
  assert.equal(result.reason, "contains 'diagnosis' (clinical: diagnoses and conditions)");
  assert.match(result.markdown, /^\*\*`patient\.diagnosisCode`\*\* is clinical: contains 'diagnosis'/);
  assert.match(result.markdown, /goes to the recipient, which is allowed/);
});

test('an identifier in a URL is exposed', () => {
  const { tag: mrn } = tag('<a href="https://x.example/?m={{ mrn }}">Open</a>', 'mrn');
  assert.match(describeMergeTag(mrn).markdown, /Here it sits in a URL/);
});

test('first name: alt passes, URL exposed', () => {
  const { tag: alt } = tag('<img src="a.png" alt="Hi {{ first_name }}">', 'first_name');
  assert.doesNotMatch(describeMergeTag(alt).markdown, /Here it sits/);
  const { tag: href } = tag('<a href="https://x.example/?n={{ first_name }}">Open</a>', 'first_name');
  assert.match(describeMergeTag(href).markdown, /Here it sits in a URL/);
});

test('the subject placement comes from the model', () => {
  const { model, tag: type } = tag('<!-- presend\nsubject: Your {{ appt.type }} visit\n-->\n<p>Hi</p>', 'appt.type');
  assert.match(describeMergeTagIn(model, type).markdown, /Here it sits in the subject line or preheader/);
});

test('overrides and unknown fields', () => {
  const { tag: custom } = tag('<p>{{ xq_field }}</p>', 'xq_field');
  assert.equal(describeMergeTag(custom).phiClass, 'unknown');
  assert.equal(describeMergeTag(custom, { xq_field: 'clinical' }).phiClass, 'clinical');
  const { tag: closer } = tag('<p>{{#if a}}x{{/if}}</p>', 'a');
  assert.match(describeMergeTag(closer).markdown, /tests or loops over the field/);
});
