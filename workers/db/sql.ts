/**
 * The one SQL seam of the engine. Every SQL file runs through a `SqlConnection`, which has two
 * implementations: DuckDB-WASM's blocking bindings (the browser worker and vitest, `wasm.ts`) and
 * native DuckDB through `@duckdb/node-api` (the command line, `native.ts`). The native API is asynchronous, so
 * the seam is too; the wasm implementation answers at once.
 */

export type Row = Record<string, unknown>;

/**
 * A connection to DuckDB. Rows come back as plain objects with JavaScript values: BIGINT, HUGEINT
 * and DECIMAL as numbers, DATE and TIMESTAMP as epoch milliseconds (what DuckDB-WASM's Arrow rows
 * give; SQL that wants text formats it with strftime), so both implementations give the same rows
 * for the same SQL (tests/cli/native.test.ts).
 */
export interface SqlConnection {
  /** Runs SQL (several statements allowed) and returns the rows of the last one. */
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs statements for their effect. */
  exec(sql: string): Promise<void>;
  /**
   * The result of one query column by column, for large results (500,000 rows as row objects cost
   * ~10× more than as columns). Values are as the engine's columnar format holds them (BIGINT may be
   * `bigint`, DECIMAL scaled integers): callers convert with Number()/String() and read only columns
   * whose types they chose in the SQL (DOUBLE, INTEGER, VARCHAR).
   */
  columns(sql: string, params?: readonly unknown[]): Promise<{ numRows: number; columns: Record<string, ArrayLike<unknown>> }>;
}

/** Runs SQL (several statements allowed) and returns the rows of the last one as plain objects. */
export function all(conn: SqlConnection, sql: string, params?: readonly unknown[]): Promise<Row[]> {
  return conn.all(sql, params);
}

/** Runs SQL and returns the first row (or undefined). */
export async function one(conn: SqlConnection, sql: string, params?: readonly unknown[]): Promise<Row | undefined> {
  return (await conn.all(sql, params))[0];
}

/** True when a table of that (unquoted) name exists: analyses check for tables other tabs leave behind. */
export async function tableExists(conn: SqlConnection, name: string): Promise<boolean> {
  return (await all(conn, 'SELECT 1 FROM duckdb_tables() WHERE table_name = ?', [name])).length > 0;
}

/** Rows of a relation (a quoted table name or a parenthesised query). */
export async function countRows(conn: SqlConnection, relation: string): Promise<number> {
  return Number((await one(conn, `SELECT count(*) AS n FROM ${relation}`))?.n ?? 0);
}

/** Drops a table by its (unquoted) name, if it exists. */
export function dropTable(conn: SqlConnection, name: string): Promise<void> {
  return conn.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
}

/** Runs statements for their effect. */
export function exec(conn: SqlConnection, sql: string): Promise<void> {
  return conn.exec(sql);
}

/** DuckDB's parser ends a quoted name or string at a NUL, so no quoting can carry one: refuse it. */
function refuseNul(text: string, what: string): void {
  if (text.includes('\u0000')) throw new Error(`SQL ${what} contains a NUL character and cannot be quoted`);
}

/**
 * Quotes an identifier (a column name from a user's file is user input).
 * @example quoteIdent('a"b') === '"a""b"'
 * @throws Error for a name containing NUL
 */
export function quoteIdent(name: string): string {
  refuseNul(name, 'identifier');
  return '"' + name.replaceAll('"', '""') + '"';
}

/**
 * Quotes a string literal, for places where DuckDB does not accept a bound parameter (table
 * functions' options, a table comment).
 * @throws Error for text containing NUL
 */
export function quoteLiteral(value: string): string {
  refuseNul(value, 'literal');
  return "'" + value.replaceAll("'", "''") + "'";
}

/**
 * Substitutes `${name}` placeholders in a SQL file with already-quoted fragments. Only for
 * identifiers and literals produced by quoteIdent/quoteLiteral or numbers; values go through bound
 * parameters where DuckDB allows them.
 */
export function template(sql: string, parts: Record<string, string | number>): string {
  return sql.replace(/\$\{(\w+)\}/g, (_, k: string) => {
    if (!Object.hasOwn(parts, k)) throw new Error(`SQL template: no value for \${${k}}`);
    const v = parts[k];
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`SQL template: ${k} is not finite`);
    return String(v);
  });
}

/**
 * The connection with every statement it runs reported (with its bound values) before it runs:
 * `clm sql` prints the SQL an analysis ran, the starting point of the warehouse dialects.
 */
export function recording(conn: SqlConnection, onStatement: (sql: string, params: readonly unknown[]) => void): SqlConnection {
  return {
    all: (sql, params) => (onStatement(sql, params ?? []), conn.all(sql, params)),
    columns: (sql, params) => (onStatement(sql, params ?? []), conn.columns(sql, params)),
    exec: (sql) => (onStatement(sql, []), conn.exec(sql))
  };
}
