import type { Hover, Position } from 'vscode-languageserver/node';
import type { Finding } from '../core/engine/rule';
import type { TemplateModel } from '../core/model/types';
import type { PhiClass } from '../core/phi/index';
import { describeMergeTagIn } from '../core/rules/support/phi-hover';
import { findRule, ruleDocUrl } from '../core/rules/index';

/** Explains the findings under the cursor: the message, why it matters (the regulation) and how to fix it. */
export function findingHover(findings: Finding[], filePath: string, position: Position): Hover | null {
  const here = findings.filter((finding) => finding.path === filePath && contains(finding, position));
  if (here.length === 0) {
    return null;
  }

  const sections = here.map((finding) => {
    const rule = findRule(finding.ruleId);
    const lines = [`**${finding.message}** \`presend(${finding.ruleId})\``];
    if (rule) {
      lines.push('', `*Why:* ${rule.meta.basis}`);
    }
    if (finding.detail) {
      lines.push('', finding.detail);
    }
    lines.push('', `[Rule documentation](${ruleDocUrl(finding.ruleId)})`);
    return lines.join('\n');
  });

  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

function contains(finding: Finding, position: Position): boolean {
  const { start, end } = finding.range;
  const afterStart = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const beforeEnd = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return afterStart && beforeEnd;
}

/** Explains the merge tag under the cursor: its PHI class and what that means where it is used. */
export function mergeTagHover(model: TemplateModel, filePath: string, offset: number, overrides?: Record<string, PhiClass>): string | null {
  const tag = model.mergeTags.find((candidate) => candidate.span.file.path === filePath && candidate.span.start <= offset && offset <= candidate.span.end);
  if (!tag || tag.field === null) {
    return null;
  }
  return describeMergeTagIn(model, tag, overrides).markdown;
}
