import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel, type BuildOptions } from '../../../server/src/core/model/build';
import { SourceFile } from '../../../server/src/core/model/source';
import type { TemplateModel } from '../../../server/src/core/model/types';
import { lineColumns, textAt } from './helpers';

// Compiled tests run from out/test/unit/model; the fixtures stay in the source tree.
const fixtures = path.resolve(__dirname, '../../../../test/fixtures/model');
const mainPath = path.join(fixtures, 'includes', 'main.mjml');

function buildMain(options: BuildOptions): TemplateModel {
  return buildModel(new SourceFile(mainPath, fs.readFileSync(mainPath, 'utf8')), options);
}

function relative(file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.relative(fixtures, file);
}

test('includes resolve, splice and report their problems', () => {
  const model = buildMain({ workspaceRoot: path.join(fixtures, 'includes') });

  assert.deepEqual(
    model.includes.map((include) => [include.path, relative(include.resolvedPath), include.problem]),
    [
      ['./partials/theme.css', 'includes/partials/theme.css', undefined],
      ['./partials/header.mjml', 'includes/partials/header.mjml', undefined],
      ['./partials/header.mjml', undefined, 'inside-ending-tag'],
      ['./partials/footer.mjml', 'includes/partials/footer.mjml', undefined],
      ['./partials/legal.html', 'includes/partials/legal.html', undefined],
      ['./partials/missing.mjml', 'includes/partials/missing.mjml', 'not-found'],
      ['../shared/brand.mjml', undefined, 'outside-workspace'],
      ['./partials/loop-a.mjml', 'includes/partials/loop-a.mjml', undefined],
      ['./loop-b.mjml', 'includes/partials/loop-b.mjml', undefined],
      ['./loop-a.mjml', 'includes/partials/loop-a.mjml', 'cycle'],
    ],
  );

  // Each include problem is also a model problem on the path value.
  assert.deepEqual(
    model.problems.map((problem) => [problem.kind, problem.code, problem.data.path, relative(problem.span.file.path), lineColumns(problem.span)]),
    [
      ['include', 'inside-ending-tag', './partials/header.mjml', 'includes/main.mjml', '9:35-9:57'],
      ['include', 'not-found', './partials/missing.mjml', 'includes/main.mjml', '14:22-14:45'],
      ['include', 'outside-workspace', '../shared/brand.mjml', 'includes/main.mjml', '15:22-15:42'],
      ['include', 'cycle', './loop-a.mjml', 'includes/partials/loop-b.mjml', '0:18-0:31'],
    ],
  );
});

test('included content counts as the template’s, with spans in the included file', () => {
  const model = buildMain({ workspaceRoot: path.join(fixtures, 'includes') });

  assert.deepEqual(
    model.textRuns.map((run) => [run.text, relative(run.span.file.path), run.hidden ?? null]),
    [
      ['Example Clinic', 'includes/partials/header.mjml', 'display-none'],
      ['Your appointment with Dr. Example is confirmed.', 'includes/main.mjml', null],
      ['Sent to {{ patient.email }}.', 'includes/partials/footer.mjml', null],
      ['Unsubscribe', 'includes/partials/footer.mjml', null],
      ['Example Clinic, 1 Placeholder Road, Exampletown {{ clinic.phone }}', 'includes/partials/legal.html', null],
    ],
  );

  const [link] = model.links;
  assert.equal(link.href, '{{ unsubscribe_url }}');
  assert.equal(relative(link.hrefSpan.file.path), 'includes/partials/footer.mjml');
  assert.equal(textAt(link.hrefSpan), '{{ unsubscribe_url }}');
  assert.equal(lineColumns(link.hrefSpan), '4:55-4:76');

  assert.deepEqual(
    model.mergeTags.map((tag) => [tag.raw, tag.context, relative(tag.span.file.path)]),
    [
      ['{{ patient.email }}', 'text', 'includes/partials/footer.mjml'],
      ['{{ unsubscribe_url }}', 'attribute', 'includes/partials/footer.mjml'],
      ['{{ clinic.phone }}', 'raw', 'includes/partials/legal.html'],
    ],
  );

  assert.deepEqual(
    model.files.map((file) => relative(file.path)),
    [
      'includes/main.mjml',
      'includes/partials/theme.css',
      'includes/partials/header.mjml',
      'includes/partials/footer.mjml',
      'includes/partials/legal.html',
      'includes/partials/loop-a.mjml',
      'includes/partials/loop-b.mjml',
    ],
  );

  // The footer's <mjml><mj-body> wrapper is unwrapped: its section sits in the main body.
  const footerSection = model.links[0].element.parent?.parent?.parent;
  assert.equal(footerSection?.name, 'mj-section');
  assert.equal(footerSection?.parent?.name, 'mj-body');
});

test('an untrusted workspace limits includes to the template’s folder', () => {
  const model = buildMain({ workspaceRoot: fixtures, trusted: false });
  const brand = model.includes.find((include) => include.path === '../shared/brand.mjml');
  assert.equal(brand?.problem, 'outside-workspace');

  const trusted = buildMain({ workspaceRoot: fixtures });
  const allowed = trusted.includes.find((include) => include.path === '../shared/brand.mjml');
  assert.equal(allowed?.problem, undefined);
  assert.ok(trusted.textRuns.some((run) => run.text === 'Shared brand block'));
});

test('readFile supplies included files, such as unsaved editor buffers', () => {
  const read: string[] = [];
  const model = buildModel(new SourceFile('/work/space/mail.mjml', '<mjml><mj-body><mj-include path="part.mjml" /></mj-body></mjml>'), {
    workspaceRoot: '/work/space',
    readFile: (absolutePath) => {
      read.push(absolutePath);
      return absolutePath === '/work/space/part.mjml' ? '<mj-text>From the buffer</mj-text>' : undefined;
    },
  });
  assert.deepEqual(read, ['/work/space/part.mjml']);
  assert.deepEqual(model.textRuns.map((run) => run.text), ['From the buffer']);
});

test('a readFile that throws makes the include unreadable, not the build', () => {
  const model = buildModel(new SourceFile('/work/space/mail.mjml', '<mjml><mj-body><mj-include path="part.mjml" /></mj-body></mjml>'), {
    readFile: () => {
      throw new Error('EACCES: permission denied');
    },
  });
  assert.deepEqual(model.includes.map((include) => [include.problem, include.problemDetail]), [['unreadable', 'EACCES: permission denied']]);
});
