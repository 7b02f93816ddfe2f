import * as vscode from 'vscode';

/** The languages Presend checks as templates. */
export const TEMPLATE_LANGUAGES = ['mjml', 'html'];

export function isTemplate(document: vscode.TextDocument): boolean {
  return TEMPLATE_LANGUAGES.includes(document.languageId);
}

export function isCsv(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.csv');
}

/** Returns the template a command applies to: its URI argument, else the active editor's template. */
export function targetTemplate(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) {
    return argument;
  }
  const document = vscode.window.activeTextEditor?.document;
  return document && isTemplate(document) ? document.uri : undefined;
}
