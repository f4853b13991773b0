/**
 * The one SQL seam shared by the browser worker and vitest: both use DuckDB-WASM's *blocking*
 * bindings, whose `query()` is synchronous, so every SQL file runs through the same code path.
 */

/** The subset of a DuckDB-WASM blocking connection that the engine uses. */
export interface SqlConnection {
  query(sql: string): ArrowLikeTable;
  prepare(sql: string): { query(...params: unknown[]): ArrowLikeTable; close(): void };
}

/** Enough of an Arrow table to read rows. */
export interface ArrowLikeTable {
  numRows: number;
  schema: { fields: { name: string; type: { scale?: number; typeId: number } }[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

export type Row = Record<string, unknown>;

/** A 128-bit two's-complement integer stored as four little-endian 32-bit words (Arrow HUGEINT/DECIMAL). */
function int128(words: Uint32Array): number {
  let v = 0n;
  for (let i = 3; i >= 0; i--) v = (v << 32n) | BigInt(words[i]);
  if (words[3] & 0x80000000) v -= 1n << 128n;
  return Number(v);
}

/** Converts BigInt (BIGINT), 128-bit words (HUGEINT, DECIMAL) to numbers, Arrow dates to ISO strings. */
function plain(value: unknown, scale: number): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint32Array && value.length === 4) return int128(value) / 10 ** scale;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function toRows(table: ArrowLikeTable): Row[] {
  const scales = new Map(table.schema.fields.map((f) => [f.name, f.type.scale ?? 0]));
  return table.toArray().map((r) => {
    const o = r.toJSON();
    const out: Row = {};
    for (const k of Object.keys(o)) out[k] = plain(o[k], scales.get(k) ?? 0);
    return out;
  });
}

/** Runs SQL (several statements allowed) and returns the rows of the last one as plain objects. */
export function all(conn: SqlConnection, sql: string, params?: unknown[]): Row[] {
  if (params && params.length > 0) {
    const stmt = conn.prepare(sql);
    try {
      return toRows(stmt.query(...params));
    } finally {
      stmt.close();
    }
  }
  return toRows(conn.query(sql));
}

/** Runs SQL and returns the first row (or undefined). */
export function one(conn: SqlConnection, sql: string, params?: unknown[]): Row | undefined {
  return all(conn, sql, params)[0];
}

/** True when a table of that (unquoted) name exists: analyses check for tables other tabs leave behind. */
export function tableExists(conn: SqlConnection, name: string): boolean {
  return all(conn, 'SELECT 1 FROM duckdb_tables() WHERE table_name = ?', [name]).length > 0;
}

/** Runs statements for their effect. */
export function exec(conn: SqlConnection, sql: string): void {
  conn.query(sql);
}

/**
 * Quotes an identifier (a column name from a user's file is user input).
 * @example quoteIdent('a"b') === '"a""b"'
 */
export function quoteIdent(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Quotes a string literal, for places where DuckDB does not accept a bound parameter (table functions' options). */
export function quoteLiteral(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}

/**
 * Substitutes `${name}` placeholders in a SQL file with already-quoted fragments. Only for
 * identifiers and literals produced by quoteIdent/quoteLiteral or numbers; values go through bound
 * parameters where DuckDB allows them.
 */
export function template(sql: string, parts: Record<string, string | number>): string {
  return sql.replace(/\$\{(\w+)\}/g, (_, k: string) => {
    if (!(k in parts)) throw new Error(`SQL template: no value for \${${k}}`);
    const v = parts[k];
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`SQL template: ${k} is not finite`);
    return String(v);
  });
}
