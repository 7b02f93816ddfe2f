/**
 * CSV output that is safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return would run as a formula in Excel, LibreOffice or Google Sheets (CSV
 * injection), so it gets a leading `'`, which those programs show as text. This changes such
 * cells in the written files, addresses included; the source list is never touched.
 */

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
