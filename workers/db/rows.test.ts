// writeRows in the tab's engine (DuckDB-WASM in Node): the value scores of 50,000 customers (8
// columns, as workers/scores/value.ts writes them) come back complete and unchanged. A chunk of
// 10,000 such rows bound ~0.9 MB of text and DuckDB-WASM failed with "memory access out of bounds"
// (the Customer value tab on a 0.88M-row panel); chunks are now bounded by their text too.
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from './node.ts';
import { VALUE_SCORE_COLUMNS } from '../scores/value.ts';
import { writeRows } from './rows.ts';
import { all, type SqlConnection } from './sql.ts';

let conn: SqlConnection;
beforeAll(async () => {
  conn = (await openNodeDb()).conn;
});

describe('writeRows', () => {
  it('writes 50,000 rows of value scores in bounded chunks, every cell as given', async () => {
    const n = 50_000;
    const rows = Array.from({ length: n }, (_, i) => [
      `C${String(i).padStart(7, '0')}-${i % 34}`,
      i / 7,
      ['high', 'medium', 'low'][i % 3],
      i % 5 === 0 ? null : 'average',
      Math.sqrt(i) / 3,
      'undefined',
      'AA',
      -(i + 1) / 13
    ]);
    // The value scores' own columns (workers/scores/value.ts): the table this test stands for.
    const columns = VALUE_SCORE_COLUMNS.map(([c, t]) => [c, t] as [string, (typeof VALUE_SCORE_COLUMNS)[number][1]]);
    await writeRows(conn, 'scores', columns, rows);
    const back = await all(conn, 'SELECT * FROM scores ORDER BY customer_id');
    expect(back.length).toBe(n);
    const sorted = [...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    expect(back.map((r) => columns.map(([c]) => r[c]))).toEqual(sorted);
  }, 60_000);
});
