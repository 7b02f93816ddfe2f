import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnippet } from '../../support/rule-tester';

const MARKETING_WITHOUT_OPT_OUT = ['<!-- presend', 'category: marketing', '-->', '<p>Spring fair on April 18.</p>'];

/** Rules these tests exercise; other rules' findings on the same snippets are not their concern. */
const RULES_UNDER_TEST = new Set(['missing-unsubscribe', 'missing-postal-address', 'broken-unsubscribe', 'unused-disable']);

function findingsOf(code: string, options: Parameters<typeof checkSnippet>[1] = {}) {
  return checkSnippet(code, options).filter((finding) => RULES_UNDER_TEST.has(finding.ruleId));
}

function ids(code: string): string[] {
  return findingsOf(code).map((finding) => `${finding.ruleId}@${finding.range.start.line}`);
}

test('disable-file suppresses the named rule only', () => {
  const code = ['<!-- presend-disable-file missing-unsubscribe -- footer added by the ESP -->', ...MARKETING_WITHOUT_OPT_OUT].join('\n');
  assert.deepEqual(ids(code), ['missing-postal-address@0']);
});

test('disable-file without ids suppresses every rule', () => {
  const code = ['<!-- presend-disable-file -->', ...MARKETING_WITHOUT_OPT_OUT].join('\n');
  assert.deepEqual(ids(code), []);
});

test('disable-next-line covers the next line only', () => {
  const code = [
    ...MARKETING_WITHOUT_OPT_OUT,
    '<p>Riverbend Clinic, 418 Alder Creek Road, Millbrook, OR 97999</p>',
    '<!-- presend-disable-next-line broken-unsubscribe -- tracked redirect fixed at send time -->',
    '<a href="#">Unsubscribe</a>',
    '<a href="">Unsubscribe</a>',
  ].join('\n');
  assert.deepEqual(ids(code), ['broken-unsubscribe@7']);
});

test('disable and enable bound a region', () => {
  const code = [
    ...MARKETING_WITHOUT_OPT_OUT,
    '<p>Riverbend Clinic, 418 Alder Creek Road, Millbrook, OR 97999</p>',
    '<!-- presend-disable broken-unsubscribe -->',
    '<a href="#">Unsubscribe</a>',
    '<!-- presend-enable broken-unsubscribe -->',
    '<a href="javascript:void(0)">Unsubscribe</a>',
  ].join('\n');
  assert.deepEqual(ids(code), ['broken-unsubscribe@8']);
});

test('unused disable is reported with the rule ids', () => {
  const code = [
    '<!-- presend', 'category: transactional', '-->',
    '<!-- presend-disable-next-line broken-unsubscribe -->',
    '<p>Your appointment is on Tuesday.</p>',
  ].join('\n');
  const findings = findingsOf(code);
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.messageId, finding.range.start.line, finding.message]),
    [['unused-disable', 'unused', 3, 'This presend-disable directive for broken-unsubscribe suppresses nothing; remove it.']],
  );
  assert.equal(findings[0].fix?.title, 'Remove the unused directive');
});

test('disable naming an unknown rule is reported', () => {
  const code = ['<!-- presend-disable-file missing-unsubscrib -->', '<p>Hello</p>'].join('\n');
  const findings = findingsOf(code);
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.messageId, finding.data.rules]), [['unused-disable', 'unknownRule', 'missing-unsubscrib']]);
});

test('disable of a rule that is off is reported', () => {
  const code = ['<!-- presend-disable-file hidden-unsubscribe -->', '<p>Hello</p>'].join('\n');
  const findings = findingsOf(code, { config: { rules: { 'hidden-unsubscribe': 'off' } } });
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.messageId]), [['unused-disable', 'ruleOff']]);
});
