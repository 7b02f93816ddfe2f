import * as path from 'node:path';
import * as vscode from 'vscode';

import { GateRequestMethod, VerifyListRequestMethod, type GateParams, type GateResult, type VerifyListParams, type VerifyListResult } from '../../server/src/protocol';
import { PreviewPanel } from './preview/panel';
import type { ReportModel } from './report/html';
import { ReportPanel, type Override } from './report/panel';
import { NotAvailableError, isCancellation, type PresendServer } from './server';
import { isCsv, isTemplate, targetTemplate } from './templates';

/** Registers the `presend.*` commands contributed in package.json. */
export function registerCommands(context: vscode.ExtensionContext, server: PresendServer): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('presend.openPreview', (argument?: unknown) => {
      const uri = targetTemplate(argument);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an MJML or HTML template to preview it.'));
        return;
      }
      PreviewPanel.show(context, server, uri);
    }),
    vscode.commands.registerCommand('presend.checkBeforeSend', (argument?: unknown) => checkBeforeSend(context, server, argument)),
    vscode.commands.registerCommand('presend.verifyList', (argument?: unknown) => verifyList(context, server, argument)),
    vscode.commands.registerCommand('presend.showOutput', () => server.output.show()),
    vscode.commands.registerCommand('presend.restartServer', () => server.restart()),
  ];
}

async function checkBeforeSend(context: vscode.ExtensionContext, server: PresendServer, argument: unknown): Promise<void> {
  const uri = targetTemplate(argument);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an MJML or HTML template to check it before sending.'));
    return;
  }
  const fileName = path.basename(uri.path);
  const run = async (overrides: Override[]): Promise<ReportModel | undefined> => {
    const params: GateParams = { uri: uri.toString(), overrides };
    const result = await withCancellableProgress(vscode.l10n.t('Checking {0} before send…', fileName), (token) =>
      server.sendRequest<GateResult>(GateRequestMethod, params, token),
    );
    return result && { kind: 'gate', fileName, result };
  };

  const model = await guarded(vscode.l10n.t('Check before send'), () => run([]));
  if (model) {
    ReportPanel.show(context, model, { run: (overrides) => guarded(vscode.l10n.t('Check before send'), () => run(overrides)) });
  }
}

async function verifyList(context: vscode.ExtensionContext, server: PresendServer, argument: unknown): Promise<void> {
  const uri = await listTarget(argument);
  if (!uri) {
    return;
  }
  const run = async (): Promise<ReportModel | undefined> => {
    const params: VerifyListParams = { uri: uri.toString() };
    const result = await withCancellableProgress(vscode.l10n.t('Verifying the recipient list…'), (token) =>
      server.sendRequest<VerifyListResult>(VerifyListRequestMethod, params, token),
    );
    return result && { kind: 'list', fileName: path.basename(vscode.Uri.parse(result.uri).path), result };
  };

  const model = await guarded(vscode.l10n.t('Verify list'), run);
  if (model) {
    ReportPanel.show(context, model, { run: () => guarded(vscode.l10n.t('Verify list'), run) });
  }
}

/** Returns the CSV or template the command was given, else the active editor's, else a CSV the user picks. */
async function listTarget(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) {
    return argument;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document && (isTemplate(document) || isCsv(document.uri))) {
    return document.uri;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('Recipient lists')]: ['csv'] },
    openLabel: vscode.l10n.t('Verify list'),
  });
  return picked?.[0];
}

/** Runs `task` under a cancellable notification; resolves undefined when the user cancels. */
async function withCancellableProgress<T>(title: string, task: (token: vscode.CancellationToken) => Promise<T>): Promise<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    try {
      const result = await task(token);
      return token.isCancellationRequested ? undefined : result;
    } catch (error) {
      if (token.isCancellationRequested || isCancellation(error)) {
        return undefined;
      }
      throw error;
    }
  });
}

/**
 * Runs a check and turns its failures into messages. A server that does not implement the
 * request gets a message saying the check is not available: never a report that looks as if
 * it had run.
 */
async function guarded<T>(label: string, task: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof NotAvailableError) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not available: this version of the Presend server does not implement it yet. Nothing was checked.', label));
      return undefined;
    }
    const showOutput = vscode.l10n.t('Show Output');
    const detail = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', label, detail), showOutput);
    if (choice === showOutput) {
      await vscode.commands.executeCommand('presend.showOutput');
    }
    return undefined;
  }
}
