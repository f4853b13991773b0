/**
 * The SqlConnection over native DuckDB (`@duckdb/node-api`), for the command line: the same SQL as
 * the tab, multi-threaded, spilling to disk. Rows come back converted exactly as the wasm connection
 * converts them (wasm.ts), so feature code cannot tell the two apart: BIGINT, HUGEINT and DECIMAL as
 * numbers, DATE and TIMESTAMP as epoch milliseconds, and every bound number a DOUBLE, a bound null a
 * VARCHAR NULL (what DuckDB-WASM's prepared statements bind).
 */
import {
  BOOLEAN,
  DOUBLE,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBValueConverter,
  type JS
} from '@duckdb/node-api';
import type { Row, SqlConnection } from './sql.ts';

export interface NativeOptions {
  /** Worker threads (DuckDB's `threads`); default: DuckDB's own (the cores). */
  threads?: number;
  /** DuckDB's `memory_limit`, e.g. '8GB'; default: DuckDB's own (80 % of RAM). */
  memoryLimit?: string;
  /** Where DuckDB spills what does not fit in memory. */
  tempDirectory?: string;
  /** Database file; default in memory (it still spills to tempDirectory). */
  path?: string;
}

export interface NativeDb {
  conn: SqlConnection;
  /** The raw connection (COPY … TO, Parquet reads by path). */
  raw: DuckDBConnection;
  version: string;
  close(): void;
}

const INTEGERS = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/**
 * Values as the wasm connection gives them, converted in one pass (the package's JS converter
 * otherwise): 64/128-bit integers as numbers, DATE and TIMESTAMP as epoch milliseconds.
 */
const asWasm: DuckDBValueConverter<JS> = (value, type, self) => {
  if (value == null) return null;
  if (INTEGERS.has(type.typeId)) return Number(value as bigint);
  if (value instanceof DuckDBDateValue) return value.days * 86_400_000;
  if (value instanceof DuckDBTimestampValue) return Number(value.micros / 1000n);
  const v = JSDuckDBValueConverter(value, type, self);
  return v instanceof Date ? v.getTime() : v;
};

/** The types DuckDB-WASM binds JavaScript values as. */
function bindings(params: readonly unknown[]): { values: DuckDBValue[]; types: DuckDBType[] } {
  const types = params.map((p) => (typeof p === 'number' ? DOUBLE : typeof p === 'boolean' ? BOOLEAN : VARCHAR));
  const values = params.map((p) => (p == null ? null : typeof p === 'number' || typeof p === 'boolean' ? p : String(p)));
  return { values, types };
}

/** Types whose node-api values are already what the wasm connection gives: taken as they are. */
const AS_IS = new Set([
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.VARCHAR
]);

/** The 32-bit-or-narrower numbers node-api keeps in a typed array (`items`) beside a validity mask. */
const TYPED = new Set([DuckDBTypeId.DOUBLE, DuckDBTypeId.FLOAT, DuckDBTypeId.INTEGER, DuckDBTypeId.SMALLINT, DuckDBTypeId.TINYINT]);

/** What node-api's numeric vectors hold (public fields, not in its type declarations). */
interface TypedVector {
  items: Float64Array | Float32Array | Int32Array | Int16Array | Int8Array;
  validity: { data: BigUint64Array | null; offset: number };
}

/**
 * One numeric result column, chunk by chunk: the values copied from each chunk's typed array, and
 * NULLs read from its validity mask a byte at a time. node-api's getItem tests validity with BigInt
 * arithmetic, allocating for every value of a column that has a mask (most window columns at 1.24M
 * customers). Handed over as a Float64Array when the column has no NULL (as the wasm connection
 * gives it), else as an array of numbers and nulls.
 */
class NumberColumn {
  private chunks: { values: Float64Array; nulls: Uint8Array | null }[] = [];
  private anyNull = false;

  add(vector: TypedVector, n: number): void {
    const values = new Float64Array(n);
    values.set(vector.items.subarray(0, n));
    const mask = vector.validity.data;
    let nulls: Uint8Array | null = null;
    if (mask) {
      const bits = new Uint8Array(mask.buffer, mask.byteOffset, mask.byteLength);
      const offset = vector.validity.offset;
      for (let i = 0; i < n; i++) {
        const b = offset + i;
        if (!((bits[b >> 3] >> (b & 7)) & 1)) (nulls ??= new Uint8Array(n))[i] = 1;
      }
    }
    if (nulls) this.anyNull = true;
    this.chunks.push({ values, nulls });
  }

  finish(numRows: number): ArrayLike<unknown> {
    if (!this.anyNull) {
      const out = new Float64Array(numRows);
      let at = 0;
      for (const c of this.chunks) out.set(c.values, (at += c.values.length) - c.values.length);
      return out;
    }
    const out: (number | null)[] = new Array(numRows);
    let at = 0;
    for (const { values, nulls } of this.chunks) for (let i = 0; i < values.length; i++) out[at++] = nulls?.[i] ? null : values[i];
    return out;
  }
}

/**
 * A result column by column, chunk by chunk, converting as `asWasm` does; the common types skip the
 * per-value converter (at 1.25M customers × 39 columns the converter was ~30 % of the query's time).
 */
async function readColumns(result: DuckDBMaterializedResult): Promise<{ numRows: number; columns: Record<string, ArrayLike<unknown>> }> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const out: (unknown[] | NumberColumn)[] = types.map((t) => (TYPED.has(t.typeId) ? new NumberColumn() : []));
  let numRows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    numRows += n;
    for (let c = 0; c < names.length; c++) {
      const vector = chunk.getColumnVector(c);
      const into = out[c];
      const type = types[c];
      if (into instanceof NumberColumn) into.add(vector as unknown as TypedVector, n);
      else if (AS_IS.has(type.typeId)) for (let i = 0; i < n; i++) into.push(vector.getItem(i));
      else if (INTEGERS.has(type.typeId))
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i);
          into.push(v == null ? null : Number(v as bigint));
        }
      else for (let i = 0; i < n; i++) into.push(asWasm(vector.getItem(i), type, asWasm));
    }
  }
  return {
    numRows,
    columns: Object.fromEntries(names.map((name, c) => [name, out[c] instanceof NumberColumn ? out[c].finish(numRows) : out[c]]))
  };
}

/** Wraps a node-api connection in the engine's seam. */
export function nativeConnection(raw: DuckDBConnection): SqlConnection {
  const run = async (sql: string, params?: readonly unknown[]) => {
    if (!params?.length) return raw.runAndReadAll(sql);
    const { values, types } = bindings(params);
    return raw.runAndReadAll(sql, values, types);
  };
  return {
    all: async (sql, params) => (await run(sql, params)).convertRowObjects(asWasm) as Row[],
    columns: async (sql, params) => {
      if (!params?.length) return readColumns(await raw.run(sql));
      const { values, types } = bindings(params);
      return readColumns(await raw.run(sql, values, types));
    },
    exec: async (sql) => {
      await raw.run(sql);
    }
  };
}

/** Opens native DuckDB with the given resources; extensions are never downloaded (as in the tab). */
export async function openNativeDb(options: NativeOptions = {}): Promise<NativeDb> {
  const config: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
  const raw = await instance.connect();
  const conn = nativeConnection(raw);
  // Dates of timestamps are taken in UTC, as DuckDB-WASM does.
  await conn.exec("SET TimeZone = 'UTC'");
  const version = String((await conn.all('SELECT version() AS v'))[0]?.v ?? '');
  return {
    conn,
    raw,
    version,
    close: () => {
      raw.closeSync();
      instance.closeSync();
    }
  };
}
