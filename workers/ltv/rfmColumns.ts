/**
 * The RFM summary (sql/rfm.sql) read column by column. Reading 500,000
 * rows as row objects (`SqlConnection.all`) costs about 1.5–2 s of CPU; the same columns
 * (`SqlConnection.columns`) cost about 0.2 s. Used by api.ts `rfmRows` for the LTV tab.
 */
import type { SqlConnection } from '../db/sql.ts';
import type { LtvRfmRow } from './contract.ts';

/**
 * Runs the RFM query with its parameters and returns one row per customer, with the customer's
 * first-purchase offset in days (for the tracking chart).
 * @throws Error when the result lacks a column of rfm.sql
 */
export async function queryRfmRows(conn: SqlConnection, sql: string, params: unknown[]): Promise<(LtvRfmRow & { firstOffset: number })[]> {
  const table = await conn.columns(sql, params);
  const column = (name: string) => {
    const c = table.columns[name];
    if (!c) throw new Error(`rfm.sql returned no column ${name}`);
    return c;
  };
  const ids = column('customerId'), frequency = column('frequency'), recency = column('recency'), T = column('T');
  const spend = column('monetaryValue'), holdout = column('frequencyHoldout'), offset = column('first_offset');
  const rows = new Array<LtvRfmRow & { firstOffset: number }>(table.numRows);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      customerId: String(ids[i]), frequency: Number(frequency[i]), recency: Number(recency[i]), T: Number(T[i]),
      monetaryValue: Number(spend[i]), frequencyHoldout: Number(holdout[i]), firstOffset: Number(offset[i])
    };
  }
  return rows;
}
