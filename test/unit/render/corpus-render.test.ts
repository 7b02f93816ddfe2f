import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceFile } from '../../../server/src/core/model/source';
import { renderTemplate } from '../../../server/src/core/render/render';
import { CORPUS, templatesUnder } from '../../support/corpus';

/**
 * Renders every template of the shared corpus and of examples/ for the preview: none may throw,
 * and each answer is either HTML or errors that say why there is none. Skipped without the corpus.
 */

const EXAMPLES = path.resolve(__dirname, '../../../../examples');


test('every corpus and example template renders', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`skipped: the shared corpus was not found at ${CORPUS}`);
    return;
  }
  const files = [...templatesUnder(CORPUS), ...templatesUnder(EXAMPLES)];
  const silent: string[] = [];
  for (const file of files) {
    const output = await renderTemplate({
      file: new SourceFile(file, fs.readFileSync(file, 'utf8')),
      language: file.endsWith('.mjml') ? 'mjml' : 'html',
      workspaceRoot: path.dirname(file),
      trusted: true,
      maskPhi: false,
    });
    if (output.html === null && output.errors.length === 0) {
      silent.push(path.relative(CORPUS, file));
    }
  }
  assert.ok(files.length > 1000, `expected over 1000 templates, found ${files.length}`);
  assert.deepEqual(silent, []);
});
