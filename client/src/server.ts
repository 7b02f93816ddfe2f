import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorCodes,
  LSPErrorCodes,
  LanguageClient,
  ResponseError,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

import { FindingsChangedNotificationMethod, type FindingsChangedParams, type PresendInitializationOptions } from '../../server/src/protocol';

/**
 * The language server as the rest of the extension uses it: start, stop, restart, send a
 * request. Listeners subscribe here once. They outlive restarts because the events belong to
 * this object, not to the `LanguageClient`, which is created anew on each start.
 */

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/** Error for a request the server does not implement (JSON-RPC "method not found"). */
export class NotAvailableError extends Error {
  constructor(readonly method: string) {
    super(`The Presend server does not implement ${method}.`);
  }
}

/** More crashes than this within `CRASH_WINDOW_MS` and the server stays down. */
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

export class PresendServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private crashes: number[] = [];
  private transition: Promise<void> = Promise.resolve();
  private currentState: ServerState = 'stopped';
  private lastFailure: string | undefined;

  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly findingsEmitter = new vscode.EventEmitter<FindingsChangedParams>();

  /** Fires on every state change. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires on `presend/didChangeFindings`, when a document's findings changed. */
  readonly onDidChangeFindings = this.findingsEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    return this.currentState;
  }

  /** The reason the server last failed, for the status item's tooltip. */
  get failure(): string | undefined {
    return this.lastFailure;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  /** Stops and starts again; the listeners registered on this object stay in place. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      this.crashes = [];
      await this.doStart();
    });
  }

  async sendRequest<R>(method: string, params: object, token?: vscode.CancellationToken): Promise<R> {
    await this.transition;
    const client = this.client;
    if (!client || this.currentState !== 'running') {
      throw new Error(vscode.l10n.t('The Presend server is not running. Run "Presend: Restart Server" and try again.'));
    }
    try {
      return await client.sendRequest<R>(method, params, token);
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
        throw new NotAvailableError(method);
      }
      throw error;
    }
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.findingsEmitter.dispose();
  }

  // Start, stop and restart run one at a time, so a restart clicked twice cannot leave two clients.
  private enqueue(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }

  private setState(state: ServerState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  private async doStart(): Promise<void> {
    if (this.client) {
      return;
    }
    this.setState('starting');
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/{presend.config.json,*.csv}');
    const initializationOptions: PresendInitializationOptions = { trusted: vscode.workspace.isTrusted };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'mjml' }, { language: 'html' }, { pattern: '**/*.csv' }],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions,
      synchronize: { configurationSection: 'presend', fileEvents: watcher },
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: (): CloseHandlerResult => this.onClosed(),
      },
    };

    const client = new LanguageClient('presend', 'Presend', serverOptions, clientOptions);
    this.client = client;
    this.clientDisposables = [
      watcher,
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          this.setState('running');
        }
      }),
      client.onNotification(FindingsChangedNotificationMethod, (params: FindingsChangedParams) => this.findingsEmitter.fire(params)),
    ];

    try {
      await client.start();
      this.lastFailure = undefined;
      this.setState('running');
    } catch (error) {
      this.lastFailure = error instanceof Error ? error.message : String(error);
      this.output.error(`The Presend server did not start from ${module}: ${this.lastFailure}`);
      this.output.show(true);
      this.disposeClientListeners();
      this.client = undefined;
      client.dispose().catch(() => undefined);
      this.setState('failed');
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (!client) {
      return;
    }
    this.client = undefined;
    this.disposeClientListeners();
    try {
      await client.dispose(2000);
    } catch (error) {
      this.output.warn(`The Presend server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.setState('stopped');
  }

  private onClosed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (this.crashes.length <= MAX_CRASHES) {
      this.output.error(`The Presend server stopped unexpectedly; restarting it (${this.crashes.length} of ${MAX_CRASHES + 1} in three minutes).`);
      this.setState('starting');
      return { action: CloseAction.Restart, handled: true };
    }
    this.lastFailure = vscode.l10n.t('The server crashed {0} times in three minutes.', this.crashes.length);
    this.output.error(`The Presend server crashed ${this.crashes.length} times in three minutes and was not restarted. Run "Presend: Restart Server" after fixing the cause shown above.`);
    this.output.show(true);
    this.setState('failed');
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private disposeClientListeners(): void {
    for (const disposable of this.clientDisposables) {
      disposable.dispose();
    }
    this.clientDisposables = [];
  }
}

/** True when `error` is the user cancelling a request, which needs no message. */
export function isCancellation(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
}
