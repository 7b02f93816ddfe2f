import * as vscode from 'vscode';

import { TemplateInfoRequestMethod, type TemplateInfo, type TemplateInfoParams } from '../../server/src/protocol';
import type { PresendServer } from './server';

/**
 * The lenses on a template's first line: Preview · Check before send · Verify list. The last
 * appears only when the template names a recipient list.
 */
export class TemplateCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];

  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly server: PresendServer) {
    this.disposables = [
      this.changed,
      // The list can appear or disappear with an edit of the directive; findings follow edits.
      server.onDidChangeFindings(() => this.changed.fire()),
      server.onDidChangeState(() => this.changed.fire()),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, { title: vscode.l10n.t('Preview'), command: 'presend.openPreview', arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Check before send'), command: 'presend.checkBeforeSend', arguments: [document.uri] }),
    ];
    if (this.server.state !== 'running') {
      return lenses;
    }

    try {
      const params: TemplateInfoParams = { uri: document.uri.toString() };
      const info = await this.server.sendRequest<TemplateInfo | null>(TemplateInfoRequestMethod, params, token);
      if (info?.listPath) {
        lenses.push(new vscode.CodeLens(top, { title: vscode.l10n.t('Verify list'), command: 'presend.verifyList', arguments: [document.uri] }));
      }
    } catch (error) {
      // Without template info the list lens is left out, and the other two still work.
      this.server.output.debug(`presend/templateInfo failed for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return lenses;
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
