/**
 * The engine's FileHost on native DuckDB: files are opened as file-backed Blobs (nothing is read
 * into memory until the ingest asks for a slice), so the ingest code of the tab runs unchanged:
 * encoding detection, sniffing, transcoding, row accounting. What the tab registers for DuckDB-WASM
 * is written here to a scratch folder DuckDB searches (`file_search_path`), streamed, so a large file
 * never sits in memory; Parquet is read by DuckDB's own reader straight from the user's path.
 */
import { createWriteStream, openAsBlob, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { exec, quoteIdent, quoteLiteral, type SqlConnection } from '../../workers/db/sql.ts';
import type { FileHost } from '../../workers/engine/ingest.ts';
import type { Target } from '../../workers/ingest/parquetDecode.ts';
import type { Stored } from '../../workers/ingest/parquetPages.ts';

/** The SQL that gives a stored Parquet column the type the tab's decoder gives it (parquetDecode.ts). */
export function parquetColumnSql(column: string, stored: Stored, target: Exclude<Target, null>): string {
  const c = quoteIdent(column);
  if (target === 'text') return `CAST(${c} AS VARCHAR)`;
  if (target === 'double') return `CAST(${c} AS DOUBLE)`;
  if (target === 'date') return `CAST(${c} AS DATE)`;
  // 'stored': booleans as they are, 64-bit integers exact, every other number a DOUBLE.
  return stored === 'bool' ? c : stored === 'int64' ? `CAST(${c} AS BIGINT)` : `CAST(${c} AS DOUBLE)`;
}

/** Scratch folders still to remove, also when the process exits early (a closed pipe: `clm … | head`). */
const scratch = new Set<string>();
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder under `root`, removed at exit if nobody removed it before. */
export async function scratchFolder(root: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(root, prefix));
  scratch.add(dir);
  return dir;
}

/** Removes a scratch folder now. */
export async function removeScratch(dir: string): Promise<void> {
  scratch.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

export class NativeFiles implements FileHost {
  private paths = new WeakMap<Blob, string>();

  private constructor(
    private conn: SqlConnection,
    readonly dir: string
  ) {}

  /** A host whose scratch folder is made under `tempRoot` and searched by DuckDB for registered names. */
  static async create(conn: SqlConnection, tempRoot = os.tmpdir()): Promise<NativeFiles> {
    const dir = await scratchFolder(tempRoot, 'clm-');
    await exec(conn, `SET file_search_path = ${quoteLiteral(dir)}`);
    return new NativeFiles(conn, dir);
  }

  /** A file as a Blob backed by the file (read lazily, slice by slice). */
  async open(file: string): Promise<Blob> {
    const blob = await openAsBlob(file);
    this.paths.set(blob, path.resolve(file));
    return blob;
  }

  async register(name: string, blob: Blob): Promise<void> {
    const stream = Readable.fromWeb(blob.stream() as unknown as WebReadableStream<Uint8Array>);
    await pipeline(stream, createWriteStream(path.join(this.dir, name)));
  }

  drop(name: string): void {
    rmSync(path.join(this.dir, name), { force: true });
  }

  async parquetTable(table: string, blob: Blob, names: string[], stored: Stored[], targets: Target[]): Promise<void> {
    const file = this.paths.get(blob);
    if (!file) {
      // A Blob not opened from a path (none on the command line): write it out first.
      const name = `parquet_${table}`;
      await this.register(name, blob);
      return this.parquetTable(table, await this.open(path.join(this.dir, name)), names, stored, targets);
    }
    const columns = names.flatMap((n, i) => (targets[i] ? [`${parquetColumnSql(n, stored[i], targets[i]!)} AS c${i + 1}`] : []));
    await exec(
      this.conn,
      `CREATE TABLE ${quoteIdent(table)} AS
      SELECT (file_row_number + 1)::BIGINT AS _row${columns.map((c) => ', ' + c).join('')}
      FROM read_parquet(${quoteLiteral(file)}, file_row_number = true)`
    );
  }

  /** Removes the scratch folder. */
  async close(): Promise<void> {
    await removeScratch(this.dir);
  }
}
