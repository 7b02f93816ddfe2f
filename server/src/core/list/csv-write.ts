/**
 * CSV output that is safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return would run as a formula in Excel, LibreOffice or Google Sheets (CSV
 * injection), so it gets a leading `'`, which those programs show as text. This changes such
 * cells in the written files, addresses included, because `-cmd@example.org` would run as a
 * formula too. The source list is never touched, and the writer counts the addresses it changed.
 */

import type { ListEncoding } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Quotes a cell when it contains the delimiter, a double quote, CR or LF (RFC 4180). */
export function quoteCell(cell: string, delimiter: string): string {
  if (cell.includes(delimiter) || /["\r\n]/.test(cell)) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** Formats one CSV record, ending in CRLF as RFC 4180 and Excel expect. */
export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((cell) => quoteCell(neutraliseFormula(cell), delimiter)).join(delimiter)}\r\n`;
}

/**
 * Spreadsheet programs read a CSV without a byte order mark in the system's code page, so
 * output gets one whenever the source was not plain UTF-8: the source had a mark, or was
 * decoded from Windows-1252 or UTF-16. The output itself is always UTF-8.
 */
export function needsBom(encoding: ListEncoding): boolean {
  return encoding !== 'utf-8';
}
