/**
 * Decoding a Parquet file's row groups into Arrow IPC record batches (one per group), for DuckDB's
 * Arrow insert. Flat columns go through the page decoder of parquetPages.ts; any other column through
 * hyparquet's general reader. Runs in the engine worker or, to overlap with DuckDB's work, in a
 * decoder worker of its own (parquetWorker.ts).
 */
import { parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { getSchemaPath } from 'hyparquet/src/schema.js';
import {
  Bool,
  DateDay,
  Float64,
  Int64,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  TimestampMicrosecond,
  type Data,
  type DataType,
  type Vector
} from 'apache-arrow';
import { chunkRange, int64Doubles, readFlatColumn, utf8Vector, type Stored } from './parquetPages.ts';

export const asyncBuffer = (blob: Blob): AsyncBuffer => ({ byteLength: blob.size, slice: (s, e) => blob.slice(s, e).arrayBuffer() });

/** How a column is handed to DuckDB (numbers as DOUBLE except 64-bit integers, which stay exact). */
export function storedType(node: SchemaTree): Stored {
  const { type, converted_type: ct, logical_type: lt } = node.element;
  if (node.children.length) return 'text';
  if (ct === 'DATE' || lt?.type === 'DATE') return 'date';
  if (type === 'INT96' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || lt?.type === 'TIMESTAMP') return 'timestamp';
  if (type === 'BOOLEAN') return 'bool';
  if (type === 'INT64' && ct !== 'DECIMAL' && lt?.type !== 'DECIMAL') return 'int64';
  if (type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE' || ct === 'DECIMAL' || lt?.type === 'FLOAT16')
    return 'double';
  return 'text';
}

/** A cell of the general reader as text (nested values as JSON, bigints exactly). */
export function cellText(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (v && typeof v === 'object') return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** The validity bitmap of a column with nulls (bit set = value present), or undefined without nulls. */
function validity(values: ArrayLike<unknown>): { bitmap?: Uint8Array; nulls: number } {
  let nulls = 0;
  for (let i = 0; i < values.length; i++) if (values[i] == null) nulls++;
  if (nulls === 0) return { nulls };
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] != null) bitmap[i >> 3] |= 1 << (i & 7);
  return { bitmap, nulls };
}

const encoder = new TextEncoder();

/** A column decoded by hyparquet's general reader as an Arrow vector (strings arrive as UTF-8 bytes). */
function toVector(values: ArrayLike<unknown>, stored: Stored): Vector {
  const n = values.length;
  const { bitmap, nulls } = validity(values);
  const data = <T extends DataType>(type: T, props: Record<string, unknown>) =>
    makeData({ type, length: n, nullCount: nulls, nullBitmap: bitmap, ...props } as Parameters<typeof makeData>[0]) as Data<T>;
  const fill = <A extends { [i: number]: unknown }>(out: A, f: (v: unknown) => unknown, zero: unknown) => {
    for (let i = 0; i < n; i++) out[i] = values[i] == null ? zero : f(values[i]);
    return out;
  };
  switch (stored) {
    case 'double':
      return makeVector(data(new Float64(), { data: fill(new Float64Array(n), Number, 0) }));
    case 'int64':
      return makeVector(data(new Int64(), { data: fill(new BigInt64Array(n), (v) => BigInt(v as bigint), 0n) }));
    case 'bool': {
      const out = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i]) out[i >> 3] |= 1 << (i & 7);
      return makeVector(data(new Bool(), { data: out }));
    }
    case 'date':
      return makeVector(data(new DateDay(), { data: fill(new Int32Array(n), Number, 0) }));
    case 'timestamp':
      return makeVector(data(new TimestampMicrosecond(), { data: fill(new BigInt64Array(n), (v) => v as bigint, 0n) }));
    default: {
      const cells = Array.from({ length: n }, (_, i) => {
        const v = values[i];
        return v == null ? undefined : v instanceof Uint8Array ? v : encoder.encode(cellText(v));
      });
      return utf8Vector(n, (i) => cells[i], bitmap, nulls);
    }
  }
}

/** Strings as bytes (copied once into Arrow), dates as days, timestamps as microseconds. */
const PARSERS = {
  stringFromBytes: (b: Uint8Array) => b,
  dateFromDays: (d: number) => d,
  timestampFromMilliseconds: (v: bigint) => (v == null ? null : BigInt(v) * 1000n),
  timestampFromMicroseconds: (v: bigint) => (v == null ? null : BigInt(v)),
  timestampFromNanoseconds: (v: bigint) => (v == null ? null : BigInt(v) / 1000n)
};

/**
 * What a column becomes in the batch: as stored, a DOUBLE (64-bit integers of a number column), a
 * DATE (a timestamp in a month or date column: its day) or text; null leaves the column out.
 */
export type Target = 'stored' | 'double' | 'date' | 'text' | null;

export interface ParquetGroups {
  metadata: FileMetaData;
  nodes: SchemaTree[];
  stored: Stored[];
  /** Row counts of the groups, in file order. */
  groups: number[];
  /**
   * Group g as one Arrow IPC stream: `_row` (the rows' 1-based numbers in the file, starting after
   * `offset`), then the kept columns named c1..cN by their place in the file.
   */
  decode(g: number, targets: Target[], offset: number): Promise<Uint8Array>;
}

/** An INT64 vector's values as numbers (exact below 2^53, like DuckDB's cast to DOUBLE). */
function int64AsDouble(v: Vector): Vector {
  const data = v.data[0];
  const out = int64Doubles((data.values as BigInt64Array).subarray(0, v.length));
  return makeVector(makeData({ type: new Float64(), length: v.length, nullCount: data.nullCount, nullBitmap: data.nullBitmap, data: out }));
}

/** A timestamp vector (microseconds) as days, the calendar date of each instant (DuckDB's cast to DATE). */
function timestampAsDate(v: Vector): Vector {
  const n = v.length;
  const out = new Int32Array(n);
  const data = v.data[0];
  const micros = data.values as BigInt64Array;
  for (let i = 0; i < n; i++) out[i] = Math.floor(Number(micros[i]) / 86_400_000_000);
  return makeVector(makeData({ type: new DateDay(), length: n, nullCount: data.nullCount, nullBitmap: data.nullBitmap, data: out }));
}

export async function openParquet(blob: Blob): Promise<ParquetGroups> {
  const file = asyncBuffer(blob);
  const metadata = await parquetMetadataAsync(file);
  const scan = await parquetScan({ file, metadata, utf8: false, parsers: PARSERS as never });
  const nodes = parquetSchema(metadata).children;
  const stored = nodes.map(storedType);
  const paths = nodes.map((n) => getSchemaPath(metadata.schema, [n.element.name]));
  // A File's bytes come from the browser's process: in a worker FileReaderSync reads a row group's
  // in a few milliseconds, Blob.arrayBuffer() took ~70 ms a group (2.8 s of a 5M-row file's 41).
  const Sync = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(b: Blob): ArrayBuffer } }).FileReaderSync;
  const bytes = async (start: number, end: number) =>
    new Uint8Array(Sync ? new Sync().readAsArrayBuffer(blob.slice(start, end)) : await blob.slice(start, end).arrayBuffer());
  // A group's kept column chunks in one read.
  const readGroup = async (g: number, targets: Target[]) => {
    const chunks = (metadata.row_groups[g]?.columns ?? [])
      .map((c, i) => (targets[i] && c.meta_data ? chunkRange(c.meta_data) : null))
      .filter((r) => r !== null);
    const from = Math.min(...chunks.map((r) => r[0]));
    return { from, whole: chunks.length ? await bytes(from, Math.max(...chunks.map((r) => r[1]))) : new Uint8Array() };
  };
  return {
    metadata,
    nodes,
    stored,
    groups: scan.ranges.map((r) => r.rowEnd - r.rowStart),
    decode: async (g, targets, offset) => {
      const range = scan.ranges[g];
      const group = metadata.row_groups[g];
      const rows = range.rowEnd - range.rowStart;
      // Row numbers as 64-bit integers written by their low words (a BigInt each costs more).
      const row = new BigInt64Array(rows);
      const low = new Int32Array(row.buffer);
      for (let i = 0; i < rows; i++) low[2 * i] = offset + i + 1;
      const columns: Record<string, Vector> = { _row: makeVector(row) };
      const { from, whole } = await readGroup(g, targets);
      const inGroup = async (start: number, end: number) => whole.subarray(start - from, end - from);
      for (const [i, node] of nodes.entries()) {
        const target = targets[i];
        if (!target) continue;
        const general = () => scan.readColumn({ column: node.element.name, rowStart: range.rowStart, rowEnd: range.rowEnd });
        if (target === 'text' && stored[i] !== 'text') {
          columns[`c${i + 1}`] = toVector(await general(), 'text');
          continue;
        }
        const asDouble = target === 'double' && stored[i] === 'int64';
        const fast =
          Number(group?.num_rows) === rows ? await readFlatColumn(inGroup, group.columns[i], rows, paths[i], stored[i], asDouble) : null;
        if (fast) {
          columns[`c${i + 1}`] = fast;
          continue;
        }
        const v = toVector(await general(), stored[i]);
        columns[`c${i + 1}`] = asDouble ? int64AsDouble(v) : target === 'date' && stored[i] === 'timestamp' ? timestampAsDate(v) : v;
      }
      return tableToIPC(new Table(columns), 'stream');
    }
  };
}
