/**
 * The data-quality report and dataset overview, computed in SQL on the engine side.
 */
import type { DatasetKind, EncodingIssue, MonthlyKpis, Overview, QualityReport } from '../contract.ts';
import { all, one, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import type { LoadedFile } from './ingest.ts';
import type { ReadOutcome } from '../ingest/read.ts';
import type { TypedColumn } from './typed.ts';
import kpisPanelSql from './sql/kpis_panel.sql?raw';
import kpisTransactionsSql from './sql/kpis_transactions.sql?raw';

export function datasetKind(cols: TypedColumn[]): DatasetKind {
  const has = (r: string) => cols.some((c) => c.role === r);
  if (has('customerId') && has('month')) return 'panel';
  if (has('customerId') && has('date')) return 'transactions';
  if (has('customerId')) return 'snapshot';
  return 'table';
}

/**
 * The report of one read: the accounting and reasons from the read itself, empty values per
 * column, duplicate (customer, month) keys and the date range from the typed table.
 */
export async function qualityReport(
  conn: SqlConnection,
  file: LoadedFile,
  read: ReadOutcome,
  typed: string,
  cols: TypedColumn[],
  over: Overview
): Promise<QualityReport> {
  const mapped = cols.filter((c) => c.role !== 'ignore');
  const nullRow = mapped.length
    ? (await one(conn, `SELECT ${mapped.map((c, i) => `count(*) - count(${quoteIdent(c.name)}) AS n${i}`).join(', ')} FROM ${typed}`))!
    : {};
  const kind = datasetKind(cols);
  const timeCol = cols.find((c) => c.kind === 'month') ?? cols.find((c) => c.kind === 'date');
  // Rows beyond the first of a (customer, month): the monthly KPIs count distinct customers per
  // month, so the duplicates are the rows those counts leave over (no second pass over the table).
  const dup = kind === 'panel' && over.kpis ? over.rows - over.kpis.active.reduce((n, a) => n + a, 0) : 0;
  const range = timeCol
    ? await one(
        conn,
        `SELECT strftime(min(${quoteIdent(timeCol.name)}), '%Y-%m-%d') AS lo, strftime(max(${quoteIdent(timeCol.name)}), '%Y-%m-%d') AS hi FROM ${typed}`
      )
    : undefined;
  return {
    rowsInFile: read.loaded + read.rejected,
    loaded: read.loaded,
    rejected: read.rejected,
    blankLines: read.blankLines,
    dataLines: read.dataLines,
    multiLineRecords: read.multiLineRecords,
    encodingIssue: encodingIssue(file, read),
    reasons: read.reasons,
    nulls: mapped.map((c, i) => ({ column: c.header, role: c.role, nulls: Number(nullRow[`n${i}`] ?? 0) })),
    duplicateKeys: dup,
    dateRange: range && range.lo ? { min: String(range.lo), max: String(range.hi) } : null
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

export async function overview(conn: SqlConnection, typed: string, cols: TypedColumn[]): Promise<Overview> {
  const kind = datasetKind(cols);
  const has = (r: string) => cols.some((c) => c.role === r);
  const timed = kind === 'panel' || kind === 'transactions';
  const counts = (await one(
    conn,
    `SELECT count(*) AS n${has('customerId') ? ', count(DISTINCT customer_id) AS customers' : ''}${timed ? ', count(DISTINCT month) AS months' : ''} FROM ${typed}`
  ))!;
  const rows = Number(counts.n);
  const customers = has('customerId') ? Number(counts.customers) : null;
  const months = timed ? Number(counts.months) : null;
  let kpis: MonthlyKpis | null = null;
  if (kind === 'panel') {
    const revenue = has('revenue') ? 'sum(revenue)' : has('amount') ? 'sum(amount)' : 'NULL::DOUBLE';
    const churnFlag = has('churn');
    kpis = toKpis(
      await all(
        conn,
        template(kpisPanelSql, {
          ds: typed,
          revenueSum: revenue,
          churnCount: churnFlag ? 'count(DISTINCT customer_id) FILTER (WHERE churn)' : 'NULL',
          churnedExpr: churnFlag
            ? 'coalesce(m.churn_flagged, 0)'
            : `CASE WHEN m.month = (SELECT lo FROM bounds) THEN 0 ELSE (SELECT count(*) FROM firsts f WHERE f.last_month = m.month - INTERVAL 1 MONTH) END`
        })
      )
    );
  } else if (kind === 'transactions') {
    const amount = has('amount') ? 'amount' : has('revenue') ? 'revenue' : 'NULL::DOUBLE';
    kpis = toKpis(await all(conn, template(kpisTransactionsSql, { ds: typed, amount })));
  }
  return { kind, rows, customers, months, kpis };
}

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
