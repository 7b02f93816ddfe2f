import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/engine/rule';
import { ruleDocUrl } from '../core/rules/index';

/** What a diagnostic carries in `data`, so code actions can rebuild the fix without re-checking. */
export interface DiagnosticData {
  ruleId: string;
  /** Document version the finding was computed for; a fix for another version is refused. */
  version: number;
  fix?: Finding['fix'];
  /**
   * For fixes on files Presend does not track versions of (recipient lists): the text the
   * fix expects at `fixRange`; the fix is offered only while the document still holds it.
   */
  expectedText?: string;
  fixRange?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const SEVERITIES = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, version, fix: finding.fix };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: 'presend',
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}
