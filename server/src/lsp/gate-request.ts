import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { GATE_CHECK_TITLES, GateUsageError, runGate, type GateCheck, type GateReport } from '../core/gate/index';
import { hasProblemsUnder } from '../core/config/load';
import type { CheckOutcome, GateParams, GateResult } from '../protocol';
import type { RequestContext } from './custom-requests';
import { pathToUri, uriToPath } from './workspace';

/**
 * Answers `presend/gate` ("Check Before Send"): runs the pre-send gate on the template text
 * in the editor, with the workspace's config and the user's DNS settings, and maps
 * the report to what the report panel shows. The run is recorded in the workspace's audit log.
 */
export async function runGateRequest(context: RequestContext, params: GateParams, token?: CancellationToken): Promise<GateResult> {
  const templatePath = uriToPath(params.uri);
  if (!templatePath) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Save ${params.uri} to a file first: the gate records the template's path and hash in the audit log.`);
  }

  const settings = await context.settingsFor(params.uri);
  const folder = context.workspace.folderOf(templatePath);
  const loaded = context.workspace.configFor(folder, settings);
  if (hasProblemsUnder(loaded, 'streams')) {
    // Without its streams the gate would judge the sender as unconfigured and could pass.
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `"streams" in ${loaded.file!.path} has problems (see the Problems panel), so the gate cannot judge the sender. Fix them and check again.`,
    );
  }
  const { config } = loaded;
  const controller = new AbortController();
  const cancellation = token?.onCancellationRequested(() => controller.abort(new ResponseError(LSPErrorCodes.RequestCancelled, 'presend/gate was cancelled.')));

  try {
    const report = await runGate({
      templatePath,
      text: context.documents.get(params.uri)?.getText(),
      workspaceRoot: folder,
      config,
      // An untrusted workspace makes no network requests, whatever the setting says.
      dns: { enabled: settings.dns.enabled && context.workspace.trusted, servers: settings.dns.servers },
      overrides: params.overrides,
      readFile: context.workspace.readFile,
      signal: controller.signal,
    });
    return toGateResult(params.uri, templatePath, report);
  } catch (error) {
    if (error instanceof GateUsageError) {
      throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    }
    throw error;
  } finally {
    cancellation?.dispose();
  }
}

/** Maps a gate report to the protocol's shape: URIs and zero-based ranges instead of paths and 1-based lines. */
export function toGateResult(uri: string, templatePath: string, report: GateReport): GateResult {
  return {
    uri,
    verdict: report.passed ? 'pass' : 'fail',
    checks: report.checks.map((check) => toOutcome(check, uri, templatePath)),
  };
}

function toOutcome(check: GateCheck, uri: string, templatePath: string): CheckOutcome {
  const outcome: CheckOutcome = {
    id: check.id,
    title: GATE_CHECK_TITLES[check.id],
    status: check.status,
    reason: check.message,
    overridable: check.status === 'fail',
  };
  if (check.fix !== undefined) outcome.fix = check.fix;
  if (check.overrideReason !== undefined) outcome.overrideReason = check.overrideReason;
  if (check.verdicts) outcome.verdicts = check.verdicts;
  if (check.location) {
    const position = { line: check.location.line - 1, character: check.location.column - 1 };
    outcome.location = {
      uri: check.location.path === templatePath ? uri : pathToUri(check.location.path),
      range: { start: position, end: position },
    };
  }
  return outcome;
}
