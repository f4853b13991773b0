/**
 * Parquet files, read by row group: hyparquet (pure JS, MIT) decodes each group's columns, they are
 * handed to DuckDB as one Arrow record batch (its Arrow insert, no text on the way), and the same
 * typed projection as a text file's (typed.ts) moves them into the dataset table before the next
 * group is read, so memory holds one group at a time. DuckDB-WASM 1.32 does not build Parquet in:
 * it would fetch the extension from extensions.duckdb.org, which a tab that must not talk to the
 * network cannot do (and the engine disables extension autoloading).
 */
import { parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { ProgressFn, RejectExample, RejectReason } from '../contract.ts';
import { all, exec, one, quoteIdent, type SqlConnection } from '../db/sql.ts';
import { checkTextColumns, settleGenericNumbers } from '../ingest/textColumns.ts';
import { asyncBuffer, cellText, openParquet } from '../ingest/parquetDecode.ts';
import type { Stored } from '../ingest/parquetPages.ts';
import type { ReadOutcome } from '../ingest/read.ts';
import { engineError } from './errors.ts';
import type { FileHost } from './ingest.ts';
import { CodeBook, nonFiniteSql, projectionSql, type ColumnRead, type ReadAs, type TypedColumn } from './typed.ts';

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
    return { headers, preview: rows.map((r) => headers.map((h) => (r[h] == null ? '' : cellText(r[h])))) };
  } catch (e) {
    failed(e);
  }
}

/**
 * The file's row groups as Arrow IPC streams, in order. In the browser a decoder worker works one or
 * two groups ahead of the engine (memory holds at most that much); where there is no Worker (vitest
 * in Node) the groups are decoded here.
 */
async function* groupsOf(blob: Blob, count: number, local: () => Promise<(g: number) => Promise<Uint8Array>>): AsyncGenerator<Uint8Array> {
  if (typeof Worker === 'undefined') {
    const decode = await local();
    for (let g = 0; g < count; g++) yield await decode(g);
    return;
  }
  const worker = new Worker(new URL('../ingest/parquetWorker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: unknown) => void }>();
  const pending = new Map<number, Promise<Uint8Array>>();
  worker.onmessage = ({ data }: MessageEvent<{ g: number; ipc?: Uint8Array; error?: string }>) => {
    const w = waiting.get(data.g);
    if (data.error !== undefined) w?.reject(new Error(data.error));
    else w?.resolve(data.ipc!);
  };
  const ask = (g: number) => {
    if (g >= count || pending.has(g)) return;
    pending.set(g, new Promise((resolve, reject) => waiting.set(g, { resolve, reject })));
    worker.postMessage({ g });
  };
  try {
    worker.postMessage({ blob });
    ask(0);
    ask(1);
    for (let g = 0; g < count; g++) {
      const ipc = await pending.get(g)!;
      pending.delete(g);
      ask(g + 2);
      yield ipc;
    }
  } finally {
    worker.terminate();
  }
}

/** How a role's column arrives from its stored Arrow type. */
function readOf(c: TypedColumn, stored: Stored): ColumnRead {
  const src = `c${c.source + 1}`;
  const numeric = stored === 'double' || stored === 'int64';
  if (c.kind === 'number' && numeric) return { col: c, readAs: 'DOUBLE', src: `(${src}::DOUBLE)` };
  if (c.kind === 'flag' && stored === 'bool') return { col: c, readAs: 'BOOLEAN', src };
  if ((c.kind === 'flag' || c.kind === 'month') && numeric) return { col: c, readAs: 'NUMERIC', src };
  if ((c.kind === 'month' || c.kind === 'date') && (stored === 'date' || stored === 'timestamp')) return { col: c, readAs: 'DATE' as ReadAs, src: `(${src}::DATE)` };
  return { col: c, readAs: 'VARCHAR', src: `(${src}::VARCHAR)` };
}

const EXAMPLES = 5;
const STAGE_ROWS = 500_000;

/** Reads every row group into `ds_<id>` with the given column layout. */
export async function readParquet(conn: SqlConnection, files: FileHost, id: string, blob: Blob, cols: TypedColumn[], onProgress: ProgressFn): Promise<ReadOutcome> {
  if (!files.insertArrow) throw engineError('unsupported-format', 'Parquet cannot be read here.');
  const ds = quoteIdent(`ds_${id}`);
  const stage = `pq_${id}`;
  let file: Awaited<ReturnType<typeof openParquet>>;
  try {
    file = await openParquet(blob);
  } catch (e) {
    failed(e);
  }
  const { nodes, stored, groups } = file;
  const reads = cols.map((c) => readOf(c, stored[c.source]));
  const book = new CodeBook();
  const examples = new Map<number, RejectExample[]>();
  const total = groups.reduce((n, r) => n + r, 0);
  let created = false;
  let offset = 0;
  let staged = 0;
  let g = 0;
  onProgress({ phase: 'decoding', fraction: 0 });
  const batches = groupsOf(blob, groups.length, async () => file.decode);
  try {
    for await (const ipc of batches) {
      onProgress({ phase: 'loading', fraction: offset / total });
      await files.insertArrow(stage, ipc, staged === 0);
      staged += groups[g++];
      // Groups are staged until half a million rows, then typed in one query: memory holds a bounded
      // slice of the file, and the typing query is planned a few times rather than once per group.
      if (staged < STAGE_ROWS && g < groups.length) continue;
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
      offset += staged;
      staged = 0;
    }
  } catch (e) {
    failed(e);
  }
  const nonFinite = nonFiniteSql(reads, book, ds);
  if (nonFinite) await exec(conn, nonFinite);
  onProgress({ phase: 'checking', fraction: null });
  const columns = await settleGenericNumbers(conn, ds, reads);
  await checkTextColumns(conn, ds, columns, book, '\n');
  const reasons: RejectReason[] = (await all(conn, `SELECT _bad, count(*) AS n FROM ${ds} WHERE _bad IS NOT NULL GROUP BY _bad ORDER BY n DESC, _bad`))
    .map((b) => ({ ...book.codes[Number(b._bad)], count: Number(b.n), examples: examples.get(Number(b._bad)) ?? [] }));
  await exec(conn, `DELETE FROM ${ds} WHERE _bad IS NOT NULL; ALTER TABLE ${ds} DROP COLUMN _bad`);
  const loaded = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
  const rejected = offset - loaded;
  return { columns, reasons, loaded, rejected, blankLines: 0, dataLines: offset, multiLineRecords: 0, undecodable: [] };
}
