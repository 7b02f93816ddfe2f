import * as path from 'node:path';
import { countFindings, type FileResult } from './types';

/** Formats results the way ESLint's stylish formatter does: a block per file, a summary line. */
export function formatStylish(results: FileResult[], cwd: string): string {
  const lines: string[] = [];

  for (const result of results) {
    if (result.findings.length === 0 && !result.error && !result.skipped) {
      continue;
    }
    lines.push(result.displayPath);
    if (result.error) {
      lines.push(`  error  ${result.error}`);
    }
    if (result.skipped) {
      lines.push(`  skipped  ${result.skipped}`);
    }

    const rows = result.findings.map((finding) => [
      // A finding inside an included partial names the partial, since its lines are the partial's.
      `${finding.path === result.path ? '' : `${path.relative(cwd, finding.path)}:`}${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      finding.severity,
      finding.message,
      finding.ruleId,
    ]);
    const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column].length)));
    for (const row of rows) {
      lines.push(`  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}  ${row[3]}`);
    }
    lines.push('');
  }

  const totals = countFindings(results);
  const problems = totals.errors + totals.warnings + totals.infos;
  const checked = results.filter((result) => !result.error && !result.skipped).length;
  lines.push(
    `${problems} finding${problems === 1 ? '' : 's'} (${totals.errors} error${totals.errors === 1 ? '' : 's'}, ` +
      `${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}, ${totals.infos} info) in ${checked} checked file${checked === 1 ? '' : 's'}` +
      (totals.failedFiles > 0 ? `; ${totals.failedFiles} file${totals.failedFiles === 1 ? '' : 's'} could not be checked` : ''),
  );
  return lines.join('\n') + '\n';
}
