/**
 * The data-quality report and dataset overview, computed in SQL on the engine side.
 */
import type { DatasetKind, MonthlyKpis, Overview, QualityReport, RejectReason } from '../contract.ts';
import { all, one, quoteIdent, template, type SqlConnection } from '../db/sql.ts';
import type { RawDataset } from './ingest.ts';
import type { TypedColumn } from './typed.ts';
import kpisPanelSql from './sql/kpis_panel.sql?raw';
import kpisTransactionsSql from './sql/kpis_transactions.sql?raw';

const EXAMPLES = 5;

export function datasetKind(cols: TypedColumn[]): DatasetKind {
  const has = (r: string) => cols.some((c) => c.role === r);
  if (has('customerId') && has('month')) return 'panel';
  if (has('customerId') && has('date')) return 'transactions';
  if (has('customerId')) return 'snapshot';
  return 'table';
}

export async function qualityReport(
  conn: SqlConnection, raw: RawDataset, typed: string, valueRejects: string, cols: TypedColumn[]
): Promise<QualityReport> {
  const counts = (await one(conn, `SELECT
      (SELECT count(*) FROM ${raw.rawTable}) AS raw_rows,
      (SELECT count(*) FROM ${raw.structuralTable}) AS structural,
      (SELECT count(*) FROM ${typed}) AS loaded,
      (SELECT count(*) FROM ${valueRejects}) AS value_rejects`))!;
  const structural = await all(conn, `SELECT reason, NULL AS "column", count(*) AS n,
      list({'line': line, 'text': left(text, 300)} ORDER BY line)[1:${EXAMPLES}] AS examples
    FROM ${raw.structuralTable} GROUP BY reason ORDER BY n DESC`);
  const values = await all(conn, `SELECT reason, "column", count(*) AS n,
      list({'row': _row, 'text': left(text, 300)} ORDER BY _row)[1:${EXAMPLES}] AS examples
    FROM ${valueRejects} GROUP BY reason, "column" ORDER BY n DESC`);
  const reasons: RejectReason[] = [...structural, ...values].map((r) => ({
    reason: String(r.reason),
    column: (r.column as string | null) ?? null,
    count: Number(r.n),
    examples: listOf(r.examples).map((e) => ({
      line: e.line == null ? null : Number(e.line),
      row: e.row == null ? null : Number(e.row),
      text: String(e.text ?? '')
    }))
  }));
  const mapped = cols.filter((c) => c.role !== 'ignore');
  const nullRow = mapped.length
    ? (await one(conn, `SELECT ${mapped.map((c, i) => `count(*) - count(${quoteIdent(c.name)}) AS n${i}`).join(', ')} FROM ${typed}`))!
    : {};
  const kind = datasetKind(cols);
  const timeCol = cols.find((c) => c.kind === 'month') ?? cols.find((c) => c.kind === 'date');
  const dup = kind === 'panel'
    ? await one(conn, `SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT customer_id, month FROM ${typed})) AS n FROM ${typed}`)
    : undefined;
  const range = timeCol
    ? await one(conn, `SELECT strftime(min(${quoteIdent(timeCol.name)}), '%Y-%m-%d') AS lo, strftime(max(${quoteIdent(timeCol.name)}), '%Y-%m-%d') AS hi FROM ${typed}`)
    : undefined;
  const loaded = Number(counts.loaded);
  const rejected = Number(counts.structural) + Number(counts.value_rejects);
  return {
    rowsInFile: Number(counts.raw_rows) + Number(counts.structural),
    loaded,
    rejected,
    blankLines: raw.blankLines ?? 0,
    reasons,
    nulls: mapped.map((c, i) => ({ column: c.header, role: c.role, nulls: Number(nullRow[`n${i}`] ?? 0) })),
    duplicateKeys: dup ? Number(dup.n) : 0,
    dateRange: range && range.lo ? { min: String(range.lo), max: String(range.hi) } : null
  };
}

function listOf(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v as Record<string, unknown>[];
  if (v && typeof (v as { toArray?: unknown }).toArray === 'function')
    return ((v as { toArray(): unknown[] }).toArray()).map((x) =>
      x && typeof (x as { toJSON?: unknown }).toJSON === 'function' ? (x as { toJSON(): Record<string, unknown> }).toJSON() : (x as Record<string, unknown>));
  return [];
}

export async function overview(conn: SqlConnection, typed: string, cols: TypedColumn[]): Promise<Overview> {
  const kind = datasetKind(cols);
  const has = (r: string) => cols.some((c) => c.role === r);
  const rows = Number((await one(conn, `SELECT count(*) AS n FROM ${typed}`))!.n);
  const customers = has('customerId') ? Number((await one(conn, `SELECT count(DISTINCT customer_id) AS n FROM ${typed}`))!.n) : null;
  const months = kind === 'panel' || kind === 'transactions'
    ? Number((await one(conn, `SELECT count(DISTINCT month) AS n FROM ${typed}`))!.n) : null;
  let kpis: MonthlyKpis | null = null;
  if (kind === 'panel') {
    const revenue = has('revenue') ? 'sum(revenue)' : has('amount') ? 'sum(amount)' : 'NULL::DOUBLE';
    const churnFlag = has('churn');
    kpis = toKpis(await all(conn, template(kpisPanelSql, {
      ds: typed,
      revenueSum: revenue,
      churnCount: churnFlag ? 'count(DISTINCT customer_id) FILTER (WHERE churn)' : 'NULL',
      churnedExpr: churnFlag
        ? 'coalesce(m.churn_flagged, 0)'
        : `CASE WHEN m.month = (SELECT lo FROM bounds) THEN 0 ELSE (SELECT count(*) FROM firsts f WHERE f.last_month = m.month - INTERVAL 1 MONTH) END`
    })));
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
