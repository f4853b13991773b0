/**
 * Builds the typed dataset from the raw all-VARCHAR table according to the column roles, and the
 * table of value-level rejects. Each role has one parse rule (macros in ingest/sql/values.sql);
 * a row is rejected when its customer id or time is missing or a mapped value cannot be parsed.
 */
import type { ColumnRole } from '../contract.ts';
import { quoteIdent, quoteLiteral } from '../db/sql.ts';

export type Kind = 'id' | 'month' | 'date' | 'number' | 'flag' | 'category' | 'text' | 'ignore';

const ROLE_KIND: Record<ColumnRole, Kind> = {
  customerId: 'id', month: 'month', date: 'date',
  revenue: 'number', amount: 'number', quantity: 'number', cost: 'number', discount: 'number',
  voiceMinutes: 'number', dataMb: 'number', sms: 'number', vasCount: 'number', arrears: 'number',
  tenure: 'number', number: 'number',
  churn: 'flag',
  status: 'category', region: 'category', customerType: 'category', industry: 'category', plan: 'category',
  text: 'text', ignore: 'ignore'
};

/** The column name a role gets in the typed table, so analysis SQL can rely on it. */
export const CANONICAL: Partial<Record<ColumnRole, string>> = {
  customerId: 'customer_id', month: 'month', date: 'date', revenue: 'revenue', amount: 'amount',
  quantity: 'quantity', cost: 'cost', discount: 'discount', voiceMinutes: 'voice_minutes',
  dataMb: 'data_mb', sms: 'sms', vasCount: 'vas_count', arrears: 'arrears', tenure: 'tenure',
  churn: 'churn', status: 'status', region: 'region', customerType: 'customer_type',
  industry: 'industry', plan: 'plan'
};

export interface TypedColumn {
  /** Index into the raw table's c1..cN. */
  source: number;
  header: string;
  role: ColumnRole;
  /** Name in the typed table. */
  name: string;
  kind: Kind;
}

/** Assigns typed-table names: a role's canonical name for its first column, else the header, made unique. */
export function planColumns(headers: string[], roles: ColumnRole[]): TypedColumn[] {
  const used = new Set<string>(['_row', 'month']);
  const cols: TypedColumn[] = [];
  const taken = new Set<ColumnRole>();
  // Canonical names first, so a text column called "month" cannot steal it.
  const pending: { i: number; name: string }[] = [];
  roles.forEach((role, i) => {
    if (role === 'ignore') return;
    const canon = CANONICAL[role];
    if (canon && !taken.has(role)) {
      taken.add(role);
      used.add(canon.toLowerCase());
      cols.push({ source: i, header: headers[i], role, name: canon, kind: ROLE_KIND[role] });
    } else pending.push({ i, name: headers[i] });
  });
  for (const { i, name } of pending) {
    let candidate = name;
    for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${name}_${k}`;
    used.add(candidate.toLowerCase());
    cols.push({ source: i, header: headers[i], role: roles[i], name: candidate, kind: ROLE_KIND[roles[i]] });
  }
  return cols.sort((a, b) => a.source - b.source);
}

const raw = (c: TypedColumn) => `c${c.source + 1}`;

function valueExpr(c: TypedColumn, numericText: Set<number>): string {
  const r = raw(c);
  switch (c.kind) {
    case 'id':
    case 'category':
    case 'text':
      return `clm_text(${r})`;
    case 'month':
      return `clm_month(${r})`;
    case 'date':
      return `clm_date(${r})`;
    case 'flag':
      return `clm_flag(${r})`;
    case 'number':
      // A generic 'number' column that has unparseable cells stays text rather than rejecting rows.
      return c.role === 'number' && numericText.has(c.source) ? `clm_text(${r})` : `clm_number(${r})`;
    default:
      throw new Error(`no value rule for ${c.kind}`);
  }
}

/** Row checks in order; the first failing one is the row's reject reason. */
function checks(cols: TypedColumn[], numericText: Set<number>): { cond: string; reason: string; column: string }[] {
  const out: { cond: string; reason: string; column: string }[] = [];
  for (const c of cols) {
    const r = raw(c);
    if (c.kind === 'id') out.push({ cond: `clm_text(${r}) IS NULL`, reason: 'missing-customer-id', column: c.header });
    if (c.kind === 'month' || c.kind === 'date') {
      const fn = c.kind === 'month' ? 'clm_month' : 'clm_date';
      out.push({ cond: `clm_text(${r}) IS NULL`, reason: c.kind === 'month' ? 'missing-month' : 'missing-date', column: c.header });
      out.push({ cond: `${fn}(${r}) IS NULL`, reason: c.kind === 'month' ? 'bad-month' : 'bad-date', column: c.header });
    }
    if (c.kind === 'number' && !(c.role === 'number' && numericText.has(c.source)))
      out.push({ cond: `NOT clm_number_ok(${r})`, reason: 'bad-number', column: c.header });
    if (c.kind === 'flag') out.push({ cond: `NOT clm_flag_ok(${r})`, reason: 'bad-flag', column: c.header });
  }
  return out;
}

/** SQL that finds which generic 'number' columns hold values that are not numbers (they stay text). */
export function numericCheckSql(rawTable: string, cols: TypedColumn[]): string | null {
  const generic = cols.filter((c) => c.role === 'number');
  if (generic.length === 0) return null;
  return `SELECT ${generic.map((c) => `bool_and(clm_number_ok(${raw(c)}))::INT AS ${quoteIdent('n' + c.source)}`).join(', ')} FROM ${rawTable}`;
}

/** CREATE statements for the typed table and the value-rejects table. */
export function typedSql(rawTable: string, typedTable: string, rejectsTable: string, cols: TypedColumn[], numericText: Set<number>, rawCount: number): string {
  const cks = checks(cols, numericText);
  const reason = cks.length
    ? `CASE ${cks.map((k, i) => `WHEN ${k.cond} THEN ${i}`).join(' ')} END`
    : 'NULL::INT';
  const select = cols.map((c) => `${valueExpr(c, numericText)} AS ${quoteIdent(c.name)}`);
  const hasMonthRole = cols.some((c) => c.kind === 'month');
  const dateCol = cols.find((c) => c.kind === 'date');
  if (!hasMonthRole && dateCol) select.push(`date_trunc('month', clm_date(${raw(dateCol)}))::DATE AS "month"`);
  const reasonsValues = cks.length
    ? `SELECT * FROM (VALUES ${cks.map((k, i) => `(${i}, ${quoteLiteral(k.reason)}, ${quoteLiteral(k.column)})`).join(', ')}) v(k, reason, col)`
    : `SELECT NULL::INT AS k, NULL::VARCHAR AS reason, NULL::VARCHAR AS col WHERE false`;
  return `
CREATE OR REPLACE TEMP TABLE _checked AS SELECT *, ${reason} AS _reject FROM ${rawTable};
CREATE OR REPLACE TABLE ${typedTable} AS SELECT _row, ${select.join(', ')} FROM _checked WHERE _reject IS NULL ORDER BY _row;
CREATE OR REPLACE TABLE ${rejectsTable} AS
  SELECT c._row, v.reason, v.col AS "column", concat_ws(' | ', ${Array.from({ length: rawCount }, (_, i) => `coalesce(c${i + 1}, '')`).join(', ')}) AS text
  FROM _checked c JOIN (${reasonsValues}) v ON c._reject = v.k;
DROP TABLE _checked;`;
}
