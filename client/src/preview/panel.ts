import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { RenderRequestMethod, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { stripFindingMarkers } from '../../../server/src/core/render/markers';
import { NotAvailableError, isCancellation, type PresendServer } from '../server';
import { isTemplate } from '../templates';
import { buildPreviewHtml } from './html';
import { isPreviewMessage, isPreviewState, type FromWebviewMessage, type PreviewRender, type PreviewState, type PreviewStrings, type ToWebviewMessage } from './messages';
import { prepareEmailDocument } from './sanitize';

/**
 * The preview beside the editor. One panel follows the active MJML or HTML editor, renders
 * through the language server (`presend/render`) after a pause in typing, and keeps the last
 * good render on screen while the template does not compile.
 */
export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'presend.preview';
  private static current: PreviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  /** Generation counter: responses that arrive after a newer render started are dropped. */
  private generation = 0;
  private lastResult: RenderResult | undefined;
  /** Remote content allowed for this panel, by the setting or the notice's button. */
  private allowRemote: boolean;

  /** Opens the preview for `uri`, or points the open one at it. */
  static show(context: vscode.ExtensionContext, server: PresendServer, uri: vscode.Uri): void {
    if (PreviewPanel.current) {
      PreviewPanel.current.follow(uri);
      PreviewPanel.current.panel.reveal(PreviewPanel.current.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, title(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context));
    PreviewPanel.current = new PreviewPanel(panel, context, server, { ...defaultState(), uri: uri.toString() });
  }

  /** Restores the preview after a window reload, from the state the webview saved. */
  static registerSerializer(context: vscode.ExtensionContext, server: PresendServer): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, {
      deserializeWebviewPanel: async (panel, saved: unknown) => {
        PreviewPanel.current?.dispose();
        panel.webview.options = webviewOptions(context);
        PreviewPanel.current = new PreviewPanel(panel, context, server, isPreviewState(saved) ? saved : defaultState());
      },
    });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly server: PresendServer,
    private state: PreviewState,
  ) {
    this.allowRemote = vscode.workspace.getConfiguration('presend.preview').get<boolean>('allowRemoteContent', false);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isPreviewMessage(message)) {
          void this.onMessage(message);
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isTemplate(editor.document) && editor.document.uri.toString() !== this.state.uri) {
          this.follow(editor.document.uri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.state.uri && event.contentChanges.length > 0) {
          this.schedule();
        }
      }),
      server.onDidChangeFindings((params) => {
        if (params.uri === this.state.uri) {
          this.schedule();
        }
      }),
      server.onDidChangeState((serverState) => {
        if (serverState === 'running') {
          this.schedule();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('presend.preview.allowRemoteContent')) {
          this.allowRemote = vscode.workspace.getConfiguration('presend.preview').get<boolean>('allowRemoteContent', false);
          this.setHtml();
        }
      }),
    );
    if (this.state.uri) {
      panel.title = title(vscode.Uri.parse(this.state.uri));
    }
    this.setHtml();
  }

  dispose(): void {
    if (PreviewPanel.current === this) {
      PreviewPanel.current = undefined;
    }
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }

  private follow(uri: vscode.Uri): void {
    this.state = { ...this.state, uri: uri.toString() };
    this.lastResult = undefined;
    this.panel.title = title(uri);
    this.post({ type: 'state', state: this.state });
    void this.render();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = vscode.workspace.getConfiguration('presend.preview').get<number>('debounceMs', 300);
    this.timer = setTimeout(() => void this.render(), delay);
  }

  private setHtml(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    webview.html = buildPreviewHtml({
      nonce: crypto.randomBytes(24).toString('base64'),
      cspSource: webview.cspSource,
      allowRemote: this.allowRemote,
      state: this.state,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      strings: previewStrings(),
      language: vscode.env.language,
    });
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.lastResult) {
          this.post({ type: 'render', render: this.toView(this.lastResult) });
        } else {
          await this.render();
        }
        return;
      case 'reveal':
        await this.reveal(message.finding);
        return;
      case 'setState': {
        const rerender = message.state.useSampleData !== this.state.useSampleData || message.state.maskPhi !== this.state.maskPhi;
        this.state = { ...message.state, uri: this.state.uri };
        if (rerender) {
          await this.render();
        }
        return;
      }
      case 'allowRemote':
        this.allowRemote = true;
        this.setHtml();
        return;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'presend.preview.allowRemoteContent');
        return;
      default: {
        const unexpected: never = message;
        throw new Error(`Unhandled preview message ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private async render(): Promise<void> {
    const uriText = this.state.uri;
    if (!uriText) {
      return;
    }
    const generation = ++this.generation;
    this.pending?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    this.post({ type: 'busy', busy: true });

    try {
      // The server renders what the editor holds, so the document must be open for it.
      await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
      const params: RenderParams = { uri: uriText, useSampleData: this.state.useSampleData, maskPhi: this.state.maskPhi };
      const result = await this.server.sendRequest<RenderResult | null>(RenderRequestMethod, params, source.token);
      if (generation !== this.generation) {
        return;
      }
      if (!result) {
        this.post({ type: 'failure', message: vscode.l10n.t('The server has not received this template yet. Edit or reopen it to render it.') });
        return;
      }
      if (result.html !== null) {
        this.lastResult = result;
      }
      this.post({ type: 'render', render: this.toView(result) });
    } catch (error) {
      if (generation !== this.generation || isCancellation(error)) {
        return;
      }
      const message =
        error instanceof NotAvailableError
          ? vscode.l10n.t('The preview is not available: this Presend server does not render templates yet. Nothing was rendered.')
          : vscode.l10n.t('The preview could not be rendered: {0}', error instanceof Error ? error.message : String(error));
      this.server.output.warn(`Preview of ${uriText}: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'failure', message });
    } finally {
      source.dispose();
      if (this.pending === source) {
        this.pending = undefined;
      }
    }
  }

  private toView(result: RenderResult): PreviewRender {
    const documentUri = vscode.Uri.parse(result.uri);
    const prepared =
      result.html === null
        ? null
        : prepareEmailDocument(result.html, { allowRemote: this.allowRemote, resolveLocal: (relative) => this.resolveLocal(documentUri, relative) });
    return {
      fileName: path.basename(documentUri.path),
      version: result.version,
      srcdoc: prepared?.srcdoc ?? null,
      text: result.text,
      source: result.html === null ? null : stripFindingMarkers(result.html),
      errors: result.errors,
      findings: result.findings.map((finding, index) => ({
        index,
        ruleId: finding.ruleId,
        message: finding.message,
        severity: finding.severity,
        line: finding.range.start.line + 1,
        ...(finding.anchor !== undefined ? { anchor: finding.anchor } : {}),
        ...(finding.uri !== result.uri ? { file: path.basename(vscode.Uri.parse(finding.uri).path) } : {}),
      })),
      blocked: prepared?.blocked ?? { images: 0, fonts: 0, other: 0, insecure: 0 },
      timings: result.timings,
    };
  }

  /** Returns a relative image's webview URI, resolved next to the template, when it lies in the workspace. */
  private resolveLocal(documentUri: vscode.Uri, relative: string): string | undefined {
    const clean = relative.split(/[?#]/)[0];
    let decoded: string;
    try {
      decoded = decodeURIComponent(clean);
    } catch {
      return undefined;
    }
    const target = vscode.Uri.joinPath(documentUri, '..', decoded);
    if (!vscode.workspace.getWorkspaceFolder(target)) {
      return undefined;
    }
    return this.panel.webview.asWebviewUri(target).toString();
  }

  private async reveal(index: number): Promise<void> {
    const finding = this.lastResult?.findings[index];
    if (!finding) {
      return;
    }
    const uri = vscode.Uri.parse(finding.uri);
    const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === finding.uri);
    await vscode.window.showTextDocument(uri, { selection: range, viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  }

  private post(message: ToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }
}

function defaultState(): PreviewState {
  return {
    uri: null,
    view: 'rendered',
    width: 'desktop-600',
    theme: 'light',
    useSampleData: true,
    maskPhi: vscode.workspace.getConfiguration('presend.preview').get<boolean>('maskPhi', false),
  };
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'client', 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)],
  };
}

function title(uri: vscode.Uri): string {
  return vscode.l10n.t('Preview {0}', path.basename(uri.path));
}

function previewStrings(): PreviewStrings {
  const t = vscode.l10n.t;
  return {
    desktop: t('Desktop'),
    mobile: t('Mobile'),
    freeWidth: t('Free width'),
    light: t('Light'),
    dark: t('Dark'),
    rendered: t('Rendered'),
    plainText: t('Plain text'),
    htmlSource: t('HTML source'),
    sampleData: t('Sample data'),
    maskPhi: t('Mask PHI'),
    blockedNotice: t('Remote content blocked: {0}.'),
    allowRemote: t('Load remote content in this preview'),
    openSettings: t('Settings'),
    images: t('images'),
    fonts: t('fonts'),
    otherRemote: t('other references'),
    insecure: t('over plain http (always blocked)'),
    errorsTitle: t('MJML reported problems'),
    staleNotice: t('The template does not compile; the last good render is shown below.'),
    findingsTitle: t('Findings'),
    noTemplate: t('Open an MJML or HTML template to preview it.'),
    rendering: t('Rendering…'),
    noPlainText: t('No plain-text part: the template did not compile.'),
    unplaced: t('(not marked in the preview)'),
    timings: t('MJML {0} ms · Presend {1} ms'),
  };
}
