/**
 * Parquet files, read by row group: hyparquet (pure JS, MIT) decodes each group's columns, they are
 * handed to DuckDB as one Arrow record batch (its Arrow insert, no text on the way), and the same
 * typed projection as a text file's (typed.ts) moves them into the dataset table before the next
 * group is read, so memory holds one group at a time. DuckDB-WASM 1.32 does not build Parquet in:
 * it would fetch the extension from extensions.duckdb.org, which a tab that must not talk to the
 * network cannot do (and the engine disables extension autoloading).
 */
import { parquetMetadataAsync, parquetReadObjects, parquetScan, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { Bool, DateDay, Float64, Int64, makeData, makeVector, Table, tableToIPC, TimestampMicrosecond, Utf8, type Data, type DataType, type Vector } from 'apache-arrow';
import type { RejectExample, RejectReason } from '../contract.ts';
import { all, exec, one, quoteIdent, type SqlConnection } from '../db/sql.ts';
import { checkTextColumns, settleGenericNumbers } from '../ingest/textColumns.ts';
import type { ReadOutcome } from '../ingest/read.ts';
import { engineError } from './errors.ts';
import type { FileHost } from './ingest.ts';
import { csvCell } from './tabular.ts';
import { CodeBook, nonFiniteSql, projectionSql, type ColumnRead, type ReadAs, type TypedColumn } from './typed.ts';

const asyncBuffer = (blob: Blob): AsyncBuffer => ({ byteLength: blob.size, slice: (s, e) => blob.slice(s, e).arrayBuffer() });

function failed(e: unknown): never {
  if (e && typeof e === 'object' && 'code' in e) throw e;
  throw engineError('read-failed', 'The Parquet file could not be read.', e instanceof Error ? e.message : String(e));
}

/** Headers and the first rows as text (preview, role suggestions, read types). */
export async function parquetColumns(blob: Blob): Promise<{ headers: string[]; preview: string[][] }> {
  try {
    const file = asyncBuffer(blob);
    const metadata = await parquetMetadataAsync(file);
    const headers = parquetSchema(metadata).children.map((c) => c.element.name);
    if (Number(metadata.num_rows) === 0) throw engineError('no-data-rows', 'The file has no data rows.');
    const rows = (await parquetReadObjects({ file, metadata, rowEnd: 20 })) as Record<string, unknown>[];
    return { headers, preview: rows.map((r) => headers.map((h) => csvCell(r[h]).replace(/^"(.*)"$/s, '$1').replaceAll('""', '"'))) };
  } catch (e) {
    failed(e);
  }
}

/** Arrow type of a column as stored (numbers as DOUBLE except 64-bit integers, which stay exact). */
type Stored = 'double' | 'int64' | 'bool' | 'date' | 'timestamp' | 'text';

function storedType(node: SchemaTree): Stored {
  const { type, converted_type: ct, logical_type: lt } = node.element;
  if (node.children.length) return 'text';
  if (ct === 'DATE' || lt?.type === 'DATE') return 'date';
  if (type === 'INT96' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || lt?.type === 'TIMESTAMP') return 'timestamp';
  if (type === 'BOOLEAN') return 'bool';
  if (type === 'INT64' && ct !== 'DECIMAL' && lt?.type !== 'DECIMAL') return 'int64';
  if (type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE' || ct === 'DECIMAL' || lt?.type === 'FLOAT16') return 'double';
  return 'text';
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

/** One decoded column as an Arrow vector (strings arrive as UTF-8 bytes and are copied once). */
function toVector(values: ArrayLike<unknown>, stored: Stored): Vector {
  const n = values.length;
  const { bitmap, nulls } = validity(values);
  const data = <T extends DataType>(type: T, props: Record<string, unknown>) =>
    makeData({ type, length: n, nullCount: nulls, nullBitmap: bitmap, ...props } as Parameters<typeof makeData>[0]) as Data<T>;
  switch (stored) {
    case 'double': {
      if (values instanceof Float64Array) return makeVector(values);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = values[i] == null ? 0 : Number(values[i]);
      return makeVector(data(new Float64(), { data: out }));
    }
    case 'int64': {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = values[i] == null ? 0n : BigInt(values[i] as bigint);
      return makeVector(data(new Int64(), { data: out }));
    }
    case 'bool': {
      const out = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i]) out[i >> 3] |= 1 << (i & 7);
      return makeVector(data(new Bool(), { data: out }));
    }
    case 'date': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = values[i] == null ? 0 : Number(values[i]);
      return makeVector(data(new DateDay(), { data: out }));
    }
    case 'timestamp': {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = values[i] == null ? 0n : (values[i] as bigint);
      return makeVector(data(new TimestampMicrosecond(), { data: out }));
    }
    default: {
      const parts: Uint8Array[] = [];
      const offsets = new Int32Array(n + 1);
      let size = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const b = v == null ? undefined : v instanceof Uint8Array ? v : encoder.encode(typeof v === 'string' ? v : csvCell(v).replace(/^"(.*)"$/s, '$1').replaceAll('""', '"'));
        if (b) {
          parts.push(b);
          size += b.length;
        }
        offsets[i + 1] = size;
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      return makeVector(data(new Utf8(), { valueOffsets: offsets, data: bytes }));
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

/** How a role's column arrives from its stored Arrow type. */
function readOf(c: TypedColumn, stored: Stored): ColumnRead {
  const src = `c${c.source + 1}`;
  const numeric = stored === 'double' || stored === 'int64';
  if (c.kind === 'number' && numeric) return { col: c, readAs: 'DOUBLE', src: `(${src}::DOUBLE)` };
  if (c.kind === 'flag' && stored === 'bool') return { col: c, readAs: 'BOOLEAN', src };
  if ((c.kind === 'month' || c.kind === 'date') && (stored === 'date' || stored === 'timestamp')) return { col: c, readAs: 'DATE' as ReadAs, src: `(${src}::DATE)` };
  return { col: c, readAs: 'VARCHAR', src: `(${src}::VARCHAR)` };
}

const EXAMPLES = 5;

/** Reads every row group into `ds_<id>` with the given column layout. */
export async function readParquet(conn: SqlConnection, files: FileHost, id: string, blob: Blob, cols: TypedColumn[]): Promise<ReadOutcome> {
  if (!files.insertArrow) throw engineError('unsupported-format', 'Parquet cannot be read here.');
  const ds = quoteIdent(`ds_${id}`);
  const stage = `pq_${id}`;
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  let metadata: FileMetaData;
  try {
    const file = asyncBuffer(blob);
    metadata = await parquetMetadataAsync(file);
    scan = await parquetScan({ file, metadata, utf8: false, parsers: PARSERS as never });
  } catch (e) {
    failed(e);
  }
  const nodes = parquetSchema(metadata).children;
  const stored = nodes.map(storedType);
  const reads = cols.map((c) => readOf(c, stored[c.source]));
  const book = new CodeBook();
  const examples = new Map<number, RejectExample[]>();
  let created = false;
  let offset = 0;
  for (const range of scan.ranges) {
    const columns: Record<string, Vector> = {};
    try {
      for (const [i, node] of nodes.entries()) {
        const values = await scan.readColumn({ column: node.element.name, rowStart: range.rowStart, rowEnd: range.rowEnd });
        columns[`c${i + 1}`] = toVector(values, stored[i]);
      }
    } catch (e) {
      failed(e);
    }
    await files.insertArrow(stage, tableToIPC(new Table(columns), 'stream'), true);
    const select = projectionSql(reads, book, `(SELECT row_number() OVER () AS _n, * FROM ${quoteIdent(stage)})`, `${offset} + _n`);
    await exec(conn, created ? `INSERT INTO ${ds} BY NAME ${select}` : `CREATE OR REPLACE TABLE ${ds} AS ${select}`);
    created = true;
    // Reject examples: the stored row as text, while its group is still staged.
    const bad = await all(conn, `SELECT _bad, array_to_string(list(_row ORDER BY _row)[1:${EXAMPLES}], ',') AS rows_ FROM ${ds} WHERE _bad IS NOT NULL AND _row > ${offset} GROUP BY _bad`);
    for (const b of bad) {
      const have = examples.get(Number(b._bad)) ?? [];
      const want = String(b.rows_).split(',').map(Number).slice(0, EXAMPLES - have.length);
      if (!want.length) continue;
      const text = await all(conn, `SELECT r, concat_ws(', ', ${nodes.map((_, i) => `c${i + 1}::VARCHAR`).join(', ')}) AS t
        FROM (SELECT ${offset} + row_number() OVER () AS r, * FROM ${quoteIdent(stage)}) WHERE r IN (${want.join(', ')}) ORDER BY r`);
      examples.set(Number(b._bad), [...have, ...text.map((t) => ({ line: null, lineEnd: null, row: Number(t.r), text: String(t.t).slice(0, 300) }))]);
    }
    await exec(conn, `DROP TABLE ${quoteIdent(stage)}`);
    offset += range.rowEnd - range.rowStart;
  }
  const nonFinite = nonFiniteSql(reads, book, ds);
  if (nonFinite) await exec(conn, nonFinite);
  const columns = await settleGenericNumbers(conn, ds, reads);
  await checkTextColumns(conn, ds, columns, book, '\n');
  const reasons: RejectReason[] = (await all(conn, `SELECT _bad, count(*) AS n FROM ${ds} WHERE _bad IS NOT NULL GROUP BY _bad ORDER BY n DESC, _bad`))
    .map((b) => ({ ...book.codes[Number(b._bad)], count: Number(b.n), examples: examples.get(Number(b._bad)) ?? [] }));
  await exec(conn, `DELETE FROM ${ds} WHERE _bad IS NOT NULL; ALTER TABLE ${ds} DROP COLUMN _bad`);
  const loaded = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
  const rejected = offset - loaded;
  return { columns, reasons, loaded, rejected, blankLines: 0, dataLines: offset, multiLineRecords: 0, undecodable: [] };
}
