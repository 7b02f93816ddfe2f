import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate } from '../../../server/src/core/check';
import { resolveConfig } from '../../../server/src/core/config/load';
import type { Rule } from '../../../server/src/core/engine/rule';

const config = resolveConfig({}, '/workspace', true);

function ruleReporting(id: string, report: (context: Parameters<Rule['check']>[0]) => void, fixable = false): Rule {
  return {
    meta: { id, family: 'template', description: 'test rule', defaultSeverity: 'warning', messages: { found: 'Found {{what}}.' }, fixable, basis: 'test' },
    check: report,
  };
}

function run(rules: Rule[]) {
  const errors: string[] = [];
  const result = checkTemplate({
    path: '/workspace/a.html',
    text: '<p>hello</p>',
    config,
    readFile: () => undefined,
    rules,
    logger: { error: (message) => errors.push(message) },
  });
  return { findings: result.findings, errors };
}

const good = ruleReporting('good-rule', (context) =>
  context.report({ messageId: 'found', data: { what: 'a paragraph' }, span: { file: context.model.file, start: 0, end: 3 } }),
);

test('throwing rule is isolated and logged', () => {
  const thrower = ruleReporting('throwing-rule', () => {
    throw new Error('boom');
  });
  const { findings, errors } = run([thrower, good]);

  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.message]), [['good-rule', 'Found a paragraph.']]);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^Rule throwing-rule failed on \/workspace\/a\.html: Error: boom/);
});

test('undeclared message id is rejected', () => {
  const sloppy = ruleReporting('sloppy-rule', (context) => context.report({ messageId: 'other', span: { file: context.model.file, start: 0, end: 1 } }));
  const { findings, errors } = run([sloppy, good]);

  assert.deepEqual(findings.map((finding) => finding.ruleId), ['good-rule']);
  assert.match(errors[0], /Rule sloppy-rule reported undeclared message id "other"/);
});

test('undeclared fix is rejected', () => {
  const fixer = ruleReporting('fixer-rule', (context) =>
    context.report({
      messageId: 'found',
      data: { what: 'x' },
      span: { file: context.model.file, start: 0, end: 1 },
      fix: { title: 'Fix', edits: [{ span: { file: context.model.file, start: 0, end: 1 }, newText: '' }] },
    }),
  );
  const { findings, errors } = run([fixer]);

  assert.deepEqual(findings, []);
  assert.match(errors[0], /Rule fixer-rule attached a fix but does not declare fixable: true/);
});

test('missing placeholder data is rejected', () => {
  const vague = ruleReporting('vague-rule', (context) => context.report({ messageId: 'found', span: { file: context.model.file, start: 0, end: 1 } }));
  const { findings, errors } = run([vague]);

  assert.deepEqual(findings, []);
  assert.match(errors[0], /Rule vague-rule: message placeholder "what" has no value/);
});

test('declared fix is carried with file offsets', () => {
  const fixer = ruleReporting(
    'fixer-rule',
    (context) =>
      context.report({
        messageId: 'found',
        data: { what: 'x' },
        span: { file: context.model.file, start: 1, end: 2 },
        fix: { title: 'Drop it', edits: [{ span: { file: context.model.file, start: 1, end: 2 }, newText: 'div' }] },
      }),
    true,
  );
  const { findings } = run([fixer]);

  assert.deepEqual(findings[0].fix, { title: 'Drop it', edits: [{ path: '/workspace/a.html', start: 1, end: 2, newText: 'div' }] });
  assert.deepEqual(findings[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
});
