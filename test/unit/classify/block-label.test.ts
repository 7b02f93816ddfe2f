import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, scoredBlockLabel, scoreText, DEFAULT_PHRASES } from '../../../server/src/core/classify';

/** A block's label needs one phrase of weight 2 or more on the winning side; weak phrases alone add up only in the totals. */

const label = (text: string) => scoredBlockLabel(scoreText(text, DEFAULT_PHRASES));

test('weak phrases alone do not label a block', () => {
  assert.equal(label('View in browser | Unsubscribe | Contact'), 'neutral');
  assert.equal(label('Privacy statement | My account'), 'neutral');
});

test('a medium or strong phrase labels a block', () => {
  assert.equal(label('Read our newsletter'), 'promotional');
  assert.equal(label('Use this discount now'), 'promotional');
  assert.equal(label('Your statement is ready'), 'transactional');
});

test('support and nudge wording is weak', () => {
  assert.equal(label("Reply to this email or join us on live chat during business hours."), 'neutral');
  assert.equal(label('Reach out to dormant contacts with a friendly reminder.'), 'neutral');
});

test('a receipt with a footer of weak markers stays transactional', () => {
  const result = classify({
    blocks: [
      { index: 0, kind: 'paragraph', text: 'Receipt for your payment of $40.00.' },
      { index: 1, kind: 'paragraph', text: 'View in browser | Unsubscribe' },
    ],
  });
  assert.equal(result.category, 'transactional');
  assert.deepEqual(result.blocks.map((block) => block.label), ['transactional', 'neutral']);
});

test('weak markers still decide a template on totals', () => {
  const result = classify({ blocks: [{ index: 0, kind: 'paragraph', text: 'Read more | View in browser | Unsubscribe' }] });
  assert.equal(result.category, 'marketing');
  assert.equal(result.basis, 'totals');
});
