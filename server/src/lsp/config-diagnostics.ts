import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfigText } from '../core/config/load';

/** Diagnostics for an open `presend.config.json`, each naming the key and the fix. */
export function configDiagnostics(document: TextDocument): Diagnostic[] {
  const { problems } = parseConfigText(document.getText());
  return problems.map((problem) => ({
    range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
    severity: DiagnosticSeverity.Error,
    source: 'presend',
    code: 'invalid-config',
    message: problem.message,
  }));
}
