import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdentifier } from '../../../server/src/core/rules/support/phi-mask';

test('mask keeps separators and last two', () => {
  assert.equal(maskIdentifier('219-09-9999'), '•••-••-••99');
  assert.equal(maskIdentifier('1EG4-TE5-MK73'), '••••-•••-••73');
  assert.equal(maskIdentifier('MRN 55012'), '••• •••12');
  assert.equal(maskIdentifier('7'), '7');
});
