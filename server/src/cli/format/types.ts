import type { CategoryDecision, Finding } from '../../core/engine/rule';

/** What `presend check` learned about one file, for the formatters. */
export interface FileResult {
  path: string;
  /** Path as shown to the user: relative to the working folder when inside it. */
  displayPath: string;
  findings: Finding[];
  category?: CategoryDecision;
  /** Why the file could not be checked (unreadable, internal failure). */
  error?: string;
  /** Why the file was skipped on purpose (too large). */
  skipped?: string;
  /** Files the template read through mj-include. */
  includes?: string[];
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  failedFiles: number;
}

export function countFindings(results: FileResult[]): Totals {
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, failedFiles: 0 };
  for (const result of results) {
    if (result.error) {
      totals.failedFiles++;
    }
    for (const finding of result.findings) {
      if (finding.severity === 'error') totals.errors++;
      else if (finding.severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}
