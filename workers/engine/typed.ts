/**
 * How each column of a file becomes a typed column of the dataset table, in the one query that reads
 * the file. Every role has one parse rule (macros in ingest/sql/values.sql). Columns whose sample is
 * clean are cast by DuckDB's reader itself (DOUBLE, BOOLEAN): a cell it cannot cast rejects its
 * record with the line number, and only those records go through the general parsers afterwards
 * (ingest/read.ts, "second chance"). Other columns are read as text and parsed in the same query,
 * cheap common shapes first. A row is rejected when its customer id or time is missing or a mapped
 * value cannot be parsed: the query marks it in `_bad` with the code of the first failing check.
 */
import type { ColumnRole } from '../contract.ts';
import { quoteIdent } from '../db/sql.ts';

/** How a column is parsed (macros in ingest/sql/values.sql); `ignore` is not loaded. */
export type Kind = 'id' | 'month' | 'date' | 'number' | 'flag' | 'category' | 'text' | 'ignore';

/**
 * The one role → kind table. `status` is a category, not a yes/no flag: status columns hold states
 * such as 在网 / 停机 / 离网 or Active / Suspended / Closed, which a flag parser would reject.
 */
export const ROLE_KIND: Readonly<Record<ColumnRole, Kind>> = {
  customerId: 'id',
  month: 'month',
  date: 'date',
  revenue: 'number',
  amount: 'number',
  quantity: 'number',
  cost: 'number',
  discount: 'number',
  voiceMinutes: 'number',
  dataMb: 'number',
  sms: 'number',
  vasCount: 'number',
  arrears: 'number',
  tenure: 'number',
  number: 'number',
  churn: 'flag',
  status: 'category',
  region: 'category',
  customerType: 'category',
  industry: 'category',
  plan: 'category',
  brand: 'category',
  previousBrand: 'category',
  text: 'text',
  ignore: 'ignore',
  offerEnd: 'date',
  churnReason: 'text',
  contact: 'text',
  dataRevenue: 'number'
};

/** The column name a role gets in the typed table, so analysis SQL can rely on it. */
export const CANONICAL: Partial<Record<ColumnRole, string>> = {
  customerId: 'customer_id',
  month: 'month',
  date: 'date',
  revenue: 'revenue',
  amount: 'amount',
  quantity: 'quantity',
  cost: 'cost',
  discount: 'discount',
  voiceMinutes: 'voice_minutes',
  dataMb: 'data_mb',
  sms: 'sms',
  vasCount: 'vas_count',
  arrears: 'arrears',
  tenure: 'tenure',
  churn: 'churn',
  status: 'status',
  region: 'region',
  customerType: 'customer_type',
  industry: 'industry',
  plan: 'plan',
  brand: 'brand',
  previousBrand: 'previous_brand',
  offerEnd: 'offer_end',
  churnReason: 'churn_reason',
  contact: 'contact',
  dataRevenue: 'data_revenue'
};

export interface TypedColumn {
  /** Index of the column in the file (c1..cN is source + 1). */
  source: number;
  header: string;
  role: ColumnRole;
  /** Name in the typed table. */
  name: string;
  kind: Kind;
  /** Factor the parsed value is multiplied by (a data column in GB is stored in MB: 1024). */
  scale?: number;
}

/** A data-volume header that states gigabytes: 上网流量(GB), data_gb, 流量（G）. */
const GIGABYTES = /(^|[^a-z])g(b|ib)?($|[^a-z])|千兆|吉字节/i;

/** The unit factor of a column: data in GB is converted to MB, the unit the data role means. */
export function unitScale(header: string, role: ColumnRole): number | undefined {
  if (role !== 'dataMb') return undefined;
  const unit = header.normalize('NFKC').match(/[([]([^)\]]*)[)\]]|[_\s-]([a-z]+)$/i);
  const text = unit ? (unit[1] ?? unit[2]) : '';
  return GIGABYTES.test(text) ? 1024 : undefined;
}

/** Assigns typed-table names: a role's canonical name for its first column, else the header, made unique. */
export function planColumns(headers: string[], roles: ColumnRole[]): TypedColumn[] {
  const used = new Set<string>(['_row', '_bad', 'month']);
  const cols: TypedColumn[] = [];
  const taken = new Set<ColumnRole>();
  const add = (i: number, name: string) => {
    const scale = unitScale(headers[i], roles[i]);
    cols.push({ source: i, header: headers[i], role: roles[i], name, kind: ROLE_KIND[roles[i]], ...(scale ? { scale } : {}) });
  };
  // Canonical names first, so a text column called "month" cannot steal it.
  const pending: { i: number; name: string }[] = [];
  roles.forEach((role, i) => {
    if (role === 'ignore') return;
    const canon = CANONICAL[role];
    if (canon && !taken.has(role)) {
      taken.add(role);
      used.add(canon.toLowerCase());
      add(i, canon);
    } else pending.push({ i, name: headers[i] });
  });
  for (const { i, name } of pending) {
    let candidate = name;
    for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${name}_${k}`;
    used.add(candidate.toLowerCase());
    add(i, candidate);
  }
  return cols.sort((a, b) => a.source - b.source);
}

/** How a column's cells arrive in the query: as DuckDB's reader cast them, or as text. */
/** 'NUMERIC': a number as stored in a typed file (Parquet), for month and flag columns. */
export type ReadAs = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'NUMERIC';

/**
 * Numbers DuckDB's DOUBLE cast reads exactly as clm_number does (both end in the same cast), and
 * flags its BOOLEAN cast reads as clm_flag does. Anything else in a sample sends the column through
 * the general parser: correct either way, this only picks the fast path.
 */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PLAIN_FLAG = /^(0|1|true|false|t|f|yes|no|y|n)$/i;
const BLANK_MARKER = /^(|null|na|n\/a|#n\/a|nan|none|\\n|-|--|—|–)$/i;

/**
 * Month and date shapes DuckDB's reader parses straight to a DATE with a `dateformat`. A cell it
 * cannot parse rejects its record, which the general parser then reads (second chance). What the
 * format still takes that clm_date would not (20241 as January 2024 rather than an Excel day number)
 * is the price of not reading the column as text.
 */
const DATE_SHAPES: { re: RegExp; format: string; day: boolean }[] = [
  { re: /^(19|20)\d\d(0[1-9]|1[0-2])$/, format: '%Y%m', day: false },
  { re: /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/, format: '%Y%m%d', day: true },
  { re: /^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, format: '%Y-%m-%d', day: true }
];

/** How a column is read, given non-empty sample cells of it (raw text as in the file). */
export function readAsFor(c: TypedColumn, sample: string[]): Pick<ColumnRead, 'readAs' | 'dateFormat'> {
  const cells = sample.filter((v) => !BLANK_MARKER.test(v));
  if (cells.length === 0) return { readAs: 'VARCHAR' };
  if (c.kind === 'number' && cells.every((v) => PLAIN_NUMBER.test(v))) return { readAs: 'DOUBLE' };
  if (c.kind === 'flag' && cells.every((v) => PLAIN_FLAG.test(v))) return { readAs: 'BOOLEAN' };
  if (c.kind === 'month' || c.kind === 'date') {
    const shape = DATE_SHAPES.find((d) => cells.every((v) => d.re.test(v)));
    if (shape && (c.kind === 'month' || shape.day)) return { readAs: 'DATE', dateFormat: shape.format };
  }
  return { readAs: 'VARCHAR' };
}

/** A reject reason with the column it concerns (null for row-level reasons). */
export interface RejectCode {
  reason: string;
  column: string | null;
}

/** One column as the reading query sees it. */
export interface ColumnRead {
  col: TypedColumn;
  readAs: ReadAs;
  /** The cell as it arrives (e.g. `c3`, `fields[3]`). */
  src: string;
  /** The reader's `dateformat` for a column read as DATE from text (Parquet dates need none). */
  dateFormat?: string;
  /**
   * A generic number column read as text is kept as text until read.ts has seen every value; when
   * its cells arrive one by one (second chance of a column the reader cast), each must be a number.
   */
  strict?: boolean;
  /**
   * A text month column whose every non-empty cell was found to be YYYYMM (yyyymmSql): its value
   * is the arithmetic alone. With clm_month's fallback in the expression, DuckDB's ALTER TYPE took
   * 5x as long even when no cell reached it (2.4 s against 0.45 s at 5M rows).
   */
  allYyyymm?: boolean;
}

/** Reject codes shared by every query that fills one dataset table (`_bad` holds the index). */
export class CodeBook {
  readonly codes: RejectCode[] = [];
  code(reason: string, column: string | null): number {
    let i = this.codes.findIndex((k) => k.reason === reason && k.column === column);
    if (i < 0) i = this.codes.push({ reason, column }) - 1;
    return i;
  }
}

interface Test {
  /** Condition over the value (by its name) and the raw cell (`_r<source>`). */
  when: string;
  /** Code (index into the codes list) or a CASE choosing one. */
  then: string;
}

const ident = (c: TypedColumn) => quoteIdent(c.name);
const rawRef = (c: TypedColumn) => `_r${c.source}`;

/**
 * A text month: the fast shape (YYYYMM, see yyyymm) by integer arithmetic on its number, else
 * clm_month; exactly clm_month's value for the cells the fast branch takes (values.test.ts). Slicing
 * the text (or strptime) cost 2-4x as much, 15 s of a 30M-row load. `allYyyymm`: every cell was
 * found to have the fast shape, so the arithmetic alone (ColumnRead.allYyyymm).
 */
export function monthValue(s: string, allYyyymm = false): string {
  const n = `try_cast(${s} AS INTEGER)`;
  const date = `make_date((${n} // 100)::INTEGER, (${n} % 100)::INTEGER, 1)`;
  return allYyyymm ? date : `CASE WHEN ${yyyymm(s)} THEN ${date} ELSE clm_month(${s}) END`;
}

/** The cell is a YYYYMM month (1900-01 to 2099-12): the first digits' range and the month's rule out any other number. */
const yyyymm = (s: string) =>
  `length(${s}) = 6 AND ${s} BETWEEN '190001' AND '209912' AND try_cast(${s} AS INTEGER) % 100 BETWEEN 1 AND 12`;

/** One row, `all_yyyymm`: whether every non-NULL cell of `src` in `table` is YYYYMM. */
export const yyyymmSql = (src: string, table: string) =>
  `SELECT count(*) FILTER (WHERE NOT coalesce(${yyyymm(src)}, false)) = 0 AS all_yyyymm FROM ${table} WHERE ${src} IS NOT NULL`;

const scaled = (expr: string, c: TypedColumn) => (c.scale ? `(${expr}) * ${c.scale}` : expr);

/**
 * Value expression, whether the raw cell is needed by a test, and the tests of one column. The tests
 * name the value and the raw cell by `refs`: the projection's aliases by default, or the expressions
 * themselves when the tests run over a table already holding the cells (badUpdateSql).
 */
function columnSql(
  r: ColumnRead,
  book: CodeBook,
  refs?: { value: string; raw: string }
): { value: string; needsRaw: boolean; tests: Test[] } {
  const code = (reason: string, column: string | null) => book.code(reason, column);
  const { col: c, readAs, src } = r;
  const v = refs?.value ?? ident(c);
  const raw = refs?.raw ?? rawRef(c);
  // A cell that fails because of a NUL byte or a lone carriage return (made U+001A) says so.
  const bad = (reason: string) =>
    `CASE WHEN contains(${raw}, chr(0)) OR contains(${raw}, chr(26)) THEN ${code('control-character', c.header)} ELSE ${code(reason, c.header)} END`;
  const timeTests = (missing: string, wrong: string): Test[] =>
    readAs === 'DATE'
      ? // A stored date is missing or out of the years the text parsers accept (1900–2099).
        [
          { when: `${v} IS NULL`, then: String(code(missing, c.header)) },
          { when: `NOT (year(${v}) BETWEEN 1900 AND 2099)`, then: String(code(wrong, c.header)) }
        ]
      : [{ when: `${v} IS NULL`, then: `CASE WHEN clm_is_blank(${raw}) THEN ${code(missing, c.header)} ELSE ${bad(wrong)} END` }];
  switch (c.kind) {
    case 'id':
      return { value: src, needsRaw: false, tests: [{ when: `${v} IS NULL`, then: String(code('missing-customer-id', c.header)) }] };
    case 'category':
    case 'text':
      return { value: src, needsRaw: false, tests: [] };
    case 'number':
      // Cast by the reader: NaN and infinities are caught by one test over all such columns (projectionSql).
      if (readAs === 'DOUBLE') return { value: scaled(src, c), needsRaw: false, tests: [] };
      // A generic number column read as text stays text until every value is known to be a number (read.ts).
      if (c.role === 'number' && !r.strict) return { value: src, needsRaw: false, tests: [] };
      return {
        value: scaled(`clm_number(${src})`, c),
        needsRaw: true,
        tests: [{ when: `${v} IS NULL AND NOT clm_is_blank(${raw})`, then: bad('bad-number') }]
      };
    case 'flag':
      if (readAs === 'BOOLEAN') return { value: src, needsRaw: false, tests: [] };
      // 1 and 0 stored as numbers: what clm_flag reads from their text; anything else is not a flag.
      if (readAs === 'NUMERIC')
        return {
          value: `CASE ${src} WHEN 1 THEN true WHEN 0 THEN false END`,
          needsRaw: true,
          tests: [{ when: `${v} IS NULL AND ${raw} IS NOT NULL`, then: String(code('bad-flag', c.header)) }]
        };
      return {
        value: `CASE ${src} WHEN '1' THEN true WHEN '0' THEN false ELSE clm_flag(${src}) END`,
        needsRaw: true,
        tests: [{ when: `${v} IS NULL AND NOT clm_is_blank(${raw})`, then: bad('bad-flag') }]
      };
    case 'month':
      // A month stored as a number (Parquet written from a CSV): read from its value as clm_month reads
      // the digits of an integer (YYYYMM, YYYYMMDD, an Excel day number); a fraction is not a month.
      if (readAs === 'NUMERIC') {
        return {
          value: `CASE WHEN ${src} <> floor(${src}) THEN NULL
            WHEN ${src} BETWEEN 190001 AND 209912 THEN CASE WHEN ${src} % 100 BETWEEN 1 AND 12 THEN make_date((${src} // 100)::INTEGER, (${src} % 100)::INTEGER, 1) END
            WHEN ${src} BETWEEN 19000101 AND 20991231 THEN date_trunc('month', try_strptime(${src}::BIGINT::VARCHAR, '%Y%m%d'))::DATE
            WHEN ${src} BETWEEN 20000 AND 79999 THEN date_trunc('month', DATE '1899-12-30' + ${src}::INTEGER)::DATE END`,
          needsRaw: true,
          tests: [
            {
              when: `${v} IS NULL`,
              then: `CASE WHEN ${raw} IS NULL THEN ${code('missing-month', c.header)} ELSE ${code('bad-month', c.header)} END`
            }
          ]
        };
      }
      if (readAs === 'DATE')
        return {
          value: r.dateFormat === '%Y%m' ? src : `date_trunc('month', ${src})::DATE`,
          needsRaw: false,
          tests: timeTests('missing-month', 'bad-month')
        };
      return { value: monthValue(src, r.allYyyymm), needsRaw: true, tests: timeTests('missing-month', 'bad-month') };
    case 'date':
      if (readAs === 'DATE') return { value: src, needsRaw: false, tests: timeTests('missing-date', 'bad-date') };
      return { value: `clm_date(${src})`, needsRaw: true, tests: timeTests('missing-date', 'bad-date') };
    default:
      throw new Error(`no value rule for ${c.kind}`);
  }
}

/** a + b + … as a balanced tree: a chain of a thousand columns would pass DuckDB's expression depth limit. */
function sumOf(terms: string[]): string {
  if (terms.length === 1) return terms[0];
  const half = terms.length >> 1;
  return `(${sumOf(terms.slice(0, half))} + ${sumOf(terms.slice(half))})`;
}

/**
 * For a table whose columns still hold the cells as stored (a Parquet file inserted as it was read,
 * columns named by their source: `src` of each read): the `_bad` of every row by the same tests as
 * projectionSql, written only where a test fails, then each column converted to its value in place
 * and renamed. One pass over the table instead of a copy of it.
 */
export function typeInPlaceSql(reads: ColumnRead[], book: CodeBook, table: string): string[] {
  const valueOf = (r: ColumnRead) => columnSql(r, book).value;
  const parts = reads.map((r) => ({ r, value: valueOf(r) }));
  const tests = parts.flatMap(({ r, value }) => columnSql(r, book, { value: `(${value})`, raw: r.src }).tests);
  const cast = parts.filter(({ r }) => r.col.kind === 'number' && r.readAs === 'DOUBLE');
  if (cast.length)
    tests.push({
      when: `NOT isfinite(${sumOf(cast.map(({ value }) => `coalesce(${value}, 0)`))})`,
      then: String(book.code('non-finite', null))
    });
  const bad = tests.length ? `CASE ${tests.map((t) => `WHEN ${t.when} THEN ${t.then}`).join(' ')} END::SMALLINT` : 'NULL::SMALLINT';
  const sql = [`ALTER TABLE ${table} ADD COLUMN _bad SMALLINT`];
  if (tests.length) sql.push(`UPDATE ${table} SET _bad = ${bad} WHERE (${bad}) IS NOT NULL`);
  for (const { r, value } of parts) {
    if (value !== r.src) sql.push(`ALTER TABLE ${table} ALTER ${r.src} SET DATA TYPE ${typeOf(r)} USING (${value})`);
    sql.push(`ALTER TABLE ${table} RENAME COLUMN ${r.src} TO ${ident(r.col)}`);
  }
  const date = reads.find((r) => r.col.kind === 'date');
  if (!reads.some((r) => r.col.kind === 'month') && date) {
    sql.push(`ALTER TABLE ${table} ADD COLUMN "month" DATE`, `UPDATE ${table} SET "month" = date_trunc('month', ${ident(date.col)})::DATE`);
  }
  return sql;
}

/** The SQL type of a column's value (a generic number read as text stays text until settled). */
function typeOf(r: ColumnRead): string {
  switch (r.col.kind) {
    case 'number':
      return r.readAs === 'VARCHAR' && r.col.role === 'number' && !r.strict ? 'VARCHAR' : 'DOUBLE';
    case 'flag':
      return 'BOOLEAN';
    case 'month':
    case 'date':
      return 'DATE';
    default:
      return 'VARCHAR';
  }
}

const castNumbers = (reads: ColumnRead[]) => reads.filter((r) => r.col.kind === 'number' && r.readAs === 'DOUBLE');
const notFinite = (cast: ColumnRead[]) => `NOT isfinite(${sumOf(cast.map((r) => `coalesce(${ident(r.col)}, 0)`))})`;

/**
 * An aggregate that is false when a column the reader cast holds a NaN or an infinity: a column's
 * sum is not finite then (a sum that merely overflows sends the table to the row test, which lets
 * such rows pass). Null when no column was cast.
 */
export function finiteSums(reads: ColumnRead[]): string | null {
  const cast = castNumbers(reads);
  if (!cast.length) return null;
  return cast.map((r) => `coalesce(isfinite(sum(${ident(r.col)})), true)`).join(' AND ');
}

/** After finiteSums said no: marks the rows with a non-finite cell, unless a test failed before. */
export function markNonFiniteSql(reads: ColumnRead[], book: CodeBook, table: string): string {
  return `UPDATE ${table} SET _bad = ${book.code('non-finite', null)} WHERE _bad IS NULL AND ${notFinite(castNumbers(reads))}`;
}

/**
 * For rows the non-finite test caught: NaN cells become empty (clm_number reads 'nan' as a blank),
 * a row with an infinity is rejected as not a number in that column, and a row whose sum only
 * overflowed is good. SET expressions read the old values, so `_bad` sees the infinities.
 */
export function nonFiniteSql(reads: ColumnRead[], book: CodeBook, table: string): string | null {
  const cast = reads.filter((r) => r.col.kind === 'number' && r.readAs === 'DOUBLE');
  if (!cast.length) return null;
  const sets = cast.map((r) => `${ident(r.col)} = CASE WHEN isnan(${ident(r.col)}) THEN NULL ELSE ${ident(r.col)} END`);
  const bad = `CASE ${cast.map((r) => `WHEN isinf(${ident(r.col)}) THEN ${book.code('bad-number', r.col.header)}`).join(' ')} END`;
  return `UPDATE ${table} SET ${sets.join(', ')}, _bad = ${bad} WHERE _bad = ${book.code('non-finite', null)}`;
}

/**
 * The query that turns the cells of `from` into the dataset's typed rows. `row` is the expression of
 * `_row` (e.g. `row_number() OVER ()`); `_bad` is NULL for a good row, else the code of the first
 * failing test (`blank`, when given, is tested first: a one-column file's blank lines arrive as rows).
 * `carry` names columns of `from` passed through (e.g. a line number the caller drops later).
 * A transaction log (a date and no month) also gets its month.
 */
export function projectionSql(
  reads: ColumnRead[],
  book: CodeBook,
  from: string,
  row: string,
  options: { blank?: string; carry?: string[]; finiteLater?: boolean } = {}
): string {
  const { blank, carry = [], finiteLater = false } = options;
  const parts = reads.map((r) => ({ r, ...columnSql(r, book) }));
  const inner = parts.map((p) => `${p.value} AS ${ident(p.r.col)}`);
  const raws = parts.filter((p) => p.needsRaw).map((p) => `${p.r.src} AS ${rawRef(p.r.col)}`);
  const tests = parts.flatMap((p) => p.tests);
  if (blank) {
    raws.push(`(${blank}) AS _blank`);
    tests.unshift({ when: '_blank', then: String(book.code('blank-line', null)) });
  }
  // The reader casts 'inf' and spellings of NaN it was not told are blank. One sum over the columns
  // it cast is finite for every ordinary row (NULL counts as 0); the few others are sorted out by
  // nonFiniteSql afterwards. Cheaper than a test per column on every row. `finiteLater`: the caller
  // tests the whole table at once instead (finiteSums), which costs less than a test per row.
  const cast = finiteLater ? [] : castNumbers(reads);
  if (cast.length) tests.push({ when: notFinite(cast), then: String(book.code('non-finite', null)) });
  const bad = tests.length ? `CASE ${tests.map((t) => `WHEN ${t.when} THEN ${t.then}`).join(' ')} END::SMALLINT` : 'NULL::SMALLINT';
  const hasMonth = reads.some((r) => r.col.kind === 'month');
  const date = reads.find((r) => r.col.kind === 'date');
  const month = !hasMonth && date ? `, date_trunc('month', ${ident(date.col)})::DATE AS "month"` : '';
  const excluded = [...parts.filter((p) => p.needsRaw).map((p) => rawRef(p.r.col)), ...(blank ? ['_blank'] : [])];
  const exclude = excluded.length ? ` EXCLUDE (${excluded.join(', ')})` : '';
  return `SELECT *${exclude}${month}, ${bad} AS _bad FROM (
  SELECT ${row} AS _row${inner.length ? ', ' + inner.join(', ') : ''}${raws.length ? ', ' + raws.join(', ') : ''}${carry.map((c) => ', ' + c).join('')}
  FROM ${from})`;
}
