import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../../../server/src/core/model/build';
import { SourceFile, type Span } from '../../../server/src/core/model/source';
import type { TemplateModel, TemplateNode } from '../../../server/src/core/model/types';
import { templatesUnder } from '../../support/corpus';

// The shared corpus of real-world templates sits next to the repository checkout in CI; it is
// not part of the repository, because several of its sources are copyleft.
const repositoryRoot = path.resolve(__dirname, '../../../..');
const corpus = path.join(repositoryRoot, '..', 'shared', 'corpus');


/** Lists every span the model exposes, with a label for the failure message. */
function allSpans(model: TemplateModel): Array<[string, Span]> {
  const spans: Array<[string, Span]> = [];
  const visit = (nodes: readonly TemplateNode[]): void => {
    for (const node of nodes) {
      spans.push([`${node.type} node`, node.span]);
      if (node.type === 'comment') {
        spans.push(['comment body', node.bodySpan]);
      } else if (node.type === 'element') {
        spans.push([`<${node.name}> open tag`, node.openTagSpan]);
        for (const attribute of node.attributes) {
          spans.push([`${attribute.name} name`, attribute.nameSpan], [`${attribute.name} value`, attribute.valueSpan]);
        }
        visit(node.children);
      }
    }
  };
  visit(model.roots);
  for (const run of model.textRuns) spans.push(['text run', run.span]);
  for (const link of model.links) spans.push(['link', link.span], ['href', link.hrefSpan]);
  for (const image of model.images) spans.push(['image', image.span], ['src', image.srcSpan]);
  for (const heading of model.headings) spans.push(['heading', heading.span]);
  for (const tag of model.mergeTags) spans.push(['merge tag', tag.span]);
  for (const block of model.blocks) spans.push(['block', block.span]);
  for (const include of model.includes) spans.push(['include path', include.pathSpan]);
  for (const problem of model.problems) spans.push([`problem ${problem.code}`, problem.span]);
  if (model.subject) spans.push(['subject', model.subject.span]);
  if (model.preheader) spans.push(['preheader', model.preheader.span]);
  if (model.directive) {
    spans.push(['directive', model.directive.span]);
    for (const [key, span] of Object.entries(model.directive.valueSpans)) {
      if (span) spans.push([`directive ${key}`, span]);
    }
  }
  return spans;
}

test('every corpus template builds, with every span inside its file', (t) => {
  if (!fs.existsSync(corpus)) {
    t.skip(`${corpus} not found: skipped`);
    return;
  }
  const templates = templatesUnder(corpus);
  assert.ok(templates.length > 0, `no templates under ${corpus}`);

  for (const templatePath of templates) {
    const file = new SourceFile(templatePath, fs.readFileSync(templatePath, 'utf8'));
    const model = buildModel(file, { workspaceRoot: corpus });
    const failed = model.problems.find((problem) => problem.code === 'model-failed');
    assert.equal(failed, undefined, `${templatePath}: ${failed?.data.reason}`);

    for (const [label, span] of allSpans(model)) {
      assert.ok(model.files.includes(span.file), `${templatePath}: ${label} points into ${span.file.path}, which is not in model.files`);
      const where = `${templatePath}: ${label} [${span.start}, ${span.end}] in 0..${span.file.text.length}`;
      assert.ok(span.start >= 0, where);
      assert.ok(span.start <= span.end, where);
      assert.ok(span.end <= span.file.text.length, where);
    }
  }
});
