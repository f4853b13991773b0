/**
 * Builds the typed dataset from the raw all-VARCHAR table according to the column roles, and the
 * table of value-level rejects. Each role has one parse rule (macros in ingest/sql/values.sql);
 * a row is rejected when its customer id or time is missing or a mapped value cannot be parsed.
 */
import type { ColumnRole } from '../contract.ts';
import { quoteIdent, quoteLiteral } from '../db/sql.ts';

/** How a column is parsed (macros in ingest/sql/values.sql); `ignore` is not loaded. */
export type Kind = 'id' | 'month' | 'date' | 'number' | 'flag' | 'category' | 'text' | 'ignore';

/**
 * The one role → kind table. `status` is a category, not a yes/no flag: status columns hold states
 * such as 在网 / 停机 / 离网 or Active / Suspended / Closed, which a flag parser would reject.
 */
export const ROLE_KIND: Readonly<Record<ColumnRole, Kind>> = {
  customerId: 'id', month: 'month', date: 'date',
  revenue: 'number', amount: 'number', quantity: 'number', cost: 'number', discount: 'number',
  voiceMinutes: 'number', dataMb: 'number', sms: 'number', vasCount: 'number', arrears: 'number',
  tenure: 'number', number: 'number',
  churn: 'flag',
  status: 'category', region: 'category', customerType: 'category', industry: 'category', plan: 'category',
  text: 'text', ignore: 'ignore',
  offerEnd: 'date', churnReason: 'text', contact: 'text', dataRevenue: 'number'
};

/** The column name a role gets in the typed table, so analysis SQL can rely on it. */
export const CANONICAL: Partial<Record<ColumnRole, string>> = {
  customerId: 'customer_id', month: 'month', date: 'date', revenue: 'revenue', amount: 'amount',
  quantity: 'quantity', cost: 'cost', discount: 'discount', voiceMinutes: 'voice_minutes',
  dataMb: 'data_mb', sms: 'sms', vasCount: 'vas_count', arrears: 'arrears', tenure: 'tenure',
  churn: 'churn', status: 'status', region: 'region', customerType: 'customer_type',
  industry: 'industry', plan: 'plan',
  offerEnd: 'offer_end', churnReason: 'churn_reason', contact: 'contact', dataRevenue: 'data_revenue'
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

/**
 * Fixed-width date/month shapes read with plain string slicing. A column whose cells all have one
 * of these shapes skips the general parsers in values.sql (~0.3 s per million cells, and failed
 * try_strptime calls are far slower in wasm). Only the shape of the column's first value is probed.
 */
export const FAST_FORMATS = [
  { id: 'yyyymm', re: '(19|20)\\d\\d(0[1-9]|1[0-2])', length: 6, day: false, y: 1, m: 5, d: 0 },
  { id: 'yyyy_mm', re: '(19|20)\\d\\d[-/](0[1-9]|1[0-2])', length: 7, day: false, y: 1, m: 6, d: 0 },
  { id: 'yyyymmdd', re: '(19|20)\\d\\d(0[1-9]|1[0-2])\\d\\d', length: 8, day: true, y: 1, m: 5, d: 7 },
  { id: 'yyyy_mm_dd', re: '(19|20)\\d\\d[-/](0[1-9]|1[0-2])[-/]\\d\\d', length: 10, day: true, y: 1, m: 6, d: 9 }
] as const;
type FastFormat = (typeof FAST_FORMATS)[number];

/** The fast shape matching a sample value, if any (same test as the SQL probe's regex). */
export function fastFormatOf(value: string | undefined): FastFormat | undefined {
  if (!value) return undefined;
  return FAST_FORMATS.find((f) => value.length === f.length && new RegExp(`^${f.re}$`).test(value));
}

/** The DATE expression for a cell of a fast shape; NULL for an impossible day (Feb 30). */
function fastDate(r: string, f: FastFormat): string {
  if (!f.day) return `make_date(${r}[${f.y}:${f.y + 3}]::INT, ${r}[${f.m}:${f.m + 1}]::INT, 1)`;
  return `try_cast(${r}[${f.y}:${f.y + 3}] || '-' || ${r}[${f.m}:${f.m + 1}] || '-' || ${r}[${f.d}:${f.d + 1}] AS DATE)`;
}

const BLANK_MARKERS = `('null', 'na', 'n/a', '#n/a', 'nan', 'none', '\\n', '-', '--', '—', '–')`;

/** How each column is read: a fast path when the whole column is clean, else the general parser. */
export type ColumnReading =
  | { fast: true; format?: FastFormat }
  | { fast: false; asText?: boolean };

/**
 * One scan that tells, per column, whether every cell is already in the simple form for its kind
 * (plain numbers, 0/1 flags, untrimmed-free text, one fixed date format). The result feeds readings().
 */
export function probeSql(rawTable: string, cols: TypedColumn[], firstValues: (string | undefined)[]): string | null {
  const parts: string[] = [];
  for (const c of cols) {
    const r = raw(c);
    const n = `p${c.source}`;
    switch (c.kind) {
      case 'id':
      case 'category':
      case 'text':
        parts.push(`count(*) FILTER (WHERE NOT clm_edges_clean(${r}) OR (length(${r}) <= 4 AND lower(${r}) IN ${BLANK_MARKERS})) AS ${n}`);
        break;
      case 'number':
        parts.push(`count(*) FILTER (WHERE NOT isfinite(try_cast(${r} AS DOUBLE))) + count(${r}) - count(try_cast(${r} AS DOUBLE)) AS ${n}`);
        break;
      case 'flag':
        parts.push(`count(*) FILTER (WHERE ${r} NOT IN ('0', '1')) AS ${n}`);
        break;
      case 'month':
      case 'date':
      {
        const f = fastFormatOf(firstValues[c.source]);
        if (!f || (c.kind === 'date' && !f.day)) break;
        // CASE, not AND: DuckDB evaluates both sides of AND, and slicing a non-date would fail.
        parts.push(`count(*) FILTER (WHERE ${r} IS NOT NULL AND CASE WHEN regexp_full_match(${r}, '${f.re}')
          THEN ${fastDate(r, f)} IS NULL ELSE true END) AS ${n}_${f.id}`);
        break;
      }
    }
  }
  return parts.length ? `SELECT ${parts.join(',\n  ')} FROM ${rawTable}` : null;
}

/** Turns the probe's counts into a reading per column (by source index). */
export function readings(cols: TypedColumn[], probe: Record<string, unknown>): Map<number, ColumnReading> {
  const out = new Map<number, ColumnReading>();
  for (const c of cols) {
    if (c.kind === 'month' || c.kind === 'date') {
      const format = FAST_FORMATS.find((f) => probe[`p${c.source}_${f.id}`] != null && Number(probe[`p${c.source}_${f.id}`]) === 0);
      out.set(c.source, format ? { fast: true, format } : { fast: false });
    } else if (c.kind !== 'ignore') {
      out.set(c.source, Number(probe[`p${c.source}`]) === 0 ? { fast: true } : { fast: false });
    }
  }
  return out;
}

/** SQL that finds which dirty generic 'number' columns hold values that are not numbers (they stay text). */
export function numericCheckSql(rawTable: string, cols: TypedColumn[], read: Map<number, ColumnReading>): string | null {
  const generic = cols.filter((c) => c.role === 'number' && !read.get(c.source)?.fast);
  if (generic.length === 0) return null;
  return `SELECT ${generic.map((c) => `bool_and(clm_number_ok(${raw(c)}))::INT AS ${quoteIdent('n' + c.source)}`).join(', ')} FROM ${rawTable}`;
}

interface Plan {
  value: string;
  checks: { cond: string; reason: string }[];
}

/** The value expression and the row checks of one column, given how it reads. */
function plan(c: TypedColumn, reading: ColumnReading | undefined): Plan {
  const r = raw(c);
  const fast = reading?.fast === true;
  switch (c.kind) {
    case 'id':
    case 'category':
    case 'text': {
      const value = fast ? r : `clm_text(${r})`;
      return { value, checks: c.kind === 'id' ? [{ cond: `${value} IS NULL`, reason: 'missing-customer-id' }] : [] };
    }
    case 'number':
      if (fast) return { value: `try_cast(${r} AS DOUBLE)`, checks: [] };
      if (reading && !reading.fast && reading.asText) return { value: `clm_text(${r})`, checks: [] };
      return { value: `clm_number(${r})`, checks: [{ cond: `NOT clm_number_ok(${r})`, reason: 'bad-number' }] };
    case 'flag':
      return fast
        ? { value: `(${r} = '1')`, checks: [] }
        : { value: `clm_flag(${r})`, checks: [{ cond: `NOT clm_flag_ok(${r})`, reason: 'bad-flag' }] };
    case 'month':
    case 'date': {
      const missing = c.kind === 'month' ? 'missing-month' : 'missing-date';
      const bad = c.kind === 'month' ? 'bad-month' : 'bad-date';
      if (fast && reading.format) {
        const parsed = fastDate(r, reading.format);
        return { value: c.kind === 'month' && reading.format.day ? `date_trunc('month', ${parsed})::DATE` : parsed, checks: [{ cond: `${r} IS NULL`, reason: missing }] };
      }
      return {
        value: c.kind === 'month' ? `clm_month(${r})` : `clm_date(${r})`,
        checks: [
          { cond: `clm_text(${r}) IS NULL`, reason: missing },
          { cond: `${c.kind === 'month' ? 'clm_month' : 'clm_date'}(${r}) IS NULL`, reason: bad }
        ]
      };
    }
    default:
      throw new Error(`no value rule for ${c.kind}`);
  }
}

/**
 * CREATE statements for the typed table and the value-rejects table. The first failing check of a
 * row is its reject reason; loaded rows keep the raw table's order.
 */
export function typedSql(
  rawTable: string, typedTable: string, rejectsTable: string, cols: TypedColumn[],
  read: Map<number, ColumnReading>, rawCount: number
): string {
  const plans = cols.map((c) => ({ c, p: plan(c, read.get(c.source)) }));
  const cks = plans.flatMap(({ c, p }) => p.checks.map((k) => ({ ...k, column: c.header })));
  const reason = cks.length ? `CASE ${cks.map((k, i) => `WHEN ${k.cond} THEN ${i}`).join(' ')} END` : 'NULL::INT';
  const select = plans.map(({ c, p }) => `${p.value} AS ${quoteIdent(c.name)}`);
  const hasMonthRole = cols.some((c) => c.kind === 'month');
  const datePlan = plans.find(({ c }) => c.kind === 'date');
  if (!hasMonthRole && datePlan) select.push(`date_trunc('month', ${datePlan.p.value})::DATE AS "month"`);
  const reasonsValues = cks.length
    ? `(VALUES ${cks.map((k, i) => `(${i}, ${quoteLiteral(k.reason)}, ${quoteLiteral(k.column)})`).join(', ')}) v(k, reason, col)`
    : `(SELECT NULL::INT AS k, NULL::VARCHAR AS reason, NULL::VARCHAR AS col WHERE false) v`;
  const text = `concat_ws(' | ', ${Array.from({ length: rawCount }, (_, i) => `coalesce(c${i + 1}, '')`).join(', ')})`;
  return `
CREATE OR REPLACE TABLE ${typedTable} AS SELECT _row, ${select.join(', ')} FROM ${rawTable} WHERE (${reason}) IS NULL;
CREATE OR REPLACE TABLE ${rejectsTable} AS
  SELECT x._row, v.reason, v.col AS "column", x.text
  FROM (SELECT _row, ${reason} AS k, ${text} AS text FROM ${rawTable} WHERE (${reason}) IS NOT NULL) x
  JOIN ${reasonsValues} ON x.k = v.k;`;
}
