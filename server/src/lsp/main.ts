import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, SHOW_DOCUMENTATION_COMMAND } from './code-actions';
import { configDiagnostics } from './config-diagnostics';
import { registerCustomRequests } from './custom-requests';
import { listDiagnostics } from './list-request';
import { findingHover, mergeTagHover } from './hover';
import { inferCategory } from '../core/engine/infer-category';
import { Logger } from './logger';
import { DEFAULT_SETTINGS, normalizeSettings, type PresendSettings } from './settings';
import { Validator, type ValidationResult } from './validator';
import { uriToPath, WorkspaceState } from './workspace';
import { FindingsChangedNotificationMethod, type FindingsChangedParams } from '../protocol';

/**
 * The language server's transport: it wires LSP messages to the checking core and contains no
 * checking logic of its own. Started by the VS Code client over IPC, or by any editor over
 * stdio (`node dist/server.js --stdio`).
 */

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = new Logger(connection);
const workspace = new WorkspaceState(documents);

let pullDiagnostics = false;
let configurationRequests = false;
let watchedFilesDynamic = false;
const settingsCache = new Map<string, Promise<PresendSettings>>();
/** Include files we published diagnostics for, per template, so they can be cleared. */
const publishedRelated = new Map<string, Set<string>>();

async function settingsFor(uri: string): Promise<PresendSettings> {
  if (!configurationRequests) {
    return DEFAULT_SETTINGS;
  }
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'presend' }).then(normalizeSettings, (error) => {
      logger.error(`Reading settings for ${uri} failed: ${error}`);
      return DEFAULT_SETTINGS;
    });
    settingsCache.set(uri, settings);
  }
  const resolved = await settings;
  logger.verbose = resolved.trace.server !== 'off';
  return resolved;
}

const validator = new Validator(
  workspace,
  (uri) => documents.get(uri),
  settingsFor,
  logger,
  publishResult,
  inferCategory,
  (uri, sizeKb, limitKb) => {
    logger.info(`Skipped ${uri}: ${sizeKb} KB is over presend.maxFileSizeKb (${limitKb} KB).`);
    void connection.window.showInformationMessage(
      `Presend skipped ${uri.split('/').pop()}: the file is ${sizeKb} KB, over the ${limitKb} KB limit. Raise presend.maxFileSizeKb to check it.`,
    );
  },
);

function publishResult(result: ValidationResult): void {
  void connection.sendNotification(FindingsChangedNotificationMethod, { uri: result.uri, version: result.version } satisfies FindingsChangedParams);
  if (pullDiagnostics) {
    return;
  }
  connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: result.diagnostics });

  const previous = publishedRelated.get(result.uri) ?? new Set<string>();
  for (const [uri, diagnostics] of result.related) {
    connection.sendDiagnostics({ uri, diagnostics });
    previous.delete(uri);
  }
  for (const stale of previous) {
    connection.sendDiagnostics({ uri: stale, diagnostics: [] });
  }
  publishedRelated.set(result.uri, new Set(result.related.keys()));
}

function isTemplate(document: TextDocument): boolean {
  return document.languageId === 'mjml' || document.languageId === 'html' || /\.(mjml|html?)$/i.test(document.uri);
}

async function scheduleCheck(document: TextDocument): Promise<void> {
  if (pullDiagnostics || !isTemplate(document)) {
    return;
  }
  const settings = await settingsFor(document.uri);
  void validator.schedule(document, settings.debounceMs);
}

function recheckAll(): void {
  settingsCache.clear();
  workspace.invalidateConfigs();
  validator.clearAll();
  if (pullDiagnostics) {
    connection.languages.diagnostics.refresh();
    return;
  }
  for (const document of documents.all()) {
    void scheduleCheck(document);
  }
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  configurationRequests = capabilities.workspace?.configuration === true;
  watchedFilesDynamic = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;

  const options = (params.initializationOptions ?? {}) as { trusted?: boolean };
  workspace.trusted = options.trusted !== false;
  workspace.folders = (params.workspaceFolders ?? [])
    .map((folder) => uriToPath(folder.uri))
    .filter((folder): folder is string => folder !== undefined);
  if (workspace.folders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) workspace.folders = [root];
  }

  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      diagnosticProvider: pullDiagnostics ? { identifier: 'presend', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'presend' },
  };
});

connection.onInitialized(() => {
  logger.info(`Presend server started (${pullDiagnostics ? 'pull' : 'push'} diagnostics, workspace ${workspace.trusted ? 'trusted' : 'untrusted'}).`);
  if (configurationRequests) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'presend' });
  }
  if (watchedFilesDynamic) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/presend.config.json' }, { globPattern: '**/*.{mjml,html,htm}' }],
    });
  }
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
    workspace.folders = workspace.folders.filter((folder) => !removed.has(folder));
    for (const added of event.added) {
      const folder = uriToPath(added.uri);
      if (folder) workspace.folders.push(folder);
    }
    recheckAll();
  });
});

connection.onDidChangeConfiguration(() => recheckAll());

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((change) => WorkspaceState.isConfigFile(change.uri))) {
    recheckAll();
    return;
  }
  recheckDependents(params.changes.map((change) => change.uri));
});

function recheckDependents(uris: string[]): void {
  for (const uri of uris) {
    const filePath = uriToPath(uri);
    if (!filePath) continue;
    for (const dependent of validator.dependentsOf(filePath)) {
      const document = documents.get(dependent);
      if (document) {
        validator.forget(dependent);
        if (pullDiagnostics) {
          connection.languages.diagnostics.refresh();
        } else {
          void scheduleCheck(document);
        }
      }
    }
  }
}

documents.onDidOpen((event) => publishConfigDiagnostics(event.document));
documents.onDidChangeContent((event) => {
  if (WorkspaceState.isConfigFile(event.document.uri)) {
    publishConfigDiagnostics(event.document);
    recheckAll();
    return;
  }
  void scheduleCheck(event.document);
  recheckDependents([event.document.uri]);
});
documents.onDidClose((event) => {
  validator.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  for (const related of publishedRelated.get(event.document.uri) ?? []) {
    connection.sendDiagnostics({ uri: related, diagnostics: [] });
  }
  publishedRelated.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
});

function publishConfigDiagnostics(document: TextDocument): void {
  if (WorkspaceState.isConfigFile(document.uri)) {
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: configDiagnostics(document) });
  }
}

/**
 * Runs a handler so that a failure is logged with the document and returns an empty result,
 * instead of an error popup in the editor or a dead server.
 */
function safely<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (error) {
      logger.error(`${name} failed for ${params.textDocument.uri}: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  };
}

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

connection.languages.diagnostics.on(safely('Diagnostics', EMPTY_REPORT, async (params, token): Promise<DocumentDiagnosticReport> => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !isTemplate(document)) {
    // Recipient lists carry the diagnostics of their last verification.
    return { kind: DocumentDiagnosticReportKind.Full, items: listDiagnostics.get(params.textDocument.uri) ?? [] };
  }
  const settings = await settingsFor(document.uri);
  const result = await validator.resultFor(document, settings.debounceMs);
  if (token.isCancellationRequested) {
    return { kind: DocumentDiagnosticReportKind.Full, items: result.diagnostics };
  }
  const relatedDocuments: Record<string, { kind: 'full'; items: Diagnostic[] }> = {};
  for (const [uri, items] of result.related) {
    relatedDocuments[uri] = { kind: DocumentDiagnosticReportKind.Full, items };
  }
  return { kind: DocumentDiagnosticReportKind.Full, items: result.diagnostics, relatedDocuments };
}));

connection.onHover(safely('Hover', null, async (params) => {
  const document = documents.get(params.textDocument.uri);
  const filePath = uriToPath(params.textDocument.uri);
  if (!document || !filePath) {
    return null;
  }
  const result = validator.cached(document.uri) ?? (await findIncluder(filePath));
  if (!result?.check) {
    return null;
  }
  const findings = findingHover(result.check.findings, filePath, params.position);
  const settings = await settingsFor(document.uri);
  const overrides = workspace.configFor(workspace.folderOf(filePath), settings).config.user.phi?.fields;
  const tag = mergeTagHover(result.check.model, filePath, document.offsetAt(params.position), overrides);
  if (!tag) {
    return findings;
  }
  const findingText = findings && typeof findings.contents === 'object' && 'value' in findings.contents ? `${findings.contents.value}\n\n---\n\n` : '';
  return { contents: { kind: 'markdown', value: `${findingText}${tag}` } };
}));

/** Finds the result of an open template that includes this file, so hovers work in partials too. */
async function findIncluder(filePath: string): Promise<ValidationResult | undefined> {
  const [dependent] = validator.dependentsOf(filePath);
  return dependent ? validator.cached(dependent) : undefined;
}

connection.onCodeAction(safely('Code actions', [], (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActionsFor(document, params) : [];
}));

connection.onExecuteCommand(async (params) => {
  if (params.command === SHOW_DOCUMENTATION_COMMAND && typeof params.arguments?.[0] === 'string') {
    await connection.window.showDocument({ uri: params.arguments[0], external: false, takeFocus: true });
  }
});

registerCustomRequests(connection, {
  documents,
  workspace,
  validator,
  settingsFor,
  logger,
  publishDiagnostics: (uri, diagnostics) => {
    if (pullDiagnostics) {
      connection.languages.diagnostics.refresh();
    } else {
      connection.sendDiagnostics({ uri, diagnostics });
    }
  },
});

documents.listen(connection);
connection.listen();
