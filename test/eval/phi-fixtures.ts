import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UserConfig } from '../../server/src/core/config/types';
import type { Finding } from '../../server/src/core/engine/rule';
import { checkSnippet } from '../support/rule-tester';

/**
 * The labelled PHI fixture set (test/fixtures/phi/*.cases.txt) and its scoring. Each case is a
 * small template whose expected findings are marked inline as `⟦rule-id:text⟧`; the markers
 * are removed before checking. A finding counts as found when a marker of the same rule covers
 * exactly its range. Any other finding of a PHI rule is a false positive.
 */

export const PHI_RULES = ['phi-in-subject', 'phi-in-url', 'phi-in-attribute', 'phi-literal', 'phi-in-marketing', 'tracking-with-phi', 'insecure-link'] as const;

export interface FixtureCase {
  file: string;
  name: string;
  language: 'html' | 'mjml';
  config?: UserConfig;
  text: string;
  expected: ExpectedFinding[];
}

export interface ExpectedFinding {
  ruleId: string;
  start: number;
  end: number;
}

export interface RuleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface FixtureScore {
  cases: number;
  /** Cases with at least one marker, and cases with none (near misses). */
  positiveCases: number;
  negativeCases: number;
  byRule: Record<string, RuleScore>;
  /** One line per missed or extra finding: `missed|extra rule-id in "case name": text`. */
  misses: string[];
}

interface CaseOptions {
  language?: 'html' | 'mjml';
  config?: UserConfig;
}

const CASE_HEADER = /^#### (.+?)(?: ::: (\{.*\}))?$/;

export function readFixtureCases(folder: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.cases.txt')).sort()) {
    cases.push(...parseCases(file, fs.readFileSync(path.join(folder, file), 'utf8')));
  }
  return cases;
}

export function parseCases(file: string, content: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  let current: { name: string; options: CaseOptions; lines: string[] } | undefined;
  const finish = (): void => {
    if (current !== undefined) {
      const { text, expected } = stripPhiMarkers(current.lines.join('\n').trim(), `${file}: ${current.name}`);
      cases.push({ file, name: current.name, language: current.options.language ?? 'html', config: current.options.config, text, expected });
    }
  };

  for (const line of content.split('\n')) {
    const header = CASE_HEADER.exec(line);
    if (header) {
      finish();
      current = { name: header[1], options: header[2] ? (JSON.parse(header[2]) as CaseOptions) : {}, lines: [] };
    } else if (current !== undefined) {
      current.lines.push(line);
    }
  }
  finish();
  return cases;
}

/** Removes `⟦rule-id:` and `⟧` markers (they nest) and returns the ranges they marked. */
export function stripPhiMarkers(marked: string, where: string): { text: string; expected: ExpectedFinding[] } {
  const expected: ExpectedFinding[] = [];
  const open: { ruleId: string; start: number }[] = [];
  let text = '';
  let index = 0;

  while (index < marked.length) {
    const char = marked[index];
    if (char === '⟦') {
      const colon = marked.indexOf(':', index);
      const ruleId = colon < 0 ? '' : marked.slice(index + 1, colon);
      if (!/^[a-z]+(-[a-z0-9]+)*$/.test(ruleId)) {
        throw new Error(`${where}: a ⟦ marker must start with a rule id and a colon, as in ⟦phi-literal:…⟧.`);
      }
      open.push({ ruleId, start: text.length });
      index = colon + 1;
    } else if (char === '⟧') {
      const marker = open.pop();
      if (marker === undefined) {
        throw new Error(`${where}: a ⟧ marker has no matching ⟦.`);
      }
      expected.push({ ruleId: marker.ruleId, start: marker.start, end: text.length });
      index++;
    } else {
      text += char;
      index++;
    }
  }
  if (open.length > 0) {
    throw new Error(`${where}: a ⟦${open[0].ruleId}: marker is not closed.`);
  }
  expected.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, expected };
}

export function scoreFixtures(cases: readonly FixtureCase[]): FixtureScore {
  const score: FixtureScore = { cases: cases.length, positiveCases: 0, negativeCases: 0, byRule: emptyScores(), misses: [] };

  for (const entry of cases) {
    if (entry.expected.length > 0) {
      score.positiveCases++;
    } else {
      score.negativeCases++;
    }
    const findings = checkSnippet(entry.text, { language: entry.language, config: entry.config }).filter(isPhiFinding);
    compare(entry, findings, score);
  }
  return score;
}

function compare(entry: FixtureCase, findings: readonly Finding[], score: FixtureScore): void {
  const unmatched = [...findings];
  for (const expected of entry.expected) {
    const index = unmatched.findIndex((finding) => finding.ruleId === expected.ruleId && finding.start === expected.start && finding.end === expected.end);
    const rule = ruleScore(score, expected.ruleId);
    if (index >= 0) {
      unmatched.splice(index, 1);
      rule.truePositives++;
    } else {
      rule.falseNegatives++;
      score.misses.push(`missed ${expected.ruleId} in "${entry.name}": ${entry.text.slice(expected.start, expected.end)}`);
    }
  }
  for (const finding of unmatched) {
    ruleScore(score, finding.ruleId).falsePositives++;
    score.misses.push(`extra ${finding.ruleId} in "${entry.name}": ${entry.text.slice(finding.start, finding.end)}`);
  }
}

export function isPhiFinding(finding: Finding): boolean {
  return (PHI_RULES as readonly string[]).includes(finding.ruleId);
}

export function emptyScores(): Record<string, RuleScore> {
  return Object.fromEntries(PHI_RULES.map((id) => [id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
}

function ruleScore(score: FixtureScore, ruleId: string): RuleScore {
  score.byRule[ruleId] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  return score.byRule[ruleId];
}

/** Precision and recall; a rule with nothing expected and nothing found scores 1. */
export function precision(score: RuleScore): number {
  const found = score.truePositives + score.falsePositives;
  return found === 0 ? 1 : score.truePositives / found;
}

export function recall(score: RuleScore): number {
  const expected = score.truePositives + score.falseNegatives;
  return expected === 0 ? 1 : score.truePositives / expected;
}

export const TARGETS = { recall: 0.98, precision: 0.95 };

export function meetsTargets(byRule: Record<string, RuleScore>): boolean {
  return Object.values(byRule).every((score) => recall(score) >= TARGETS.recall && precision(score) >= TARGETS.precision);
}
