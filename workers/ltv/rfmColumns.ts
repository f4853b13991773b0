/**
 * The RFM summary and the tracking counts (sql/rfm.sql, one query) read column by column. Reading
 * 500,000 rows as row objects (`SqlConnection.all`) costs about 1.5–2 s of CPU; the same columns
 * (`SqlConnection.columns`) cost about 0.2 s. Used by api.ts `rfmRows` for the LTV tab.
 */
import type { SqlConnection } from '../db/sql.ts';
import type { LtvRfmRow } from './contract.ts';

/** What rfm.sql returns, split into its two parts. */
export interface RfmQueryResult {
  /** One row per customer, ordered by first purchase and ID. */
  rows: LtvRfmRow[];
  /** Each row's first-purchase offset in days from the earliest first purchase (the tracking chart). */
  firstOffsets: number[];
  /** Repeat transactions per time unit from the earliest first purchase; units without any are absent. */
  repeatsByPeriod: Map<number, number>;
}

/**
 * Runs the RFM query with its parameters and splits its rows: customers (customerId set) come
 * first, then the tracking counts (customerId NULL).
 * @throws Error when the result lacks a column of rfm.sql
 */
export async function queryRfmRows(conn: SqlConnection, sql: string, params: unknown[]): Promise<RfmQueryResult> {
  const table = await conn.columns(sql, params);
  const column = (name: string) => {
    const c = table.columns[name];
    if (!c) throw new Error(`rfm.sql returned no column ${name}`);
    return c;
  };
  const ids = column('customerId'),
    frequency = column('frequency'),
    recency = column('recency'),
    T = column('T');
  const spend = column('monetaryValue'),
    holdout = column('frequencyHoldout'),
    offset = column('first_offset');
  const period = column('period'),
    repeats = column('repeats');
  let n = 0;
  while (n < table.numRows && ids[n] != null) n++;
  const rows = new Array<LtvRfmRow>(n);
  const firstOffsets = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      customerId: String(ids[i]),
      frequency: Number(frequency[i]),
      recency: Number(recency[i]),
      T: Number(T[i]),
      monetaryValue: Number(spend[i]),
      frequencyHoldout: Number(holdout[i])
    };
    firstOffsets[i] = Number(offset[i]);
  }
  const repeatsByPeriod = new Map<number, number>();
  for (let i = n; i < table.numRows; i++) repeatsByPeriod.set(Number(period[i]), Number(repeats[i]));
  return { rows, firstOffsets, repeatsByPeriod };
}
