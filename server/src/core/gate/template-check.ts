import type { Finding } from '../engine/rule';
import { displayPath, locationOf } from './location';
import type { GateCheck } from './types';

/** Number of rule ids the message names before it adds "and N more". */
const NAMED_RULES = 3;

/**
 * Builds the `template` check from the template's own findings, the ones `presend check` and
 * the editor show. Errors fail, warnings warn, info findings pass.
 */
export function templateCheck(findings: readonly Finding[], workspaceRoot: string, templatePath: string): GateCheck {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const displayed = displayPath(workspaceRoot, templatePath);

  if (errors.length === 0 && warnings.length === 0) {
    return { id: 'template', status: 'pass', message: `${displayed} has no errors or warnings.` };
  }

  const worst = errors.length > 0 ? errors : warnings;
  const counts = [plural(errors.length, 'error'), plural(warnings.length, 'warning')].filter((text) => text !== '').join(' and ');
  return {
    id: 'template',
    status: errors.length > 0 ? 'fail' : 'warn',
    message: `${displayed} has ${counts}: ${namedRules(worst)}.`,
    fix: `Fix the findings Presend reports on the template (run "presend check ${displayed}", or see the Problems panel in VS Code); the first is at ${describeFirst(worst[0], workspaceRoot)}.`,
    location: locationOf(worst[0].path, worst[0].range),
  };
}

/** Distinct rule ids in finding order, the first few by name. */
function namedRules(findings: readonly Finding[]): string {
  const ids = [...new Set(findings.map((finding) => finding.ruleId))];
  const named = ids.slice(0, NAMED_RULES).join(', ');
  return ids.length > NAMED_RULES ? `${named} and ${ids.length - NAMED_RULES} more` : named;
}

function describeFirst(finding: Finding, workspaceRoot: string): string {
  return `${displayPath(workspaceRoot, finding.path)}:${finding.range.start.line + 1} (${finding.ruleId})`;
}

function plural(count: number, noun: string): string {
  if (count === 0) {
    return '';
  }
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
