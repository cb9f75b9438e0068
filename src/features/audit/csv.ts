/**
 * CSV as RFC 4180 writes it (CRLF rows; a cell with a quote, comma or line break is quoted, its
 * quotes doubled), made safe to open in a spreadsheet: a cell starting with a character that
 * starts a formula gets a leading apostrophe, so an event name or justification a user typed can
 * never run as a formula on an auditor's computer (OWASP "CSV injection").
 */

// = + - @ start formulas; a leading tab or carriage return can hide one from a quick look.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A whole document. The byte order mark makes spreadsheet programs read it as UTF-8, so names
 * with accents arrive intact.
 */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `\uFEFF${csvRow(header)}${rows.map(csvRow).join('')}`;
}
