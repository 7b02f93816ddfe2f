import * as crypto from 'node:crypto';
import * as vscode from 'vscode';

import { buildReportHtml, reportLocations, type ReportModel, type ReportStrings } from './html';
import { isReportMessage, type FromReportMessage } from './messages';

export interface Override {
  checkId: string;
  reason: string;
}

/** Source of fresh results for the report: Check Before Send with overrides, or Verify List again. */
export interface ReportSource {
  /** Runs the check again. Resolves undefined when it failed, after showing the user why. */
  run(overrides: Override[]): Promise<ReportModel | undefined>;
}

/**
 * The report of Check Before Send or Verify List. One panel, reused: a new report replaces
 * the old one. Overrides collected for a gate report are kept while the panel shows it.
 */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'presend.report';
  private static current: ReportPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private overrides: Override[] = [];

  static show(context: vscode.ExtensionContext, model: ReportModel, source: ReportSource, overrides: Override[] = []): void {
    if (ReportPanel.current) {
      ReportPanel.current.update(model, source, overrides);
      ReportPanel.current.panel.reveal(undefined, false);
      return;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, vscode.l10n.t('Presend report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [media],
    });
    ReportPanel.current = new ReportPanel(panel, context, model, source, overrides);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private model: ReportModel,
    private source: ReportSource,
    overrides: Override[],
  ) {
    this.overrides = overrides;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isReportMessage(message)) {
          void this.onMessage(message);
        }
      }),
    );
    this.render();
  }

  dispose(): void {
    if (ReportPanel.current === this) {
      ReportPanel.current = undefined;
    }
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }

  private update(model: ReportModel, source: ReportSource, overrides: Override[]): void {
    this.model = model;
    this.source = source;
    this.overrides = overrides;
    this.render();
  }

  private render(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    this.panel.title = this.model.kind === 'gate' ? vscode.l10n.t('Check before send: {0}', this.model.fileName) : vscode.l10n.t('List: {0}', this.model.fileName);
    webview.html = buildReportHtml({
      nonce: crypto.randomBytes(24).toString('base64'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      model: this.model,
      strings: reportStrings(),
      language: vscode.env.language,
    });
  }

  private async onMessage(message: FromReportMessage): Promise<void> {
    switch (message.type) {
      case 'reveal': {
        const location = reportLocations(this.model)[message.location];
        if (location) {
          const { start, end } = location.range;
          const selection = new vscode.Range(start.line, start.character, end.line, end.character);
          await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, viewColumn: vscode.ViewColumn.One });
        }
        return;
      }
      case 'override':
        await this.override(message.checkId);
        return;
      case 'rerun':
        await this.rerun();
        return;
      default: {
        const unexpected: never = message;
        throw new Error(`Unhandled report message ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private async override(checkId: string): Promise<void> {
    const check = this.model.result.checks.find((c) => c.id === checkId);
    if (this.model.kind !== 'gate' || !check || !check.overridable) {
      return;
    }
    const reason = await vscode.window.showInputBox({
      title: vscode.l10n.t('Override "{0}"', check.title),
      prompt: vscode.l10n.t('Why is it right to send despite this check? The reason is recorded with the send.'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('A reason is required to override a check.') : undefined),
    });
    if (reason === undefined || reason.trim() === '') {
      return;
    }
    this.overrides = [...this.overrides.filter((o) => o.checkId !== checkId), { checkId, reason: reason.trim() }];
    await this.rerun();
  }

  private async rerun(): Promise<void> {
    const model = await this.source.run(this.overrides);
    if (model) {
      this.model = model;
      this.render();
    }
  }
}

function reportStrings(): ReportStrings {
  const t = vscode.l10n.t;
  return {
    gateTitle: t('Check before send'),
    listTitle: t('Recipient list'),
    verdictPass: t('Ready to send: every check passed or was overridden with a reason.'),
    verdictFail: t('Not ready to send: fix or override the failing checks.'),
    check: t('Check'),
    status: t('Status'),
    reason: t('Reason'),
    fix: t('Fix'),
    line: t('Line'),
    address: t('Address'),
    verdict: t('Verdict'),
    override: t('Override…'),
    overriddenBecause: t('Overridden: {0}'),
    rerun: t('Run again'),
    rows: t('{0} rows read.'),
    truncated: t('Only the first rows that need attention are listed; the counts cover the whole list.'),
    noProblems: t('No row needs attention.'),
    notices: t('About the file'),
    listChecks: t('List checks'),
    statuses: { pass: t('Passed'), fail: t('Failed'), warn: t('Warning'), overridden: t('Overridden'), skipped: t('Skipped') },
    verdicts: { ok: t('OK'), review: t('Review'), exclude: t('Exclude') },
  };
}
