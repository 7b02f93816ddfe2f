import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, mergePhraseConfig, type ClassifierBlock } from '../../../server/src/core/classify';

function blocks(...texts: string[]): ClassifierBlock[] {
  return texts.map((text, index) => ({ index, kind: 'paragraph', text }));
}

const HEADER = 'Riverbend Family Clinic';
const RESULTS = 'Your lab results are ready in the portal.';
const WHITENING = 'Teeth whitening: 20% off this month.';

test('ordering: promotional content before the transactional content makes the mix commercial', () => {
  const result = classify({ subject: 'Your lab results', blocks: blocks(HEADER, WHITENING, RESULTS) });

  assert.equal(result.category, 'mixed');
  assert.equal(result.commercial, true);
  assert.equal(result.promotionalFirstIndex, 1);
  assert.deepEqual(
    result.blocks.map((block) => block.label),
    ['neutral', 'promotional', 'transactional'],
  );
});

test('ordering: transactional content first keeps the mix non-commercial', () => {
  const result = classify({ subject: 'Your lab results', blocks: blocks(HEADER, RESULTS, WHITENING) });

  assert.equal(result.category, 'mixed');
  assert.equal(result.commercial, false);
  assert.equal(result.promotionalFirstIndex, undefined);
});

test('ordering: block indices decide, not array positions', () => {
  const input = [
    { index: 7, kind: 'paragraph' as const, text: RESULTS },
    { index: 3, kind: 'button' as const, text: WHITENING },
  ];
  const result = classify({ blocks: input });
  assert.equal(result.commercial, true);
  assert.equal(result.promotionalFirstIndex, 3);
});

test('a promotional subject makes a transactional body commercial', () => {
  const result = classify({ subject: 'Save 20% on whitening', blocks: blocks(HEADER, RESULTS) });

  assert.equal(result.category, 'mixed');
  assert.equal(result.commercial, true);
  assert.equal(result.promotionalFirstIndex, undefined);
  assert.deepEqual(result.evidence, [
    "'Save 20%' (promotional, 3) in subject",
    "'whitening' (promotional, 2) in subject",
    "'lab results' (transactional, 3) in block 1",
  ]);
});

test('promotional blocks only: marketing', () => {
  const result = classify({ blocks: blocks(HEADER, WHITENING, 'Book now and save with promo code SMILE.') });
  assert.equal(result.category, 'marketing');
  assert.equal(result.commercial, true);
  assert.equal(result.basis, 'blocks');
});

test('a promotional subject alone makes a signal-free body marketing', () => {
  const result = classify({ subject: 'Spring special offer', blocks: blocks(HEADER, 'See you soon.') });
  assert.equal(result.category, 'marketing');
  assert.deepEqual(result.evidence, ["'special offer' (promotional, 3) in subject"]);
});

test('no phrases at all: transactional by default, with no evidence', () => {
  const result = classify({ subject: '{{subject}}', blocks: blocks('Hello {{name}},', '{{{body}}}') });
  assert.deepEqual([result.category, result.commercial, result.basis, result.evidence], ['transactional', false, 'none', []]);
});

test('no labelled block: weak newsletter signals add up to marketing', () => {
  const result = classify({ blocks: blocks('View in browser', 'Five ways to sleep better', 'Read more', 'Unsubscribe') });

  assert.deepEqual([result.category, result.commercial, result.basis], ['marketing', true, 'totals']);
  assert.deepEqual(result.evidence, [
    "'View in browser' (promotional, 1) in block 0",
    "'Read more' (promotional, 1) in block 2",
    "'Unsubscribe' (promotional, 1) in block 3",
  ]);
});

test('no labelled block: weak transactional signals win on totals too', () => {
  const result = classify({ blocks: blocks('Your account', 'Unsubscribe', 'Appointment', 'Statement') });
  assert.deepEqual([result.category, result.basis], ['transactional', 'totals']);
});

test('a block needs weight 2 and more than the other side', () => {
  const result = classify({
    blocks: blocks('Unsubscribe', 'Your appointment', 'Your appointment: 20% off', 'reminder, upgrade'),
  });
  assert.deepEqual(
    result.blocks.map((block) => [block.label, block.promotional, block.transactional]),
    [
      ['neutral', 1, 0],
      ['transactional', 0, 2],
      ['promotional', 3, 2],
      ['neutral', 2, 2],
    ],
  );
});

test('evidence names each deciding phrase once per block, with its weight and place', () => {
  const result = classify({
    subject: 'Your appointment',
    blocks: blocks('Reminder: your appointment is scheduled. Reminder!', 'Unsubscribe', '20% off teeth whitening'),
  });

  assert.equal(result.commercial, false);
  assert.deepEqual(result.evidence, [
    "'Your appointment' (transactional, 2) in subject",
    "'Reminder' (transactional, 2) in block 0",
    "'your appointment is scheduled' (transactional, 3) in block 0",
    "'20% off' (promotional, 3) in block 2",
    "'teeth whitening' (promotional, 3) in block 2",
  ]);
});

test('user phrases change the decision', () => {
  const phrases = mergePhraseConfig({ promotional: { 'smile club': 3 }, transactional: { 'lab results': 0 } });
  const result = classify({ blocks: blocks('Join the Smile Club today.', RESULTS) }, phrases);
  assert.equal(result.category, 'marketing');
  assert.deepEqual(result.evidence, ["'Smile Club' (promotional, 3) in block 0"]);
});

test('an empty subject is no subject', () => {
  assert.equal(classify({ subject: '  ', blocks: [] }).subject, null);
});
