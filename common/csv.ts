/**
 * The one CSV writer of the workbench: every "Download CSV" in the page and every list the engine
 * exports goes through it. RFC 4180 quoting, CRLF line ends and a UTF-8 BOM, so that Excel (common
 * among the analysts this is for) opens Chinese text correctly.
 *
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a cell taken from a user's file such as
 * `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` would run as a formula when the export is opened. Every
 * cell, headers included, that begins with `=`, `+`, `-`, `@`, TAB or CR gets a `'` in front, which
 * spreadsheets read as "this is text". Numbers (and text that is exactly a negative decimal number,
 * such as `-1.5`) stay numbers: a spreadsheet cannot run them.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** A number rounded to `digits` decimals for an export (to what the screen shows); null stays null. */
export function rounded(v: number | null | undefined, digits: number): number | null {
  return v == null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cell's text as a spreadsheet should read it: formula-like text neutralised, nothing else changed. */
export function safeCellText(v: CsvCell): string {
  if (v == null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  if (typeof v === 'number' || !FORMULA_START.test(s) || NEGATIVE_NUMBER.test(s)) return s;
  return `'${s}`;
}

function field(v: CsvCell): string {
  const s = safeCellText(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV text of a header row and data rows (null, undefined and non-finite numbers as empty cells). */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
