/**
 * Writing a result: CSV through the workbench's one CSV writer (common/csv.ts: BOM, CRLF, formula
 * cells neutralised), or Parquet (`--out x.parquet`) through DuckDB's COPY. A result is either a
 * query (large tables such as the stages of every customer-month, streamed in chunks) or the CSV
 * text a feature API already makes for the tab's download (value scores, lists).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toCsv, type CsvCell } from '../../common/csv.ts';
import { all, exec, quoteLiteral, type SqlConnection } from '../../workers/db/sql.ts';

export type Result =
  | { kind: 'text'; text: string }
  | { kind: 'query'; sql: string; headers: string[] }
  | { kind: 'csv'; text: string }
  | { kind: 'rows'; headers: string[]; rows: unknown[][] };

/** Parquet when the file name says so. */
export const isParquet = (out: string | null) => !!out && /\.parquet$/i.test(out);

const CHUNK = 100_000;

function write(stream: WriteStream | NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve).once('error', reject);
  });
}

/**
 * A query's rows as CSV, chunk by chunk (header and BOM once). The rows are kept once in a temporary
 * table, in the query's order, and read by rowid range: no re-sorting per chunk.
 */
async function queryCsv(
  conn: SqlConnection,
  result: Extract<Result, { kind: 'query' }>,
  stream: WriteStream | NodeJS.WriteStream
): Promise<number> {
  await exec(conn, `CREATE OR REPLACE TEMP TABLE clm_out AS ${result.sql}`);
  try {
    const total = Number((await all(conn, 'SELECT count(*) AS n FROM clm_out'))[0].n);
    for (let offset = 0; offset === 0 || offset < total; offset += CHUNK) {
      const part = await all(conn, `SELECT * FROM clm_out WHERE rowid >= ${offset} AND rowid < ${offset + CHUNK} ORDER BY rowid`);
      const text = toCsv(
        result.headers,
        part.map((r) => result.headers.map((h) => r[h] as CsvCell))
      );
      // toCsv starts every chunk with the BOM and the header row: keep them once.
      await write(stream, offset === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
    }
    return total;
  } finally {
    await exec(conn, 'DROP TABLE IF EXISTS clm_out');
  }
}

/**
 * Writes `result` to `out` (CSV, or Parquet by extension) or to stdout (CSV) when `out` is null.
 * `scratch` is a folder for the CSV text a Parquet file is made from.
 */
export async function writeResult(conn: SqlConnection, given: Result, out: string | null, scratch: string): Promise<void> {
  if (given.kind === 'text') {
    if (out) await writeFile(out, given.text);
    else await write(process.stdout, given.text);
    return;
  }
  const result: Exclude<Result, { kind: 'rows' | 'text' }> =
    given.kind === 'rows' ? { kind: 'csv', text: toCsv(given.headers, given.rows as CsvCell[][]) } : given;
  if (isParquet(out)) {
    let source: string;
    if (result.kind === 'query') source = result.sql;
    else {
      const csv = path.join(scratch, 'result.csv');
      await writeFile(csv, result.text);
      source = `SELECT * FROM read_csv(${quoteLiteral(csv)}, header = true)`;
    }
    await exec(conn, `COPY (${source}) TO ${quoteLiteral(path.resolve(out!))} (FORMAT parquet)`);
    return;
  }
  const stream = out ? createWriteStream(out) : process.stdout;
  try {
    if (result.kind === 'csv') await write(stream, result.text);
    else await queryCsv(conn, result, stream);
  } finally {
    if (out) await new Promise<void>((resolve, reject) => (stream as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
