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
import { asyncBuffer, cellText, openParquet, type ParquetGroups, type Target } from '../ingest/parquetDecode.ts';
import type { Stored } from '../ingest/parquetPages.ts';
import type { ReadOutcome } from '../ingest/read.ts';
import { engineError } from './errors.ts';
import type { FileHost } from './ingest.ts';
import { CodeBook, nonFiniteSql, typeInPlaceSql, yyyymmSql, type ColumnRead, type ReadAs, type TypedColumn } from './typed.ts';
import { keepCustomerSpan, startCustomerSpan } from './quality.ts';

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
 * The file's row groups as Arrow IPC streams, in order. In the browser decoder workers work ahead
 * of the engine, each on every other group and at most two groups ahead, so memory holds a few
 * groups: two workers from four cores up (on two cores a second one only competes with DuckDB).
 * Where there is no Worker (vitest in Node) the groups are decoded here.
 */
async function* groupsOf(blob: Blob, groups: number[], targets: Target[], local: ParquetGroups): AsyncGenerator<Uint8Array> {
  const offsets = groups.map((_, g) => groups.slice(0, g).reduce((n, r) => n + r, 0));
  if (typeof Worker === 'undefined') {
    for (let g = 0; g < groups.length; g++) yield await local.decode(g, targets, offsets[g]);
    return;
  }
  const count = (navigator.hardwareConcurrency ?? 2) >= 4 && groups.length > 1 ? 2 : 1;
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL('../ingest/parquetWorker.ts', import.meta.url), { type: 'module' })
  );
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: unknown) => void }>();
  const pending = new Map<number, Promise<Uint8Array>>();
  for (const w of workers) {
    w.onmessage = ({ data }: MessageEvent<{ g: number; ipc?: Uint8Array; error?: string }>) => {
      const p = waiting.get(data.g);
      if (data.error !== undefined) p?.reject(new Error(data.error));
      else p?.resolve(data.ipc!);
    };
    w.postMessage({ blob, targets });
  }
  const ahead = 2 * count;
  const ask = (g: number) => {
    if (g >= groups.length || pending.has(g)) return;
    pending.set(g, new Promise((resolve, reject) => waiting.set(g, { resolve, reject })));
    workers[g % count].postMessage({ g, offset: offsets[g] });
  };
  try {
    for (let g = 0; g < ahead; g++) ask(g);
    for (let g = 0; g < groups.length; g++) {
      const ipc = await pending.get(g)!;
      pending.delete(g);
      ask(g + ahead);
      yield ipc;
    }
  } finally {
    for (const w of workers) w.terminate();
  }
}

/**
 * How a role's column is read from its stored type, and what the decoder makes of it first: numbers
 * of a number column as DOUBLE, a timestamp of a month or date column as its day, text for a text
 * role stored otherwise. The column keeps its name by place (c1..cN) until typeInPlaceSql renames it.
 */
function readOf(c: TypedColumn, stored: Stored): { read: ColumnRead; target: Target } {
  const src = quoteIdent(`c${c.source + 1}`);
  const numeric = stored === 'double' || stored === 'int64';
  const as = (readAs: ReadAs, target: Target) => ({ read: { col: c, readAs, src }, target });
  if (c.kind === 'number' && numeric) return as('DOUBLE', 'double');
  if (c.kind === 'flag' && stored === 'bool') return as('BOOLEAN', 'stored');
  if ((c.kind === 'flag' || c.kind === 'month') && numeric) return as('NUMERIC', 'stored');
  if ((c.kind === 'month' || c.kind === 'date') && (stored === 'date' || stored === 'timestamp')) return as('DATE', 'date');
  return as('VARCHAR', 'text');
}

const EXAMPLES = 5;

/**
 * Reads every row group straight into `ds_<id>` as stored (its Arrow insert appends each batch),
 * then types the table in place: the tests of every row in one pass, each column converted where
 * its stored type is not its value's. No staging copy, so memory holds the table and a group or two.
 */
export async function readParquet(
  conn: SqlConnection,
  files: FileHost,
  id: string,
  blob: Blob,
  cols: TypedColumn[],
  onProgress: ProgressFn
): Promise<ReadOutcome> {
  if (!files.insertArrow && !files.parquetTable) throw engineError('unsupported-format', 'Parquet cannot be read here.');
  const name = `ds_${id}`;
  const ds = quoteIdent(name);
  let file: ParquetGroups;
  try {
    file = await openParquet(blob);
  } catch (e) {
    failed(e);
  }
  const { nodes, stored, groups } = file;
  const plan = cols.map((c) => readOf(c, stored[c.source]));
  const reads = plan.map((p) => p.read);
  const targets: Target[] = nodes.map((_, i) => plan.find((p) => p.read.col.source === i)?.target ?? null);
  const book = new CodeBook();
  const total = groups.reduce((n, r) => n + r, 0);
  onProgress({ phase: 'decoding', fraction: 0 });
  async function* withProgress(): AsyncGenerator<Uint8Array> {
    let inserted = 0;
    let g = 0;
    for await (const ipc of groupsOf(blob, groups, targets, file)) {
      onProgress({ phase: 'loading', fraction: inserted / total });
      yield ipc;
      inserted += groups[g++];
      onProgress({ phase: 'decoding', fraction: inserted / total });
    }
  }
  try {
    // Native DuckDB reads the file itself (its own Parquet reader, in parallel), to the same columns.
    if (files.parquetTable)
      await files.parquetTable(
        name,
        blob,
        nodes.map((n) => n.element.name),
        stored,
        targets
      );
    else await files.insertArrow!(name, withProgress());
  } catch (e) {
    failed(e);
  }
  onProgress({ phase: 'checking', fraction: null });
  for (const r of reads)
    if (r.col.kind === 'month' && r.readAs === 'VARCHAR') r.allYyyymm = !!(await one(conn, yyyymmSql(r.src, ds)))?.all_yyyymm;
  // Reject examples are the stored cells, so they are taken before the columns are converted.
  const [addBad, ...typing] = typeInPlaceSql(reads, book, ds);
  await exec(conn, addBad);
  if (typing[0]?.startsWith('UPDATE')) await exec(conn, typing.shift()!);
  const examples = new Map<number, RejectExample[]>();
  const firstBad = await all(
    conn,
    `SELECT _bad, array_to_string(list(_row ORDER BY _row)[1:${EXAMPLES}], ',') AS rows_ FROM ${ds} WHERE _bad IS NOT NULL GROUP BY _bad`
  );
  for (const b of firstBad) {
    const text = await all(
      conn,
      `SELECT _row, concat_ws(', ', ${reads.map((r) => `${r.src}::VARCHAR`).join(', ')}) AS t FROM ${ds} WHERE _row IN (${b.rows_}) ORDER BY _row`
    );
    examples.set(
      Number(b._bad),
      text.map((t) => ({ line: null, lineEnd: null, row: Number(t._row), text: String(t.t).slice(0, 300) }))
    );
  }
  for (const sql of typing) await exec(conn, sql);
  const nonFinite = nonFiniteSql(reads, book, ds);
  if (nonFinite) await exec(conn, nonFinite);
  // Examples taken under "non-finite" belong to the reason the fix-up gave their rows (or to none).
  const caught = examples.get(book.code('non-finite', null));
  if (caught) {
    examples.delete(book.code('non-finite', null));
    const now = await all(conn, `SELECT _row, _bad FROM ${ds} WHERE _row IN (${caught.map((e) => e.row).join(', ')}) AND _bad IS NOT NULL`);
    for (const r of now)
      examples.set(Number(r._bad), [...(examples.get(Number(r._bad)) ?? []), caught.find((e) => e.row === Number(r._row))!]);
  }
  const columns = await settleGenericNumbers(conn, ds, reads);
  // As read.ts: a panel's per-customer table, whose ids the text check reads instead of grouping again.
  const customers = await startCustomerSpan(conn, ds, columns);
  const text = await checkTextColumns(conn, ds, columns, book, '\n', customers);
  const reasons: RejectReason[] = (
    await all(conn, `SELECT _bad, count(*) AS n FROM ${ds} WHERE _bad IS NOT NULL GROUP BY _bad ORDER BY n DESC, _bad`)
  ).map((b) => ({ ...book.codes[Number(b._bad)], count: Number(b.n), examples: examples.get(Number(b._bad)) ?? [] }));
  await exec(conn, `DELETE FROM ${ds} WHERE _bad IS NOT NULL; ALTER TABLE ${ds} DROP COLUMN _bad`);
  const loaded = Number((await one(conn, `SELECT count(*) AS n FROM ${ds}`))!.n);
  // It holds the final rows unless the check changed an id or rows were removed.
  const customerSpan = await keepCustomerSpan(conn, customers, !text.customerIdsChanged && reasons.length === 0);
  return {
    columns,
    reasons,
    loaded,
    rejected: total - loaded,
    blankLines: 0,
    dataLines: total,
    multiLineRecords: 0,
    customerSpan,
    undecodable: []
  };
}
