/**
 * The data-quality report and dataset overview, computed in SQL on the engine side.
 */
import type { DatasetKind, EncodingIssue, MonthlyKpis, Overview, QualityReport } from '../contract.ts';
import { all, exec, one, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import type { LoadedFile } from './ingest.ts';
import type { ReadOutcome } from '../ingest/read.ts';
import type { TypedColumn } from './typed.ts';
import kpisPanelSql from './sql/kpis_panel.sql?raw';
import kpisTransactionsSql from './sql/kpis_transactions.sql?raw';
import customerSpanSql from './sql/customer_span.sql?raw';

export function datasetKind(cols: TypedColumn[]): DatasetKind {
  const has = (r: string) => cols.some((c) => c.role === r);
  if (has('customerId') && has('month')) return 'panel';
  if (has('customerId') && has('date')) return 'transactions';
  if (has('customerId')) return 'snapshot';
  return 'table';
}

/**
 * Rows, empty values per mapped column and the time range of a typed table, in one scan: the
 * overview and the quality report both start from it.
 */
export interface TableStats {
  rows: number;
  /** Empty cells per mapped column, by column name. */
  nulls: Map<string, number>;
  /** First and last day of the month or date column ('YYYY-MM-DD'), null without one or without values. */
  timeRange: { min: string; max: string } | null;
}

/** `also`: more aggregates over the same scan (name → expression), returned by name. */
export async function tableStats(
  conn: SqlConnection,
  typed: string,
  cols: TypedColumn[],
  also: Record<string, string> = {}
): Promise<TableStats & { also: Record<string, unknown> }> {
  const mapped = cols.filter((c) => c.role !== 'ignore');
  const timeCol = cols.find((c) => c.kind === 'month') ?? cols.find((c) => c.kind === 'date');
  const time = timeCol ? quoteIdent(timeCol.name) : null;
  const row = (await one(
    conn,
    `SELECT count(*) AS n${mapped.map((c, i) => `, count(${quoteIdent(c.name)}) AS n${i}`).join('')}${
      time ? `, strftime(min(${time}), '%Y-%m-%d') AS lo, strftime(max(${time}), '%Y-%m-%d') AS hi` : ''
    }${Object.entries(also)
      .map(([k, e]) => `, ${e} AS ${quoteIdent(`also_${k}`)}`)
      .join('')} FROM ${typed}`
  ))!;
  const rows = Number(row.n);
  return {
    rows,
    nulls: new Map(mapped.map((c, i) => [c.name, rows - Number(row[`n${i}`])])),
    timeRange: row.lo ? { min: String(row.lo), max: String(row.hi) } : null,
    also: Object.fromEntries(Object.keys(also).map((k) => [k, row[`also_${k}`]]))
  };
}

/**
 * The report of one read: the accounting and reasons from the read itself, empty values per
 * column, duplicate (customer, month) keys and the date range from the typed table.
 */
export function qualityReport(file: LoadedFile, read: ReadOutcome, cols: TypedColumn[], stats: TableStats, over: Overview): QualityReport {
  const mapped = cols.filter((c) => c.role !== 'ignore');
  // Rows beyond the first of a (customer, month): the monthly KPIs count distinct customers per
  // month, so the duplicates are the rows those counts leave over (no second pass over the table).
  const dup = over.kind === 'panel' && over.kpis ? over.rows - over.kpis.active.reduce((n, a) => n + a, 0) : 0;
  return {
    rowsInFile: read.loaded + read.rejected,
    loaded: read.loaded,
    rejected: read.rejected,
    blankLines: read.blankLines,
    dataLines: read.dataLines,
    multiLineRecords: read.multiLineRecords,
    encodingIssue: encodingIssue(file, read),
    reasons: read.reasons,
    nulls: mapped.map((c) => ({ column: c.header, role: c.role, nulls: stats.nulls.get(c.name) ?? 0 })),
    duplicateKeys: dup,
    dateRange: stats.timeRange
  };
}

/** Lines that read badly in the encoding used, with how the other candidate reads them. */
function encodingIssue(file: LoadedFile, read: ReadOutcome): EncodingIssue | null {
  if (read.undecodable.length && file.encoding) {
    const invalid = read.reasons.find((r) => r.reason === 'invalid-encoding' && r.column === null);
    return { chosen: file.encoding, alternative: 'gb18030', lines: invalid?.count ?? read.undecodable.length, examples: read.undecodable };
  }
  return file.encodingIssue;
}

/**
 * Rows, customers, months and monthly KPIs. `known`: the stats of the table, when computed already;
 * `customerSpan`: the read left customer_span.sql's table for the final rows.
 */
export async function overview(
  conn: SqlConnection,
  typed: string,
  cols: TypedColumn[],
  known?: TableStats,
  customerSpan = false
): Promise<Overview> {
  const kind = datasetKind(cols);
  const has = (r: string) => cols.some((c) => c.role === r);
  const stats = known ?? (await tableStats(conn, typed, cols));
  if (kind === 'panel') return { kind, rows: stats.rows, ...(await panelKpis(conn, typed, has, stats, customerSpan)) };
  const timed = kind === 'transactions';
  const counts = (await one(
    conn,
    `SELECT 1 AS one${has('customerId') ? ', count(DISTINCT customer_id) AS customers' : ''}${timed ? ', count(DISTINCT month) AS months' : ''} FROM ${typed}`
  ))!;
  const customers = has('customerId') ? Number(counts.customers) : null;
  const months = timed ? Number(counts.months) : null;
  let kpis: MonthlyKpis | null = null;
  if (timed) {
    const amount = has('amount') ? 'amount' : has('revenue') ? 'revenue' : 'NULL::DOUBLE';
    kpis = toKpis(await all(conn, template(kpisTransactionsSql, { ds: typed, amount })));
  }
  return { kind, rows: stats.rows, customers, months, kpis, oneRowPerCustomerMonth: false };
}

/** Months the per-customer set can hold (customer_span.sql). */
const MONTH_BITS = 64;

/** The per-customer table of a panel (customer_span.sql), named for its dataset. */
const customerSpanTable = (typed: string) => quoteIdent(`_span_${typed.replace(/\W/g, '')}`);
const buildCustomerSpan = (conn: SqlConnection, typed: string) =>
  exec(conn, template(customerSpanSql, { ds: typed, target: customerSpanTable(typed) }));

/**
 * For a read, before its text check: a panel's per-customer table, whose ids the check reads
 * instead of grouping the rows again. Its name, or undefined for data that is not a panel.
 */
export async function startCustomerSpan(conn: SqlConnection, typed: string, cols: TypedColumn[]): Promise<string | undefined> {
  if (datasetKind(cols) !== 'panel') return undefined;
  await buildCustomerSpan(conn, typed);
  return customerSpanTable(typed);
}

/**
 * After the read: the table is kept for the overview when it `holds` the final rows (no id changed,
 * no row removed), else dropped so the overview builds it again. Returns whether it was kept.
 */
export async function keepCustomerSpan(conn: SqlConnection, table: string | undefined, holds: boolean): Promise<boolean> {
  if (table && !holds) await exec(conn, `DROP TABLE IF EXISTS ${table}`);
  return !!table && holds;
}

/**
 * Customers, months and monthly KPIs of a panel. One pass per customer gives the first and last
 * months and the distinct months of each (customer_span.sql); when those add up to the rows, no
 * (customer, month) repeats and the per-month counts need no DISTINCT (the costly part at a
 * million rows). Otherwise, or over 64 months or more, customers are counted distinct. `ready`:
 * the read built that table for the final rows already.
 */
async function panelKpis(
  conn: SqlConnection,
  typed: string,
  has: (role: string) => boolean,
  stats: TableStats,
  ready: boolean
): Promise<Pick<Overview, 'customers' | 'months' | 'kpis' | 'oneRowPerCustomerMonth'>> {
  const range = stats.timeRange;
  const span = range ? monthIndex(range.max) - monthIndex(range.min) : Infinity;
  const keyed = (stats.nulls.get('customer_id') ?? 0) === 0 && (stats.nulls.get('month') ?? 0) === 0;
  const firsts = customerSpanTable(typed);
  if (!ready) await buildCustomerSpan(conn, typed);
  try {
    const c = (await one(conn, `SELECT count(customer_id) AS customers, sum(n) AS n, sum(months) AS pairs FROM ${firsts}`))!;
    const unique = keyed && span < MONTH_BITS && Number(c.pairs) === Number(c.n);
    const count = (filter = '') => (unique ? `count(*)${filter}` : `count(DISTINCT customer_id)${filter}`);
    const revenue = has('revenue') ? 'sum(revenue)' : has('amount') ? 'sum(amount)' : 'NULL::DOUBLE';
    const kpis = toKpis(
      await all(
        conn,
        template(kpisPanelSql, {
          ds: typed,
          firsts,
          active: count(),
          revenueSum: revenue,
          churnCount: has('churn') ? count(' FILTER (WHERE churn)') : 'NULL',
          churnedExpr: has('churn')
            ? 'coalesce(m.churn_flagged, 0)'
            : `CASE WHEN m.month = (SELECT lo FROM bounds) THEN 0 ELSE (SELECT count(*) FROM firsts f WHERE f.last_month = m.month - INTERVAL 1 MONTH) END`
        })
      )
    );
    return { customers: Number(c.customers), months: kpis.month.filter((m) => m !== 'null').length, kpis, oneRowPerCustomerMonth: unique };
  } finally {
    await exec(conn, `DROP TABLE IF EXISTS ${firsts}`);
  }
}

/** Months since year 0 of a 'YYYY-MM-DD' day. */
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

function toKpis(rows: Record<string, unknown>[]): MonthlyKpis {
  const num = (v: unknown) => (v == null ? null : Number(v));
  return {
    month: rows.map((r) => String(r.month)),
    active: rows.map((r) => Number(r.active)),
    new: rows.map((r) => num(r.new)),
    churned: rows.map((r) => num(r.churned)),
    revenue: rows.map((r) => Number(r.revenue ?? 0)),
    arpu: rows.map((r) => num(r.arpu))
  };
}
