import { countFindings, type FileResult } from './types';

/** Formats results as JSON: one entry per file with 1-based lines and columns. */
export function formatJson(results: FileResult[]): string {
  const files = results.map((result) => ({
    path: result.displayPath,
    category: result.category ? { name: result.category.category, source: result.category.source, commercial: result.category.commercial } : undefined,
    error: result.error,
    skipped: result.skipped,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      path: finding.path === result.path ? result.displayPath : finding.path,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      data: finding.data,
    })),
  }));
  return JSON.stringify({ files, summary: countFindings(results) }, null, 2) + '\n';
}
