import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import type { UserConfig } from '../../server/src/core/config/types';
import type { Finding } from '../../server/src/core/engine/rule';
import { RULES } from '../../server/src/core/rules/index';

/**
 * Runs rules over a snippet and compares findings with ranges marked inline: the text between
 * ⟦ and ⟧ is where one finding of the rule under test is expected. Markers are removed before
 * checking, so offsets refer to the clean text.
 */

export const WORKSPACE = '/workspace';

export interface RuleCase {
  name: string;
  code: string;
  /** Expected message id of each marked range, in order; defaults to the first message id. */
  messageIds?: string[];
  language?: 'mjml' | 'html';
  config?: UserConfig;
  /** Other files in the fake workspace, by path relative to it. */
  files?: Record<string, string>;
  /** Expected data of each finding, in order, when the test checks it. */
  data?: Record<string, string | number>[];
}

export interface MarkedText {
  text: string;
  ranges: { start: number; end: number }[];
}

export function stripMarkers(code: string): MarkedText {
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  const open: number[] = [];
  for (const char of code) {
    if (char === '⟦') {
      open.push(text.length);
    } else if (char === '⟧') {
      const start = open.pop();
      assert.ok(start !== undefined, 'A ⟧ marker has no matching ⟦.');
      ranges.push({ start, end: text.length });
    } else {
      text += char;
    }
  }
  assert.equal(open.length, 0, 'A ⟦ marker is not closed.');
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges };
}

export function checkSnippet(code: string, options: { language?: 'mjml' | 'html'; config?: UserConfig; files?: Record<string, string>; fileName?: string } = {}): Finding[] {
  const language = options.language ?? 'html';
  const filePath = path.posix.join(WORKSPACE, options.fileName ?? `template.${language}`);
  const files = new Map(Object.entries(options.files ?? {}).map(([name, text]) => [path.posix.join(WORKSPACE, name), text]));
  const config = resolveConfig(options.config ?? {}, WORKSPACE, true);
  return checkTemplate({
    path: filePath,
    text: code,
    language,
    config,
    workspaceRoot: WORKSPACE,
    readFile: (absolute) => files.get(absolute),
  }).findings;
}

/** Asserts that the rule reports exactly the marked ranges in each failing case and nothing in each passing one. */
export async function assertRuleCases(ruleId: string, cases: { valid: RuleCase[]; invalid: RuleCase[] }, t: { test: (name: string, fn: () => void) => Promise<void> }): Promise<void> {
  const rule = RULES.find((candidate) => candidate.meta.id === ruleId);
  assert.ok(rule, `Rule ${ruleId} is not registered.`);

  for (const entry of cases.valid) {
    await t.test(`valid: ${entry.name}`, () => {
      const { text } = stripMarkers(entry.code);
      const findings = checkSnippet(text, entry).filter((finding) => finding.ruleId === ruleId);
      assert.deepEqual(findings.map(describe), []);
    });
  }

  for (const entry of cases.invalid) {
    await t.test(`invalid: ${entry.name}`, () => {
      const { text, ranges } = stripMarkers(entry.code);
      assert.ok(ranges.length > 0, 'An invalid case needs at least one ⟦marked⟧ range.');
      const findings = checkSnippet(text, entry).filter((finding) => finding.ruleId === ruleId);
      const expectedIds = entry.messageIds ?? ranges.map(() => Object.keys(rule.meta.messages)[0]);

      assert.deepEqual(
        findings.map((finding) => ({ messageId: finding.messageId, start: finding.start, end: finding.end, text: text.slice(finding.start, finding.end) })),
        ranges.map((range, index) => ({ messageId: expectedIds[index], start: range.start, end: range.end, text: text.slice(range.start, range.end) })),
      );
      if (entry.data) {
        assert.deepEqual(findings.map((finding) => finding.data), entry.data);
      }
    });
  }
}

function describe(finding: Finding): string {
  return `${finding.ruleId}/${finding.messageId} at ${finding.start}-${finding.end}: ${finding.message}`;
}
