import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/**
 * A minimal LSP client for protocol tests: it starts the bundled server over stdio, answers
 * `workspace/configuration` from settings the test controls, and collects published
 * diagnostics so a test can wait for the ones it expects.
 */

export const SERVER_PATH = path.resolve(__dirname, '../../../dist/server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; message: string; severity?: number; source?: string; data?: unknown; codeDescription?: { href: string } }[];
}

export class TestLspClient {
  readonly connection: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  settings: Record<string, unknown> = {};
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly listeners: (() => void)[] = [];
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));

    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.listeners.forEach((listener) => listener());
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.listeners.forEach((listener) => listener());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => this.settings),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', () => ({ success: true }));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(rootPath: string, options: { pull?: boolean } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = `file://${rootPath}`;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: true } } : {}),
        },
        window: { showDocument: { support: true } },
      },
      initializationOptions: { trusted: true },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy the predicate. */
  waitForDiagnostics(uri: string, predicate: (published: PublishedDiagnostics) => boolean, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.published.find((entry) => entry.uri === uri && predicate(entry));
        if (match) {
          clearTimeout(timer);
          resolve(match);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        const seen = this.published.filter((entry) => entry.uri === uri).map((entry) => entry.diagnostics.map((d) => d.code));
        reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; published so far: ${JSON.stringify(seen)}. Server stderr: ${this.stderr}`));
      }, timeoutMs);
      if (!check()) {
        this.listeners.push(() => void check());
      }
    });
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
