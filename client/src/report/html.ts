import type { CheckOutcome, GateResult, VerifyListResult } from '../../../server/src/protocol';

/**
 * The report webview's document for Check Before Send and Verify List: a table of checks or
 * rows with status, reason and fix, links to the place each one is about, and for lists a
 * bar chart of verdicts. Pure, so it can be tested without VS Code; the only script is the
 * report's own, which sends clicks back (see messages.ts).
 */

export type ReportModel =
  | { kind: 'gate'; fileName: string; result: GateResult }
  | { kind: 'list'; fileName: string; result: VerifyListResult };

export type ReportLocation = NonNullable<CheckOutcome['location']>;

export interface ReportStrings {
  gateTitle: string;
  listTitle: string;
  verdictPass: string;
  verdictFail: string;
  check: string;
  status: string;
  reason: string;
  fix: string;
  line: string;
  address: string;
  verdict: string;
  override: string;
  overriddenBecause: string;
  rerun: string;
  rows: string;
  truncated: string;
  noProblems: string;
  notices: string;
  listChecks: string;
  statuses: Record<CheckOutcome['status'], string>;
  verdicts: Record<'ok' | 'review' | 'exclude', string>;
}

export interface ReportHtmlInput {
  nonce: string;
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  model: ReportModel;
  strings: ReportStrings;
  language?: string;
}

/** Lists every place the report links to, in the order of the links' `data-reveal` indexes. */
export function reportLocations(model: ReportModel): ReportLocation[] {
  const locations: ReportLocation[] = [];
  for (const check of model.result.checks) {
    if (check.location) {
      locations.push(check.location);
    }
  }
  if (model.kind === 'list') {
    for (const row of model.result.problems) {
      const line = Math.max(0, row.line - 1);
      locations.push({ uri: model.result.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
    }
  }
  return locations;
}

export function buildReportHtml(input: ReportHtmlInput): string {
  const { model, strings: t } = input;
  const csp = [`default-src 'none'`, `style-src ${input.cspSource} 'unsafe-inline'`, `script-src 'nonce-${input.nonce}'`].join('; ');
  const counter = { next: 0 };
  const body = model.kind === 'gate' ? gateBody(model.result, t, counter) : listBody(model.result, t, counter);
  const heading = model.kind === 'gate' ? t.gateTitle : t.listTitle;

  return `<!DOCTYPE html>
<html lang="${escape(input.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(input.styleUri)}">
<title>${escape(heading)}</title>
</head>
<body>
<header>
  <h1>${escape(heading)}: ${escape(model.fileName)}</h1>
  <button type="button" data-rerun>${escape(t.rerun)}</button>
</header>
${body}
<script nonce="${escape(input.nonce)}" src="${escape(input.scriptUri)}"></script>
</body>
</html>`;
}

function gateBody(result: GateResult, t: ReportStrings, counter: { next: number }): string {
  const verdict = result.verdict === 'pass' ? t.verdictPass : t.verdictFail;
  // The list check carries its verdict counts; chart them under the table, as Verify List does.
  const listVerdicts = result.checks.find((check) => check.verdicts)?.verdicts;
  const chart = listVerdicts ? `<h2>${escape(t.listChecks)}</h2>\n${verdictChart(listVerdicts, t)}` : '';
  return `<p class="verdict verdict-${result.verdict}" role="status">${escape(verdict)}</p>
${checksTable(result.checks, t, counter, true)}
${chart}`;
}

function listBody(result: VerifyListResult, t: ReportStrings, counter: { next: number }): string {
  const checks = result.checks.length > 0 ? `<h2>${escape(t.listChecks)}</h2>\n${checksTable(result.checks, t, counter, false)}` : '';
  const notices =
    result.notices.length > 0 ? `<h2>${escape(t.notices)}</h2>\n<ul class="notices">${result.notices.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : '';
  const rows =
    result.problems.length === 0
      ? `<p>${escape(t.noProblems)}</p>`
      : `<table class="rows">
<thead><tr><th>${escape(t.line)}</th><th>${escape(t.address)}</th><th>${escape(t.verdict)}</th><th>${escape(t.reason)}</th><th>${escape(t.fix)}</th></tr></thead>
<tbody>
${result.problems
  .map(
    (row) =>
      `<tr class="verdict-${row.verdict}"><td><a href="#" data-reveal="${counter.next++}">${row.line}</a></td><td>${escape(row.email)}</td><td>${escape(t.verdicts[row.verdict])}</td><td>${escape(row.reason)}</td><td>${escape(row.fix ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  const truncated = result.truncated ? `<p class="truncated">${escape(t.truncated)}</p>` : '';

  return `<p>${escape(t.rows.replace('{0}', String(result.rows)))}</p>
${verdictChart(result.verdicts, t)}
${checks}
${notices}
${rows}
${truncated}`;
}

function checksTable(checks: CheckOutcome[], t: ReportStrings, counter: { next: number }, overridable: boolean): string {
  const rows = checks.map((check) => {
    const link = check.location ? `<a href="#" data-reveal="${counter.next++}">${escape(check.title)}</a>` : escape(check.title);
    const because = check.status === 'overridden' && check.overrideReason ? `<br><em>${escape(t.overriddenBecause.replace('{0}', check.overrideReason))}</em>` : '';
    const action =
      overridable && check.status === 'fail' && check.overridable ? `<button type="button" data-override="${escape(check.id)}">${escape(t.override)}</button>` : '';
    return `<tr class="status-${check.status}"><td>${link}</td><td><span class="badge">${escape(t.statuses[check.status])}</span></td><td>${escape(check.reason)}${because}</td><td>${escape(check.fix ?? '')}</td><td>${action}</td></tr>`;
  });
  return `<table class="checks">
<thead><tr><th>${escape(t.check)}</th><th>${escape(t.status)}</th><th>${escape(t.reason)}</th><th>${escape(t.fix)}</th><th></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** Draws a horizontal bar per verdict, scaled to the largest count. */
export function verdictChart(verdicts: VerifyListResult['verdicts'], t: ReportStrings): string {
  const entries = (['ok', 'review', 'exclude'] as const).map((verdict) => ({ verdict, count: verdicts[verdict] }));
  const max = Math.max(1, ...entries.map((e) => e.count));
  const barHeight = 22;
  const labelWidth = 90;
  const width = 360;
  const bars = entries
    .map((entry, i) => {
      const y = i * (barHeight + 6);
      const length = Math.round(((width - labelWidth - 60) * entry.count) / max);
      return `<text x="0" y="${y + 15}">${escape(t.verdicts[entry.verdict])}</text><rect class="bar bar-${entry.verdict}" x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}"></rect><text x="${labelWidth + length + 6}" y="${y + 15}">${entry.count}</text>`;
    })
    .join('');
  const height = entries.length * (barHeight + 6);
  const label = entries.map((e) => `${t.verdicts[e.verdict]} ${e.count}`).join(', ');
  return `<svg class="chart" role="img" aria-label="${escape(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
