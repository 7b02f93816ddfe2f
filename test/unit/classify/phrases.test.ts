import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PHRASES, mergePhraseConfig, scoreText, subjectSignals } from '../../../server/src/core/classify';
import { findMergeTags } from '../../../server/src/core/classify/merge-tags';
import { tokenizePhrase } from '../../../server/src/core/classify/tokenize';

/** Hits as `text=phrase/signal/weight@start-end`, the compact form the tables below compare. */
function hitsOf(text: string, phrases = DEFAULT_PHRASES): string[] {
  return scoreText(text, phrases).hits.map((hit) => `${hit.text}=${hit.phrase}/${hit.signal}/${hit.weight}@${hit.start}-${hit.end}`);
}

const MATCHES: Array<[string, string, string[]]> = [
  ['a percentage off', 'Get 20% off whitening', ['20% off=9% off/promotional/3@4-11', 'whitening=whitening/promotional/2@12-21']],
  ['case is ignored', 'YOUR LAB RESULTS', ['LAB RESULTS=lab results/transactional/3@5-16']],
  ['a price', 'Cleanings from $1,200.50', ['from $1,200.50=from $9/promotional/2@10-24']],
  ['only $ before a price', 'only $49 today', ['only $=only $/promotional/2@0-6']],
  ['longest phrase wins', 'Please confirm your appointment', ['confirm your appointment=confirm your appointment/transactional/3@7-31']],
  ['hyphen reads as a space', 'Check in at the desk', ['Check in=check-in/transactional/2@0-8']],
  ['curly apostrophe', 'Don’t miss out', ['Don’t miss out=don\'t miss out/promotional/3@0-14']],
  ['zero-width joiner inside a word', 'sh\u200cop now', ['sh\u200cop now=shop now/promotional/3@0-9']],
  ['whole words only', 'spatula reminders shopping', []],
  ['merge tag text is not matched', 'Code: {{discount_code}}', []],
  ['merge tag stands for a number', 'Save {{pct}}% today', ['Save {{pct}}%=save 9%/promotional/3@0-13']],
  ['offsets count the merge tag', '{{name}}, your statement', ['your statement=your statement/transactional/3@10-24']],
  ['quoted literal inside a tag is text', '{{ "Reset your password"|xlt }}', ['Reset your password=reset your password/transactional/3@4-23']],
  ['ERB literal', "<%= link_to 'Confirm my account', url %>", ['account=account/transactional/1@24-31']],
  ['Mailchimp tag', '*|UNSUB|* unsubscribe', ['unsubscribe=unsubscribe/promotional/1@10-21']],
  ['Mautic token', '{unsubscribe_text} | {webview_text}', []],
  ['number next to letters is a word', 'A80SD99 off', []],
];

for (const [name, text, expected] of MATCHES) {
  test(`phrase matching: ${name}`, () => {
    assert.deepEqual(hitsOf(text), expected);
  });
}

test('a phrase repeated in one block counts once', () => {
  const score = scoreText('$19.99 and $9.99 and $4.00', DEFAULT_PHRASES);
  assert.equal(score.hits.length, 3);
  assert.equal(score.promotional, 1);
});

test('merge tags: unclosed delimiters find nothing and do not hide later tags', () => {
  assert.deepEqual(findMergeTags('{{ a {{ b'), []);
  assert.deepEqual(findMergeTags('{{{{{{{{'), []);
  assert.deepEqual(findMergeTags('{% x *|A|*'), [{ start: 5, end: 10, literals: [] }]);
  assert.deepEqual(findMergeTags('%recipient.first_name% and 20% off'), [{ start: 0, end: 22, literals: [] }]);
});

const SUBJECTS: Array<[string, 'promotional' | 'transactional' | 'neutral', number, number]> = [
  ['Your appointment on Tuesday', 'transactional', 0, 2],
  ['20% off whitening this week', 'promotional', 5, 0],
  ['Save 15% on whitening + your appointment reminder', 'promotional', 5, 4],
  ['Hello from Riverbend', 'neutral', 0, 0],
  ['Use code {{ .LoginCode }} to log in', 'neutral', 2, 2],
  ['Riverbend newsletter', 'promotional', 2, 0],
];

for (const [subject, label, promotional, transactional] of SUBJECTS) {
  test(`subject signals: ${subject}`, () => {
    const score = subjectSignals(subject);
    assert.deepEqual([score.label, score.promotional, score.transactional], [label, promotional, transactional]);
  });
}

test('default phrases: weights and spellings', () => {
  for (const list of [DEFAULT_PHRASES.promotional, DEFAULT_PHRASES.transactional]) {
    const seen = new Map<string, string>();
    for (const [phrase, weight] of Object.entries(list)) {
      assert.ok([1, 2, 3].includes(weight), `${phrase} has weight ${weight}`);
      const key = tokenizePhrase(phrase).join(' ');
      assert.notEqual(key, '', `${phrase} has no tokens`);
      assert.equal(seen.get(key), undefined, `${phrase} repeats ${seen.get(key)}`);
      seen.set(key, phrase);
    }
  }
});

test('config merging: an added phrase matches with its weight', () => {
  const phrases = mergePhraseConfig({ promotional: { 'smile club': 3 } });
  assert.deepEqual(hitsOf('Join the Smile Club', phrases), ['Smile Club=smile club/promotional/3@9-19']);
  assert.equal(phrases.transactional, DEFAULT_PHRASES.transactional);
});

test('config merging: weight 0 removes a default phrase, in any spelling', () => {
  const phrases = mergePhraseConfig({ transactional: { 'Lab-Results': 0 } });
  assert.equal(phrases.transactional['lab results'], undefined);
  assert.deepEqual(hitsOf('lab results', phrases), []);
  assert.equal(DEFAULT_PHRASES.transactional['lab results'], 3);
});

test('config merging: a new weight replaces the default under the user spelling', () => {
  const phrases = mergePhraseConfig({ promotional: { 'Webinar': 3 } });
  assert.equal(phrases.promotional.webinar, undefined);
  assert.equal(phrases.promotional.Webinar, 3);
  assert.equal(scoreText('webinar', phrases).promotional, 3);
});

test('config merging: phrase in both lists', () => {
  const phrases = mergePhraseConfig({ promotional: { 'lab results': 1 } });
  assert.deepEqual(hitsOf('lab results', phrases), [
    'lab results=lab results/promotional/1@0-11',
    'lab results=lab results/transactional/3@0-11',
  ]);
});

test('config merging: invalid weights and empty phrases are rejected with the key named', () => {
  assert.throws(() => mergePhraseConfig({ promotional: { sale: -1 } }), /classifier\.promotional\["sale"\] is -1/);
  assert.throws(() => mergePhraseConfig({ transactional: { refund: Number.NaN } }), /classifier\.transactional\["refund"\] is null/);
  assert.throws(() => mergePhraseConfig({ promotional: { ' - ': 2 } }), /has nothing to match/);
});
