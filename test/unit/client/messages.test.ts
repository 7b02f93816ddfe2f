import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { isPreviewMessage, isPreviewState, type PreviewState } from '../../../client/src/preview/messages';
import { isReportMessage } from '../../../client/src/report/messages';

const state: PreviewState = { uri: 'file:///w/a.mjml', view: 'rendered', width: 'mobile', theme: 'dark', useSampleData: true, maskPhi: false };

const previewCases: [name: string, message: unknown, valid: boolean][] = [
  ['ready', { type: 'ready' }, true],
  ['reveal', { type: 'reveal', finding: 3 }, true],
  ['reveal with a negative index', { type: 'reveal', finding: -1 }, false],
  ['reveal with a fraction', { type: 'reveal', finding: 1.5 }, false],
  ['reveal with a string', { type: 'reveal', finding: '3' }, false],
  ['setState', { type: 'setState', state }, true],
  ['setState with an unknown width', { type: 'setState', state: { ...state, width: '1024' } }, false],
  ['setState without maskPhi', { type: 'setState', state: { ...state, maskPhi: undefined } }, false],
  ['allowRemote', { type: 'allowRemote' }, true],
  ['openSettings', { type: 'openSettings' }, true],
  ['unknown type', { type: 'runScript' }, false],
  ['null', null, false],
  ['array', [{ type: 'ready' }], false],
];

for (const [name, message, valid] of previewCases) {
  test(`isPreviewMessage: ${name}`, () => {
    assert.equal(isPreviewMessage(message), valid);
  });
}

test('isPreviewState accepts a state without a template', () => {
  assert.equal(isPreviewState({ ...state, uri: null }), true);
  assert.equal(isPreviewState({ ...state, uri: 7 }), false);
});

const reportCases: [name: string, message: unknown, valid: boolean][] = [
  ['reveal', { type: 'reveal', location: 0 }, true],
  ['reveal without a location', { type: 'reveal' }, false],
  ['override', { type: 'override', checkId: 'opt-out' }, true],
  ['override without an id', { type: 'override', checkId: '' }, false],
  ['rerun', { type: 'rerun' }, true],
  ['unknown', { type: 'ready' }, false],
];

for (const [name, message, valid] of reportCases) {
  test(`isReportMessage: ${name}`, () => {
    assert.equal(isReportMessage(message), valid);
  });
}
