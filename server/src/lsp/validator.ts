import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkTemplate, type CheckResult } from '../core/check';
import type { CategoryInference } from '../core/engine/category';
import type { TemplateLanguage } from '../core/model/types';
import { toDiagnostic } from './convert';
import type { Logger } from './logger';
import type { PresendSettings } from './settings';
import { pathToUri, uriToPath, type WorkspaceState } from './workspace';

/** One finished check of one document version. */
export interface ValidationResult {
  uri: string;
  version: number;
  check: CheckResult | null;
  /** Diagnostics for the document itself. */
  diagnostics: Diagnostic[];
  /** Diagnostics for files the document includes, by URI. */
  related: Map<string, Diagnostic[]>;
  /** Why the document was not checked (too large, disabled), when it was not. */
  skipped?: string;
}

interface Pending {
  version: number;
  timer: NodeJS.Timeout;
  waiters: ((result: ValidationResult) => void)[];
}

/**
 * Schedules checks per document: each change restarts the document's debounce timer, so only
 * the latest version is checked, and a result computed for a version the editor has already
 * left behind is dropped instead of being shown.
 */
export class Validator {
  private readonly results = new Map<string, ValidationResult>();
  private readonly pending = new Map<string, Pending>();
  private readonly notifiedTooLarge = new Set<string>();

  constructor(
    private readonly workspace: WorkspaceState,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly getSettings: (uri: string) => Promise<PresendSettings>,
    private readonly logger: Logger,
    private readonly onResult: (result: ValidationResult) => void,
    private readonly inferCategory?: CategoryInference,
    private readonly onTooLarge?: (uri: string, sizeKb: number, limitKb: number) => void,
  ) {}

  /** Returns the latest result for the document's current version, checking it if needed. */
  resultFor(document: TextDocument, debounceMs: number): Promise<ValidationResult> {
    const cached = this.results.get(document.uri);
    if (cached && cached.version === document.version) {
      return Promise.resolve(cached);
    }
    return this.schedule(document, debounceMs);
  }

  cached(uri: string): ValidationResult | undefined {
    return this.results.get(uri);
  }

  schedule(document: TextDocument, debounceMs: number): Promise<ValidationResult> {
    const previous = this.pending.get(document.uri);
    const waiters = previous?.waiters ?? [];
    if (previous) {
      clearTimeout(previous.timer);
    }

    return new Promise((resolve) => {
      waiters.push(resolve);
      const timer = setTimeout(() => void this.run(document.uri), debounceMs);
      this.pending.set(document.uri, { version: document.version, timer, waiters });
    });
  }

  forget(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(uri);
    }
    this.results.delete(uri);
  }

  /** Documents whose last check read the given file through an include. */
  dependentsOf(filePath: string): string[] {
    const dependents: string[] = [];
    for (const result of this.results.values()) {
      if (result.check?.model.files.some((file, index) => index > 0 && file.path === filePath)) {
        dependents.push(result.uri);
      }
    }
    return dependents;
  }

  clearAll(): void {
    this.results.clear();
  }

  private async run(uri: string): Promise<void> {
    const pending = this.pending.get(uri);
    const document = this.getDocument(uri);
    if (!pending || !document) {
      this.pending.delete(uri);
      return;
    }

    const settings = await this.getSettings(uri);
    // The settings request yields to the event loop; a newer change may have rescheduled us.
    if (this.pending.get(uri) !== pending) {
      return;
    }
    this.pending.delete(uri);

    const result = this.check(document, settings);
    const current = this.getDocument(uri);
    if (current && current.version !== result.version) {
      this.logger.debug(`Dropped results for ${uri} version ${result.version}; the document is at version ${current.version}.`);
      this.schedule(current, settings.debounceMs).then((fresh) => pending.waiters.forEach((resolve) => resolve(fresh)));
      return;
    }

    this.results.set(uri, result);
    this.onResult(result);
    pending.waiters.forEach((resolve) => resolve(result));
  }

  private check(document: TextDocument, settings: PresendSettings): ValidationResult {
    const base = { uri: document.uri, version: document.version, related: new Map<string, Diagnostic[]>() };
    if (!settings.enable) {
      return { ...base, check: null, diagnostics: [], skipped: 'Presend is disabled (presend.enable).' };
    }

    const text = document.getText();
    const sizeKb = Math.ceil(Buffer.byteLength(text, 'utf8') / 1024);
    if (sizeKb > settings.maxFileSizeKb) {
      if (!this.notifiedTooLarge.has(document.uri)) {
        this.notifiedTooLarge.add(document.uri);
        this.onTooLarge?.(document.uri, sizeKb, settings.maxFileSizeKb);
      }
      return { ...base, check: null, diagnostics: [], skipped: `${sizeKb} KB is over presend.maxFileSizeKb (${settings.maxFileSizeKb} KB).` };
    }

    const filePath = uriToPath(document.uri) ?? `/untitled/${document.uri.replace(/[^\w.-]+/g, '_')}`;
    const folder = this.workspace.folderOf(filePath);
    const loaded = this.workspace.configFor(folder, settings);
    const started = performance.now();
    const check = checkTemplate({
      path: filePath,
      text,
      language: languageFromId(document.languageId),
      config: loaded.config,
      editorRules: settings.rules,
      workspaceRoot: folder,
      readFile: this.workspace.readFile,
      inferCategory: this.inferCategory,
      logger: { error: (message) => this.logger.error(message) },
    });
    this.logger.debug(`Checked ${document.uri} version ${document.version} in ${(performance.now() - started).toFixed(1)} ms: ${check.findings.length} findings.`);

    const diagnostics: Diagnostic[] = [];
    const related = new Map<string, Diagnostic[]>();
    for (const finding of check.findings) {
      const diagnostic = toDiagnostic(finding, document.version);
      if (finding.path === filePath) {
        diagnostics.push(diagnostic);
      } else {
        const includeUri = pathToUri(finding.path);
        related.set(includeUri, [...(related.get(includeUri) ?? []), diagnostic]);
      }
    }
    return { ...base, check, diagnostics, related };
  }
}

function languageFromId(languageId: string): TemplateLanguage | undefined {
  if (languageId === 'mjml') {
    return 'mjml';
  }
  if (languageId === 'html') {
    return 'html';
  }
  return undefined;
}
