/**
 * Per-customer indicators around an anchor month, read from customer_window.sql column by column.
 * At 1.25 million customers, three windows as plain objects (~35 fields each) held ~1.5 GB of the
 * JavaScript heap per 220,000 customers and spent seconds in the garbage collector; here each
 * indicator is one typed array (numbers, with a mask for NULL) and a customer is a two-field view
 * onto them, so a window costs ~30 bytes per customer in the heap. What a reader sees is unchanged:
 * numbers or null where an input is missing.
 */
import { template, type SqlConnection } from '../db/sql.ts';
import windowSql from './sql/customer_window.sql?raw';
import { extraAliases, type ValueInputs } from './inputs.ts';
import { perMonthRowsAsTheyAre } from './monthRows.ts';

export interface CustomerWindow {
  readonly customerId: string;
  readonly tenure: number | null;
  /** The customer id is a 188 number. */
  readonly id188: boolean;
  /** Brand in the anchor month, the previous-brand column there, the brand in the oldest of the 6 months before. */
  readonly brandNow: string | null;
  readonly brandPrevious: string | null;
  readonly brandBefore: string | null;
  readonly rev3: number;
  readonly cost3: number | null;
  readonly disc3: number | null;
  readonly profitMean6: number;
  readonly months6: number;
  readonly revMean6: number;
  readonly revSd6: number | null;
  readonly revLast: number;
  readonly voiceMean6: number | null;
  readonly dataMean6: number | null;
  readonly smsMean6: number | null;
  readonly vasLast: number | null;
  readonly arrears3: number | null;
  readonly arrears6: number | null;
  readonly arrears12: number | null;
  readonly qBase: number | null;
  readonly pBase: number | null;
  readonly baseMonths: number;
  readonly pCur: number | null;
  readonly target: number | null;
  readonly targetMonths: number;
  readonly churnNow: boolean;
  readonly churnNext3: boolean;
  /** An extra column of inputs.ts by alias: a number averaged over the last 3 months, a flag in the anchor month. */
  extra(alias: string): number | boolean | null;
}

/** Number fields and their columns in customer_window.sql: null where the SQL gives NULL. */
const NULLABLE = {
  tenure: 'tenure',
  cost3: 'cost3',
  disc3: 'disc3',
  revSd6: 'rev_sd6',
  voiceMean6: 'voice_mean6',
  dataMean6: 'data_mean6',
  smsMean6: 'sms_mean6',
  vasLast: 'vas_last',
  arrears3: 'arrears3',
  arrears6: 'arrears6',
  arrears12: 'arrears12',
  qBase: 'q_base',
  pBase: 'p_base',
  pCur: 'p_cur',
  target: 'target'
} as const;
/** Number fields that are 0 where the SQL gives NULL (sums and means over months the customer has). */
const ZERO_IF_NULL = { rev3: 'rev3', profitMean6: 'profit_mean6', revMean6: 'rev_mean6', revLast: 'rev_last' } as const;
/** Counts: never NULL. */
const COUNTS = { months6: 'months6', baseMonths: 'base_months', targetMonths: 'target_months' } as const;
const FLAGS = { id188: 'id188', churnNow: 'churn_now', churnNext3: 'churn_next3' } as const;
const TEXTS = { brandNow: 'brand_now', brandPrevious: 'brand_previous', brandBefore: 'brand_before' } as const;
const COLUMNS = { ...NULLABLE, ...ZERO_IF_NULL, ...COUNTS, ...FLAGS, ...TEXTS };
export type WindowField = keyof typeof COLUMNS;
/** Every field of a window but the customer id and the extra columns. */
export const WINDOW_FIELDS = Object.keys(COLUMNS) as WindowField[];

/**
 * What the future-value model (future.ts) reads of its training and holdout windows: its features,
 * the target and the target's months. Those two windows are read with these fields only; DuckDB then
 * drops the other aggregates (brands, the 188 test, arrears over 3 and 12 months, the elasticity
 * base, the extra columns): 0.7 s instead of 4 s a window on the 5.26M-row bench panel.
 */
export const MODEL_FIELDS: readonly WindowField[] = [
  'tenure',
  'revMean6',
  'revLast',
  'voiceMean6',
  'dataMean6',
  'smsMean6',
  'vasLast',
  'arrears6',
  'target',
  'targetMonths'
];

/** A numeric column: values, and which are NULL (null when none is). */
interface Numbers {
  values: Float64Array;
  isNull: Uint8Array | null;
}

function numbers(column: ArrayLike<unknown>, n: number): Numbers {
  const values = new Float64Array(n);
  let isNull: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v == null) (isNull ??= new Uint8Array(n))[i] = 1;
    else values[i] = Number(v);
  }
  return { values, isNull };
}

/** Texts trimmed, blank as null; repeated values (brands) share one string. */
function texts(column: ArrayLike<unknown>, n: number): (string | null)[] {
  const seen = new Map<unknown, string | null>();
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    let s = seen.get(v);
    if (s === undefined) {
      s = v == null || String(v).trim() === '' ? null : String(v).trim();
      seen.set(v, s);
    }
    out[i] = s;
  }
  return out;
}

function flags(column: ArrayLike<unknown>, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = column[i] === true ? 1 : 0;
  return out;
}

/** Extra columns: flags stay booleans, anything else a number or null. */
function extras(column: ArrayLike<unknown>, n: number): { flags: Uint8Array | null; numbers: Numbers | null } {
  for (let i = 0; i < n; i++) {
    if (column[i] == null) continue;
    if (typeof column[i] === 'boolean') return { flags: flags(column, n), numbers: null };
    break;
  }
  return { flags: null, numbers: numbers(column, n) };
}

/** The columns of one window; `WindowRow` reads customer i from them. */
class WindowColumns {
  readonly ids: string[];
  /** Only some fields were read: the others throw rather than read as missing. */
  readonly partial: boolean;
  readonly extras = new Map<string, ReturnType<typeof extras>>();
  /**
   * Each field's column, by the field's place in WINDOW_FIELDS: the getters below run for every
   * customer and field, hundreds of millions of times at 1.24M customers, and an array slot is read
   * far faster than a Map entry by name. Undefined where the field was not read.
   */
  readonly byId: (Numbers | Uint8Array | (string | null)[] | undefined)[];

  constructor(n: number, columns: Record<string, ArrayLike<unknown>>, aliases: string[], fields: readonly WindowField[] | null) {
    const column = (name: string) => {
      const c = columns[name];
      if (!c) throw new Error(`customer_window.sql returned no column ${name}`);
      return c;
    };
    const ids = column('customer_id');
    this.ids = Array.from({ length: n }, (_, i) => String(ids[i]));
    this.partial = fields != null;
    this.byId = WINDOW_FIELDS.map((field) => {
      if (fields && !fields.includes(field)) return undefined;
      const c = column(COLUMNS[field]);
      return field in FLAGS ? flags(c, n) : field in TEXTS ? texts(c, n) : numbers(c, n);
    });
    for (const alias of aliases) this.extras.set(alias, extras(column(alias), n));
  }
}

/** Customer i of a window: its fields are getters onto the columns (defined once, below). */
class WindowRow {
  constructor(
    readonly columns: WindowColumns,
    readonly index: number
  ) {}

  get customerId(): string {
    return this.columns.ids[this.index];
  }

  extra(alias: string): number | boolean | null {
    if (this.columns.partial) throw new Error(`customer window: extra column ${alias} was not read`);
    const x = this.columns.extras.get(alias);
    if (!x) return null;
    if (x.flags) return x.flags[this.index] === 1;
    return x.numbers!.isNull?.[this.index] ? null : x.numbers!.values[this.index];
  }
}

/** A field's column; a field the window was not read with throws (a model reading more must say so in MODEL_FIELDS). */
function got<T>(row: WindowRow, id: number): T {
  const c = row.columns.byId[id];
  if (c === undefined) throw new Error(`customer window: field ${WINDOW_FIELDS[id]} was not read`);
  return c as T;
}

/** Defines a field's getter, made for the field's number. */
function define(field: string, make: (id: number) => (this: WindowRow) => unknown) {
  Object.defineProperty(WindowRow.prototype, field, {
    get: make(WINDOW_FIELDS.indexOf(field as WindowField)),
    enumerable: true,
    configurable: false
  });
}
for (const field of Object.keys(NULLABLE))
  define(
    field,
    (id) =>
      function (this: WindowRow) {
        const c = got<Numbers>(this, id);
        return c.isNull?.[this.index] ? null : c.values[this.index];
      }
  );
for (const field of [...Object.keys(ZERO_IF_NULL), ...Object.keys(COUNTS)])
  define(
    field,
    (id) =>
      function (this: WindowRow) {
        return got<Numbers>(this, id).values[this.index];
      }
  );
for (const field of Object.keys(FLAGS))
  define(
    field,
    (id) =>
      function (this: WindowRow) {
        return got<Uint8Array>(this, id)[this.index] === 1;
      }
  );
for (const field of Object.keys(TEXTS))
  define(
    field,
    (id) =>
      function (this: WindowRow) {
        return got<(string | null)[]>(this, id)[this.index];
      }
  );

export interface WindowRead {
  /** The load proved one row per (customer, month): the per-month sums are skipped (monthRows.ts). */
  oneRowPerCustomerMonth?: boolean;
  /** Only these fields (MODEL_FIELDS for the future-value model's windows); every field by default. */
  fields?: readonly WindowField[];
}

/**
 * Customers on the network in `anchor` (`YYYY-MM`), with their window indicators, in customer id
 * order; `baseLag` is how many months before the anchor the elasticity base window ends (default
 * 3: the 3 months before the last 3). Read as customer_window.sql says, with the per-month sums
 * skipped where the rows are one per (customer, month), and only `fields` where given: the same
 * customers, order and values either way.
 */
export async function customerWindows(
  conn: SqlConnection,
  inputs: ValueInputs,
  anchor: string,
  baseLag = 3,
  read: WindowRead = {}
): Promise<CustomerWindow[]> {
  let sql = template(windowSql, inputs.parts);
  if (read.oneRowPerCustomerMonth) sql = perMonthRowsAsTheyAre(sql);
  const fields = read.fields ?? null;
  if (fields) {
    const columns = fields.map((f) => COLUMNS[f]).join(', ');
    sql = `SELECT customer_id, ${columns} FROM (\n${sql.replace(/;\s*$/, '')}\n) w ORDER BY customer_id`;
  }
  const { numRows, columns } = await conn.columns(sql, [`${anchor}-01`, baseLag]);
  const aliases = fields ? [] : extraAliases(inputs);
  const table = new WindowColumns(numRows, columns, aliases, fields);
  return Array.from({ length: numRows }, (_, i) => new WindowRow(table, i) as unknown as CustomerWindow);
}
