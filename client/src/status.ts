import * as vscode from 'vscode';

import { TemplateInfoRequestMethod, type TemplateInfo, type TemplateInfoParams } from '../../server/src/protocol';
import type { PresendServer } from './server';
import { isTemplate } from './templates';

/**
 * The status bar item: the active template's category and finding counts, or the server's
 * state when it is not running. Clicking it runs Check Before Send, or shows the log when
 * the server failed.
 */
export class TemplateStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('presend.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  /** Generation counter: responses that arrive after a newer refresh started are dropped. */
  private generation = 0;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(private readonly server: PresendServer) {
    this.item.name = vscode.l10n.t('Presend');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      server.onDidChangeState(() => this.refresh()),
      server.onDidChangeFindings((params) => {
        if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) {
          this.refresh();
        }
      }),
    );
    this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.pending?.cancel();
    this.pending = undefined;
    const document = vscode.window.activeTextEditor?.document;

    if (this.server.state === 'failed') {
      this.showServerState('$(error)', vscode.l10n.t('The Presend server is not running: {0} Click to show its log.', this.server.failure ?? ''), 'presend.showOutput');
      return;
    }
    if (!document) {
      // The preview or a report has focus: keep showing the template they belong to.
      return;
    }
    if (!isTemplate(document)) {
      this.item.hide();
      return;
    }
    if (this.server.state !== 'running') {
      this.showServerState('$(sync~spin)', vscode.l10n.t('The Presend server is starting.'), undefined);
      return;
    }

    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    let info: TemplateInfo | null = null;
    try {
      const params: TemplateInfoParams = { uri: document.uri.toString() };
      info = await this.server.sendRequest<TemplateInfo | null>(TemplateInfoRequestMethod, params, source.token);
    } catch (error) {
      // The item is a summary, so a failed request leaves it without counts and raises no message.
      this.server.output.debug(`presend/templateInfo failed for ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      info = null;
    }
    if (generation !== this.generation) {
      return;
    }
    this.show(info);
  }

  private show(info: TemplateInfo | null): void {
    this.item.command = 'presend.checkBeforeSend';
    this.item.backgroundColor = undefined;
    if (!info) {
      this.item.text = '$(mail) Presend';
      this.item.tooltip = vscode.l10n.t('Presend has no results for this file yet. Click to check it before sending.');
      this.item.show();
      return;
    }

    const category = categoryLabel(info.category);
    const { error, warning, info: infos } = info.counts;
    this.item.text = `$(mail) ${category}  $(error) ${error}  $(warning) ${warning}`;
    this.item.tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t('**{0}** ({1})', category, sourceLabel(info.categorySource)),
        vscode.l10n.t('Errors: {0}, warnings: {1}, notes: {2}', error, warning, infos),
        info.listPath ? vscode.l10n.t('Recipient list: {0}', vscode.workspace.asRelativePath(info.listPath)) : '',
        vscode.l10n.t('Click to check before send.'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    if (error > 0) {
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    this.item.show();
  }

  private showServerState(icon: string, tooltip: string, command: string | undefined): void {
    this.item.text = `${icon} Presend`;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = this.server.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.pending?.cancel();
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

function categoryLabel(category: TemplateInfo['category']): string {
  switch (category) {
    case 'transactional':
      return vscode.l10n.t('Transactional');
    case 'marketing':
      return vscode.l10n.t('Marketing');
    case 'fundraising':
      return vscode.l10n.t('Fundraising');
  }
}

function sourceLabel(source: TemplateInfo['categorySource']): string {
  switch (source) {
    case 'directive':
      return vscode.l10n.t('declared in the template');
    case 'config':
      return vscode.l10n.t('declared in presend.config.json');
    case 'inferred':
      return vscode.l10n.t('inferred from the content');
    case 'default':
      return vscode.l10n.t('default');
  }
}
