import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, ResponseError, type CancellationToken, type Diagnostic } from 'vscode-languageserver/node';
import { isInside } from '../core/config/load';
import { describeListFinding, describeRow, verifyList, type RowResult } from '../core/list/index';
import { templateListContext, type TemplateListContext } from '../core/template-context';
import type { CheckOutcome, ListProblemRow, VerifyListParams, VerifyListResult } from '../protocol';
import type { DiagnosticData } from './convert';
import type { RequestContext } from './custom-requests';
import { pathToUri, uriToPath } from './workspace';

/** Rows with problems sent back to the client and shown as diagnostics, at most. */
const PROBLEM_LIMIT = 1000;

/** Lists up to this size are read a second time to place diagnostics on the address cell. */
const CELL_POSITION_LIMIT = 20 * 1024 * 1024;

/** Diagnostics of the last verification of each CSV, by URI, for pull requests. */
export const listDiagnostics = new Map<string, Diagnostic[]>();

/**
 * Answers `presend/verifyList`: verifies a CSV, or the list a template names, on this machine.
 * Rows that need attention become diagnostics on the CSV, with the typo suggestion as a fix.
 */
export async function verifyListRequest(
  context: RequestContext,
  params: VerifyListParams,
  token: CancellationToken,
  publish: (uri: string, diagnostics: Diagnostic[]) => void,
): Promise<VerifyListResult> {
  const target = await resolveTarget(context, params.uri);
  const settings = await context.settingsFor(params.uri);
  const folder = context.workspace.folderOf(target.listPath);
  if (!isInside(folder, target.listPath) && context.workspace.folders.length > 0) {
    throw new ResponseError(1, `The list ${target.listPath} is outside the workspace, so Presend did not read it; move it into the workspace.`);
  }

  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());

  const problems: ListProblemRow[] = [];
  const problemRows: RowResult[] = [];
  let truncated = false;
  const useDns = settings.dns.enabled && context.workspace.trusted;

  const report = await verifyList(
    { path: target.listPath },
    {
      template: target.template,
      suppression: target.template?.suppression ? { path: target.template.suppression } : undefined,
      dns: useDns ? { servers: settings.dns.servers.length > 0 ? settings.dns.servers : undefined } : false,
      collectRows: false,
      onRow: (row) => {
        if (row.verdict === 'ok') return;
        if (problems.length >= PROBLEM_LIMIT) {
          truncated = true;
          return;
        }
        problemRows.push(row);
        problems.push({
          line: row.line,
          email: row.email,
          verdict: row.verdict as 'review' | 'exclude',
          reasons: row.reasons,
          reason: describeRow(row),
          fix: row.suggestion ? `Change the address to ${suggestedAddress(row)}.` : undefined,
        });
      },
    },
    undefined,
    controller.signal,
  );

  const listUri = pathToUri(target.listPath);
  const diagnostics = rowDiagnostics(target.listPath, problemRows);
  listDiagnostics.set(listUri, diagnostics);
  publish(listUri, diagnostics);

  const checks: CheckOutcome[] = report.summary.listFindings.map((finding) => {
    const described = describeListFinding(finding);
    return { id: `list-${finding.id}`, title: described.title, status: 'warn', reason: described.reason, fix: described.fix, overridable: false };
  });

  return {
    uri: listUri,
    rows: report.summary.rows,
    verdicts: report.summary.verdicts,
    reasons: report.summary.reasons,
    notices: report.summary.notices,
    problems,
    truncated,
    checks,
  };
}

async function resolveTarget(context: RequestContext, uri: string): Promise<{ listPath: string; template?: TemplateListContext }> {
  const filePath = uriToPath(uri);
  if (!filePath) {
    throw new ResponseError(1, `Only files on disk can be verified; save ${uri} first.`);
  }
  if (filePath.toLowerCase().endsWith('.csv')) {
    return { listPath: filePath };
  }

  const document = context.documents.get(uri);
  if (!document) {
    throw new ResponseError(1, `Open the template ${path.basename(filePath)} to verify its list.`);
  }
  const settings = await context.settingsFor(uri);
  const result = await context.validator.resultFor(document, settings.debounceMs);
  if (!result.check) {
    throw new ResponseError(1, `The template ${path.basename(filePath)} was not checked: ${result.skipped ?? 'unknown reason'}.`);
  }
  const config = context.workspace.configFor(context.workspace.folderOf(filePath), settings).config;
  const template = templateListContext(result.check, filePath, config);
  if (!template.list) {
    throw new ResponseError(1, `The template ${path.basename(filePath)} names no recipient list; add "list: recipients.csv" to its presend directive.`);
  }
  return { listPath: template.list, template };
}

/** Places a diagnostic on each problem row's address cell, falling back to the whole line. */
function rowDiagnostics(listPath: string, rows: RowResult[]): Diagnostic[] {
  let lines: string[] | undefined;
  try {
    if (fs.statSync(listPath).size <= CELL_POSITION_LIMIT) {
      lines = fs.readFileSync(listPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    }
  } catch {
    lines = undefined;
  }

  return rows.map((row) => {
    const lineIndex = row.line - 1;
    const lineText = lines?.[lineIndex] ?? '';
    const column = row.email === '' ? -1 : lineText.indexOf(row.email);
    const range =
      column >= 0
        ? { start: { line: lineIndex, character: column }, end: { line: lineIndex, character: column + row.email.length } }
        : { start: { line: lineIndex, character: 0 }, end: { line: lineIndex, character: lineText.length } };

    const data: DiagnosticData = { ruleId: `list/${row.reasons[0]}`, version: -1 };
    if (row.suggestion && column >= 0) {
      const fixed = suggestedAddress(row);
      data.expectedText = row.email;
      data.fix = {
        title: `Change to ${fixed}`,
        edits: [{ path: listPath, start: -1, end: -1, newText: fixed }],
      };
      data.fixRange = range;
    }
    return {
      range,
      severity: row.verdict === 'exclude' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'presend',
      code: row.reasons.join(', '),
      message: describeRow(row),
      data,
    };
  });
}

/** The address with the suggested domain; the list core suggests a whole address or a domain. */
function suggestedAddress(row: RowResult): string {
  if (row.suggestion!.includes('@')) {
    return row.suggestion!;
  }
  return `${row.email.slice(0, row.email.lastIndexOf('@') + 1)}${row.suggestion}`;
}
