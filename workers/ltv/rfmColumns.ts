/**
 * The RFM summary (sql/rfm.sql) read from DuckDB's Arrow result column by column. Reading 500,000
 * rows through Arrow's row proxies and toJSON (workers/db/sql.ts `all`) costs about 1.5–2 s of CPU;
 * the same columns as typed arrays cost about 0.2 s. Used by api.ts `rfmRows` for the LTV tab.
 */
import type { SqlConnection } from '../db/sql.ts';
import type { LtvRfmRow } from './contract.ts';

/** Enough of an Arrow table to read whole columns. */
interface ColumnTable {
  numRows: number;
  getChild(name: string): { toArray(): ArrayLike<unknown> } | null;
}

/**
 * Runs the RFM query with its parameters and returns one row per customer, with the customer's
 * first-purchase offset in days (for the tracking chart).
 * @throws Error when the result lacks a column of rfm.sql
 */
export function queryRfmRows(conn: SqlConnection, sql: string, params: unknown[]): (LtvRfmRow & { firstOffset: number })[] {
  const stmt = conn.prepare(sql);
  try {
    const table = stmt.query(...params) as unknown as ColumnTable;
    const column = (name: string) => {
      const c = table.getChild(name);
      if (!c) throw new Error(`rfm.sql returned no column ${name}`);
      return c.toArray();
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
  } finally {
    stmt.close();
  }
}
