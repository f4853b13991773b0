/**
 * Writing rows computed in TypeScript (scores, a campaign's arms, simulated outcomes) into a DuckDB
 * table, fast, through bound parameters only.
 */
import { all, exec, quoteIdent, type SqlConnection } from './sql.ts';

export type SqlType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
type Cell = string | number | boolean | null | undefined;

const SEP = '\u001f';

/**
 * (Re)creates `name` with the given columns and rows. The blocking WASM connection binds scalars
 * only, so each column of a chunk travels as one bound string joined by the unit separator and is
 * split and indexed back in SQL. Measured in Node on a shared machine: 200,000 rows × 7 columns in
 * 3.1 s (literal VALUES: 18 s). null, non-finite numbers and empty strings become NULL.
 */
export async function writeRows(
  conn: SqlConnection,
  name: string,
  columns: [string, SqlType][],
  rows: Cell[][],
  chunk = 10_000
): Promise<void> {
  const t = quoteIdent(name);
  await exec(conn, `CREATE OR REPLACE TABLE ${t} (${columns.map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ')})`);
  if (!rows.length) return;
  const text = (v: Cell) => (v == null || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v).replaceAll(SEP, ' '));
  const lists = columns.map((_, j) => `string_split(?, chr(31)) AS l${j}`).join(', ');
  const select = columns.map(([, type], j) => `nullif(l${j}[i], '')::${type}`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await all(
      conn,
      `INSERT INTO ${t} SELECT ${select} FROM (SELECT ${lists}), range(1, ${part.length + 1}) r(i)`,
      columns.map((_, j) => part.map((r) => text(r[j])).join(SEP))
    );
  }
}
