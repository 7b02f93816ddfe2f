import { ErrorCodes, ResponseError, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveTemplatePath } from '../core/check';
import {
  GateRequestMethod,
  RenderRequestMethod,
  TemplateInfoRequestMethod,
  VerifyListRequestMethod,
  type GateParams,
  type RenderParams,
  type VerifyListParams,
  type TemplateInfo,
  type TemplateInfoParams,
} from '../protocol';
import { renderForPreview } from './render-request';
import { verifyListRequest } from './list-request';
import { runGateRequest } from './gate-request';
import type { Logger } from './logger';
import type { PresendSettings } from './settings';
import type { Validator } from './validator';
import type { WorkspaceState } from './workspace';
import { uriToPath } from './workspace';

export interface RequestContext {
  /** Shows diagnostics for a file the server does not check as a template (recipient lists). */
  publishDiagnostics: (uri: string, diagnostics: Diagnostic[]) => void;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceState;
  validator: Validator;
  settingsFor: (uri: string) => Promise<PresendSettings>;
  logger: Logger;
}

/** Registers Presend's own requests (see protocol.ts for who sends each and when). */
export function registerCustomRequests(connection: Connection, context: RequestContext): void {
  connection.onRequest(TemplateInfoRequestMethod, guard(context, TemplateInfoRequestMethod, (params: TemplateInfoParams) => templateInfo(context, params)));
  connection.onRequest(RenderRequestMethod, guard(context, RenderRequestMethod, (params: RenderParams) => renderForPreview(context, params)));
  connection.onRequest(GateRequestMethod, (params: GateParams, token) =>
    guard(context, GateRequestMethod, (inner: GateParams) => runGateRequest(context, inner, token))(params),
  );
  connection.onRequest(VerifyListRequestMethod, (params: VerifyListParams, token) =>
    guard(context, VerifyListRequestMethod, (inner: VerifyListParams) => verifyListRequest(context, inner, token, context.publishDiagnostics))(params),
  );
}

async function templateInfo(context: RequestContext, params: TemplateInfoParams): Promise<TemplateInfo | null> {
  const document = context.documents.get(params.uri);
  if (!document) {
    return null;
  }
  const settings = await context.settingsFor(params.uri);
  const result = await context.validator.resultFor(document, settings.debounceMs);
  if (!result.check) {
    return null;
  }

  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of result.check.findings) {
    counts[finding.severity]++;
  }
  const filePath = uriToPath(params.uri);
  const list = result.check.metadata.list;
  return {
    uri: params.uri,
    category: result.check.category.category,
    categorySource: result.check.category.source,
    counts,
    listPath: list && filePath ? resolveTemplatePath(filePath, list) : undefined,
  };
}

/**
 * Wraps a request handler so a failure is logged with the method and document, and reaches
 * the client as an error response instead of taking the server down.
 */
export function guard<P extends { uri?: string }, R>(context: RequestContext, method: string, handler: (params: P) => Promise<R>) {
  return async (params: P): Promise<R> => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) {
        throw error;
      }
      context.logger.error(`${method} failed for ${params?.uri ?? 'unknown document'}: ${(error as Error).stack ?? error}`);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${(error as Error).message}`);
    }
  };
}
