/**
 * The numbers beside a chart (pure): one spec gives the table on screen and its CSV, so both have
 * the same columns in the same order, headers and category labels in the UI's language, and
 * numbers rounded to the digits the table shows (no 139.14624999999998, never "undefined").
 */
import type { NumberFormatter } from './scales';

export type Cell = string | number | null | undefined;

export interface TableColumn {
  header: string;
  /** text: as is; number: `digits` decimals; percent: a share (0.25) shown as 25.0%. */
  kind?: 'text' | 'number' | 'percent';
  digits?: number;
}

export interface TableSpec {
  /** The table's caption (default: the chart's title). */
  caption?: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** CSV file name (without a folder). */
  filename: string;
  /** data-testid of the <table> (kept for the e2e specs). */
  testid?: string;
  /** Rows of the first column are headers of their rows (default true). */
  rowHeaders?: boolean;
  /** Indices of rows shown in bold (e.g. the best band). */
  emphasis?: number[];
}

const isNumber = (v: Cell): v is number => typeof v === 'number' && Number.isFinite(v);

/** A cell as the table shows it (numbers in the UI's locale; missing as the locale's dash). */
export function cellText(v: Cell, col: TableColumn, num: NumberFormatter, missing = '–'): string {
  if (v == null || (typeof v === 'number' && !Number.isFinite(v))) return missing;
  if (typeof v === 'string' || col.kind === 'text') return String(v);
  if (col.kind === 'percent') return `${num(v * 100, col.digits ?? 1)}%`;
  return num(v, col.digits ?? 0);
}

/** A cell as the CSV writes it: the shown precision without grouping (percent in points); empty when missing. */
export function csvCell(v: Cell, col: TableColumn): string {
  if (v == null) return '';
  if (typeof v === 'string' || col.kind === 'text') return String(v);
  if (!isNumber(v)) return '';
  const digits = col.digits ?? (col.kind === 'percent' ? 1 : 0);
  const x = col.kind === 'percent' ? v * 100 : v;
  const s = x.toFixed(digits);
  // toFixed keeps a sign on rounded-away negatives ("-0.0").
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** The CSV header of a column: percent columns say that their numbers are points (%). */
export function csvHeader(col: TableColumn): string {
  return col.kind === 'percent' ? `${col.header} (%)` : col.header;
}

export function csvTable(spec: Pick<TableSpec, 'columns' | 'rows'>): { headers: string[]; rows: string[][] } {
  return {
    headers: spec.columns.map(csvHeader),
    rows: spec.rows.map((r) => spec.columns.map((c, j) => csvCell(r[j], c)))
  };
}
