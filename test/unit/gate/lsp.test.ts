import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { GateReport } from '../../../server/src/core/gate/index';
import { toGateResult } from '../../../server/src/lsp/gate-request';

test('a gate report maps to the protocol: URIs, zero-based ranges, overridable failures', () => {
  const templatePath = '/workspace/news.mjml';
  const uri = 'file:///workspace/news.mjml';
  const report: GateReport = {
    passed: false,
    template: { path: 'news.mjml', category: 'marketing' },
    checks: [
      { id: 'template', status: 'warn', message: 'news.mjml has 1 warning: missing-ad-label.', fix: 'Fix it.', location: { path: templatePath, line: 4, column: 7 } },
      { id: 'list', status: 'fail', message: 'list.csv: 1 of 2 rows must not be sent to (suppressed 1).', location: { path: '/workspace/list.csv', line: 3, column: 1 } },
      { id: 'list-unsubscribe', status: 'overridden', message: 'No one-click header.', overrideReason: 'ticket 7' },
      { id: 'spf', status: 'skipped', message: 'DNS checks are off.' },
    ],
  };

  assert.deepEqual(toGateResult(uri, templatePath, report), {
    uri,
    verdict: 'fail',
    checks: [
      {
        id: 'template',
        title: 'Template findings',
        status: 'warn',
        reason: 'news.mjml has 1 warning: missing-ad-label.',
        fix: 'Fix it.',
        overridable: false,
        location: { uri, range: { start: { line: 3, character: 6 }, end: { line: 3, character: 6 } } },
      },
      {
        id: 'list',
        title: 'Recipient list',
        status: 'fail',
        reason: 'list.csv: 1 of 2 rows must not be sent to (suppressed 1).',
        overridable: true,
        location: { uri: pathToFileURL('/workspace/list.csv').href, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
      },
      { id: 'list-unsubscribe', title: 'One-click unsubscribe header', status: 'overridden', reason: 'No one-click header.', overridable: false, overrideReason: 'ticket 7' },
      { id: 'spf', title: 'SPF record', status: 'skipped', reason: 'DNS checks are off.', overridable: false },
    ],
  });
});
