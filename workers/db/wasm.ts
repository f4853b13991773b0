/**
 * The SqlConnection over DuckDB-WASM's blocking bindings (browser worker and vitest). Queries run
 * synchronously; the promise only satisfies the seam shared with native DuckDB.
 */
import type { Row, SqlConnection } from './sql.ts';

/** The part of a DuckDB-WASM blocking connection used here. */
export interface BlockingConnection {
  query(sql: string): ArrowLikeTable;
  prepare(sql: string): { query(...params: unknown[]): ArrowLikeTable; close(): void };
}

/** Enough of an Arrow table to read rows or whole columns. */
export interface ArrowLikeTable {
  numRows: number;
  schema: { fields: { name: string; type: { scale?: number; typeId: number } }[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
  getChild(name: string): ({ toArray(): ArrayLike<unknown>; nullCount: number } & Iterable<unknown>) | null;
}

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

function querySync<T>(conn: BlockingConnection, sql: string, params: readonly unknown[] | undefined, read: (t: ArrowLikeTable) => T): T {
  if (params && params.length > 0) {
    const stmt = conn.prepare(sql);
    try {
      return read(stmt.query(...params));
    } finally {
      stmt.close();
    }
  }
  return read(conn.query(sql));
}

/** Arrow's type ids of integers and floats, whose `toArray()` is the bare typed values. */
const ARROW_INT = 2;
const ARROW_FLOAT = 3;

function toColumns(table: ArrowLikeTable): { numRows: number; columns: Record<string, ArrayLike<unknown>> } {
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const f of table.schema.fields) {
    const v = table.getChild(f.name);
    // A typed array has no NULL (Arrow gives 0 there): a numeric column with NULLs comes as an array
    // of values and nulls, as the native connection gives it.
    const numeric = f.type.typeId === ARROW_INT || f.type.typeId === ARROW_FLOAT;
    columns[f.name] = !v ? [] : numeric && v.nullCount > 0 ? Array.from(v) : v.toArray();
  }
  return { numRows: table.numRows, columns };
}

/** Wraps a blocking connection; `onStatement` sees every statement without bound parameters (benchmarks replay them). */
export function wasmConnection(conn: BlockingConnection, onStatement?: (sql: string) => void): SqlConnection {
  return {
    all: async (sql, params) => {
      if (!params?.length) onStatement?.(sql);
      return querySync(conn, sql, params, toRows);
    },
    columns: async (sql, params) => {
      if (!params?.length) onStatement?.(sql);
      return querySync(conn, sql, params, toColumns);
    },
    exec: async (sql) => {
      onStatement?.(sql);
      conn.query(sql);
    }
  };
}
