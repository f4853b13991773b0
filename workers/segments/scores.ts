/**
 * Per-customer score tables other tabs leave in DuckDB for the campaign builder to join (seed 004:
 * "after the usual filters, use the value model for a second filter"): the Customer value tab
 * writes `valuescores_<id>`, the Churn tab's model `churnrisk_<id>`. Named `<name>_<id>`, so they
 * are dropped with their dataset (Engine.dropTables). The names live here, beside their only reader.
 */
import { exec, quoteIdent, quoteLiteral, type SqlConnection } from '../db/sql.ts';

export const valueScoresTable = (id: string) => `valuescores_${id}`;
export const churnRiskTable = (id: string) => `churnrisk_${id}`;

export type SqlType = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN';
type Cell = string | number | boolean | null | undefined;

const literal = (v: Cell, type: SqlType): string => {
  if (v == null || (typeof v === 'number' && !Number.isFinite(v))) return `NULL::${type}`;
  if (type === 'VARCHAR') return quoteLiteral(String(v));
  if (type === 'BOOLEAN') return v ? 'TRUE' : 'FALSE';
  return String(Number(v));
};

/**
 * (Re)creates `name` with the given columns and rows, inserted as literal VALUES in chunks (the
 * blocking WASM connection binds scalars only). Non-finite numbers become NULL.
 */
export function writeRows(conn: SqlConnection, name: string, columns: [string, SqlType][], rows: Cell[][], chunk = 2000): void {
  const t = quoteIdent(name);
  exec(conn, `CREATE OR REPLACE TABLE ${t} (${columns.map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ')})`);
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${columns.map(([, type], j) => literal(r[j], type)).join(', ')})`);
    exec(conn, `INSERT INTO ${t} VALUES ${values.join(', ')}`);
  }
}
