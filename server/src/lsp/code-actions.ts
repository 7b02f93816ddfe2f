import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../core/rules/index';
import type { DiagnosticData } from './convert';
import { pathToUri } from './workspace';

export const SHOW_DOCUMENTATION_COMMAND = 'presend.showRuleDocumentation';

/**
 * Code actions for Presend diagnostics: the rule's own fix (only for the document version it
 * was computed for), a directive that disables the rule for that line, and the rule's doc.
 */
export function codeActionsFor(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  const seenDisables = new Set<string>();

  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'presend' || !diagnostic.data) {
      continue;
    }
    const data = diagnostic.data as DiagnosticData;

    if (data.fix && data.expectedText !== undefined && data.fixRange) {
      // List fixes: offered only while the cell still holds the address that was verified.
      if (document.getText(data.fixRange) === data.expectedText) {
        actions.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range: data.fixRange, newText: data.fix.edits[0].newText }] } },
        });
      }
    } else if (data.fix && data.version === document.version && data.fix.edits.every((edit) => pathToUri(edit.path) === document.uri)) {
      // A fix computed for another version, or touching another file, cannot be placed safely.
      actions.push(fixAction(document, diagnostic, data));
    }

    const disableKey = `${data.ruleId}:${diagnostic.range.start.line}`;
    if (data.ruleId.startsWith('list/')) {
      continue;
    }
    if (!seenDisables.has(disableKey)) {
      seenDisables.add(disableKey);
      actions.push(disableAction(document, diagnostic, data.ruleId));
    }

    actions.push({
      title: `Show documentation for ${data.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${data.ruleId}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [ruleDocUrl(data.ruleId)] },
    });
  }
  return actions;
}

function fixAction(document: TextDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction {
  const edits: TextEdit[] = data.fix!.edits.map((edit) => ({
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  }));
  const changes: Record<string, TextEdit[]> = { [document.uri]: edits };
  return {
    title: data.fix!.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes },
  };
}

function disableAction(document: TextDocument, diagnostic: Diagnostic, ruleId: string): CodeAction {
  const line = diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = lineText.endsWith('\r\n') ? '\r\n' : '\n';

  // Findings about something absent sit on the first line; a disable-next-line above it is
  // impossible, so those get a file-wide directive instead.
  const firstContentLine = firstNonEmptyLine(document);
  const fileWide = line <= firstContentLine;
  const directive = fileWide
    ? `<!-- presend-disable-file ${ruleId} -- reason -->`
    : `<!-- presend-disable-next-line ${ruleId} -- reason -->`;

  return {
    title: fileWide ? `Disable ${ruleId} for this file` : `Disable ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${directive}${eol}` }],
      },
    },
  };
}

function firstNonEmptyLine(document: TextDocument): number {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    if (text.trim() !== '') {
      return line;
    }
  }
  return 0;
}
