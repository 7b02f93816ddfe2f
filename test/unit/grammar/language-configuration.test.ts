import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './textmate';

interface RegexRule {
  pattern: string;
  flags?: string;
}

interface OnEnterRule {
  beforeText: RegexRule;
  afterText?: RegexRule;
  action: { indent: string };
}

interface LanguageConfiguration {
  comments: { blockComment: [string, string] };
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  wordPattern: string;
  folding: { markers: { start: string; end: string } };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
}

const config = JSON.parse(
  readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

// VS Code compiles these strings as JavaScript regular expressions, as done here.
const wordPattern = new RegExp(config.wordPattern, 'g');
const increaseIndent = new RegExp(config.indentationRules.increaseIndentPattern);
const decreaseIndent = new RegExp(config.indentationRules.decreaseIndentPattern);

/** Returns the word VS Code selects on a double-click at `offset`, or undefined. */
function wordAt(text: string, offset: number): string | undefined {
  for (const match of text.matchAll(wordPattern)) {
    if (match.index <= offset && offset < match.index + match[0].length) {
      return match[0];
    }
  }
  return undefined;
}

/** Returns the indent action of the first onEnter rule that applies, as VS Code picks it, or 'none'. */
function onEnterAction(beforeText: string, afterText: string): string {
  const rule = config.onEnterRules.find(
    (candidate) =>
      new RegExp(candidate.beforeText.pattern, candidate.beforeText.flags).test(beforeText) &&
      (candidate.afterText === undefined ||
        new RegExp(candidate.afterText.pattern, candidate.afterText.flags).test(afterText)),
  );
  return rule?.action.indent ?? 'none';
}

test('comments toggle as HTML block comments and <!-- closes itself', () => {
  assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  assert.deepEqual(
    config.autoClosingPairs.find((pair) => pair.open === '<!--'),
    { open: '<!--', close: '-->', notIn: ['comment', 'string'] },
  );
  assert.deepEqual(
    config.autoClosingPairs.map((pair) => pair.open),
    ['{', '[', '(', "'", '"', '<!--'],
  );
});

const words: [text: string, offset: number, word: string | undefined][] = [
  ['<mj-section padding="0">', 3, 'mj-section'],
  ['<mj-button background-color="#0f766e">', 15, 'background-color'],
  ['<mj-button background-color="#0f766e">', 31, '#0f766e'],
  ['Hi {{first_name}},', 6, 'first_name'],
  ['Hello *|FNAME|*', 10, 'FNAME'],
  ['Hello %%FirstName%%', 10, 'FirstName'],
  ['width 1.5em', 7, '1.5em'],
  ['a = b', 2, undefined],
];

for (const [text, offset, word] of words) {
  test(`word at ${offset} in ${JSON.stringify(text)} is ${JSON.stringify(word)}`, () => {
    assert.equal(wordAt(text, offset), word);
  });
}

const enterCases: [beforeText: string, afterText: string, action: string][] = [
  ['  <mj-section>', '</mj-section>', 'indentOutdent'],
  ['<mj-button href="https://portal.example.org/a">', '</mj-button>', 'indentOutdent'],
  ['<mj-column>', '', 'indent'],
  ['<mj-section\n  css-class="hero">', '', 'indent'],
  ['<mj-image src="https://example.org/logo.png" />', '', 'none'],
  ['<mj-text>Hello</mj-text>', '', 'none'],
  ['<p class="note">', '', 'indent'],
  ['<br>', '', 'none'],
  ['{{#if portal_enabled}}', '', 'indent'],
  ['{% for visit in visits %}', '', 'indent'],
  ['{{first_name}}', '', 'none'],
];

for (const [beforeText, afterText, action] of enterCases) {
  test(`Enter after ${JSON.stringify(beforeText)} before ${JSON.stringify(afterText)}: ${action}`, () => {
    assert.equal(onEnterAction(beforeText, afterText), action);
  });
}

const indentCases: [line: string, increases: boolean, decreases: boolean][] = [
  ['<mj-section>', true, false],
  ['<mj-text>Hello</mj-text>', false, false],
  ['<mj-image src="a.png" />', false, false],
  ['<img src="a.png">', false, false],
  ['</mj-section>', false, true],
  ['.footer a {', true, false],
  ['}', false, true],
  ['{{#each reminders}}', true, false],
  ['{{/each}}', false, true],
  ['{{else}}', false, true],
  ['{% endif %}', false, true],
  ['<!--', true, false],
  ['-->', false, true],
];

for (const [line, increases, decreases] of indentCases) {
  test(`indentation rules for ${JSON.stringify(line)}`, () => {
    assert.equal(increaseIndent.test(line), increases, 'increaseIndentPattern');
    assert.equal(decreaseIndent.test(line), decreases, 'decreaseIndentPattern');
  });
}

test('region comments fold', () => {
  assert.match('  <!-- #region footer -->', new RegExp(config.folding.markers.start));
  assert.match('  <!-- #endregion -->', new RegExp(config.folding.markers.end));
  assert.doesNotMatch('  <!-- #endregion -->', new RegExp(config.folding.markers.start));
});
