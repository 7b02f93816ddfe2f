import type { Hover, Position } from 'vscode-languageserver/node';
import type { Finding } from '../core/engine/rule';
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
