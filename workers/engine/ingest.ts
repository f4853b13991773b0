/**
 * File ingest: detect the format and the encoding, sniff delimiter and header, register the text
 * for DuckDB, then read it straight into the typed dataset table by column role (ingest/read.ts;
 * whitespace-separated text: ingest/whitespace.ts; Parquet: parquet.ts). Row accounting:
 * records in the file = loaded + rejected, always; blank lines are counted apart.
 */
import type { ColumnRole, DatasetSummary, Delimiter, Encoding, EncodingIssue, IngestOptions, ProgressFn } from '../contract.ts';
import type { SqlConnection } from '../db/sql.ts';
import { detectEncoding, detectFormat, sampleWindows, sniffText, type TextSniff } from '../ingest/sniff.ts';
import { suggestRoles } from '../ingest/roles.ts';
import { headerSignature } from '../../common/headers.ts';
import { ROLE_KIND } from './typed.ts';
import { transcodeToUtf8Chunks, type UndecodableLine } from '../ingest/encoding.ts';
import { readDelimited, sentinelLine, type DelimitedSource, type ReadOutcome } from '../ingest/read.ts';
import { readWhitespace } from '../ingest/whitespace.ts';
import { engineError } from './errors.ts';
import type { TypedColumn } from './typed.ts';
import type { Target } from '../ingest/parquetDecode.ts';
import type { Stored } from '../ingest/parquetPages.ts';

/** How the engine makes a Blob readable by DuckDB (browser: file handle; Node tests: buffer). */
export interface FileHost {
  register(name: string, blob: Blob): Promise<void>;
  drop(name: string): void;
  /**
   * Creates a table from Arrow IPC streams, appended in order in one transaction: the Parquet
   * reader's way in. (Each append committed on its own costs about three times as much.)
   */
  insertArrow?(table: string, batches: AsyncIterable<Uint8Array>): Promise<void>;
  /**
   * Creates the same table as insertArrow (`_row`, then the kept columns c1..cN converted per
   * target) by reading the Parquet file directly: native DuckDB on the command line.
   */
  parquetTable?(table: string, blob: Blob, names: string[], stored: Stored[], targets: Target[]): Promise<void>;
}

/** The part of a DuckDB-WASM connection that appends Arrow data. */
interface ArrowConnection {
  query(sql: string): unknown;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
}

/** FileHost.insertArrow over a DuckDB-WASM connection: every batch appended, in one transaction. */
export async function insertArrowBatches(conn: ArrowConnection, table: string, batches: AsyncIterable<Uint8Array>): Promise<void> {
  conn.query('BEGIN TRANSACTION');
  try {
    let first = true;
    for await (const ipc of batches) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: first });
      first = false;
    }
    conn.query('COMMIT');
  } catch (e) {
    conn.query('ROLLBACK');
    throw e;
  }
}

/** Where a loaded file's rows come from when its roles change and it is read again. */
export type FileSource =
  | { kind: 'delimited'; src: DelimitedSource }
  | { kind: 'whitespace'; file: string; width: number; hasHeader: boolean }
  | { kind: 'parquet'; blob: Blob };

/** A file as detected: what the summary reports about it and how to read it. */
export interface LoadedFile extends Pick<
  DatasetSummary,
  'id' | 'fileName' | 'bytes' | 'format' | 'encoding' | 'delimiter' | 'hasHeader' | 'headers' | 'preview'
> {
  suggestedRoles: ColumnRole[];
  /** Sample cells per column, which choose each column's read type. */
  samples: string[][];
  source: FileSource;
  encodingIssue: EncodingIssue | null;
  quotes: 'standard' | 'literal';
}

/** Widest file read (DuckDB and the report handle it; wider is refused with this number). */
export const MAX_COLUMNS = 4096;
const PREVIEW_ROWS = 20;
const SAMPLE_ROWS = 2000;

const bytesOf = (blob: Blob) => (offset: number, length: number) =>
  blob
    .slice(offset, offset + length)
    .arrayBuffer()
    .then((b) => new Uint8Array(b));

export async function detectFile(
  files: FileHost,
  id: string,
  blob: Blob,
  fileName: string,
  options: IngestOptions,
  onProgress: ProgressFn
): Promise<LoadedFile> {
  if (blob.size === 0) throw engineError('empty-file', 'The file is empty.');
  onProgress({ phase: 'reading', fraction: null });
  const head = await bytesOf(blob)(0, 64 * 1024);
  const format = detectFormat(fileName, head);
  if (format === 'empty') throw engineError('empty-file', 'The file is empty.');
  if (format === 'binary') throw engineError('binary-file', 'This is not a text, Parquet or Excel file.');
  const base = { id, fileName, bytes: blob.size };
  if (format === 'parquet') {
    const { parquetColumns } = await import('./parquet.ts');
    const p = await parquetColumns(blob);
    return {
      ...base,
      format: 'parquet',
      encoding: null,
      delimiter: null,
      hasHeader: true,
      headers: p.headers,
      preview: p.preview,
      suggestedRoles: givenRoles(options, p.headers) ?? suggestRoles(p.headers, p.preview),
      samples: p.headers.map((_, i) => p.preview.map((r) => r[i])),
      source: { kind: 'parquet', blob },
      encodingIssue: null,
      quotes: 'standard'
    };
  }
  if (format === 'xlsx') {
    const { xlsxToCsvBlob } = await import('./xlsx.ts');
    const csv = await xlsxToCsvBlob(blob);
    return { ...(await detectText(files, base, csv, { ...options, encoding: 'utf-8' }, onProgress)), format: 'xlsx' };
  }
  return detectText(files, base, blob, options, onProgress);
}

/** The first data rows of a sniff, as cells per column (for the read-type choice). */
function columnSamples(sniff: TextSniff, width: number): string[][] {
  const rows = sniff.previewRows.slice(0, SAMPLE_ROWS);
  return Array.from({ length: width }, (_, i) => rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== ''));
}

/** Lines of only white space before the first record (DuckDB is told to skip them). */
function leadingBlankLines(text: string): number {
  let n = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.replace(/[ \t\v\f\u00a0\u3000\uFEFF]/g, '') !== '') break;
    n++;
  }
  return n;
}

async function detectText(
  files: FileHost,
  base: Pick<LoadedFile, 'id' | 'fileName' | 'bytes'>,
  blob: Blob,
  options: IngestOptions,
  onProgress: ProgressFn
): Promise<LoadedFile> {
  const read = bytesOf(blob);
  const guess = detectEncoding(await sampleWindows(read, blob.size));
  const encoding: Encoding = options.encoding ?? guess.encoding;
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const head = await read(0, 256 * 1024);
  const text = new TextDecoder(label).decode(head, { stream: true }).replace(/^\uFEFF/, '');
  const literal = options.quotes === 'literal';
  const sniff = sniffText(text, { maxPreviewRows: SAMPLE_ROWS });
  if (sniff.headers.length === 0) throw engineError('no-data-rows', 'The file has no rows.');
  if (sniff.headers.length > MAX_COLUMNS)
    throw engineError(
      'too-many-columns',
      `The file has ${sniff.headers.length} columns; at most ${MAX_COLUMNS} can be read.`,
      String(MAX_COLUMNS)
    );

  // DuckDB reads UTF-8 only: other encodings are transcoded in chunks, here in the worker.
  let readable = blob;
  const undecodable: UndecodableLine[] = [];
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    onProgress({ phase: 'transcoding', fraction: 0 });
    const parts = await transcodeToUtf8Chunks(read, blob.size, encoding, {
      onProgress: (done, total) => onProgress({ phase: 'transcoding', fraction: done / total }),
      onUndecodable: (line) => undecodable.push(line)
    });
    readable = new Blob(parts, { type: 'text/plain' });
  }
  const headers = sniff.headers;
  const width = headers.length;
  const file = `file_${base.id}`;
  const source: FileSource =
    sniff.delimiter === 'whitespace'
      ? { kind: 'whitespace', file, width, hasHeader: sniff.hasHeader }
      : {
          kind: 'delimited',
          src: {
            file,
            content: readable,
            delimiter: sniff.delimiter,
            quote: literal ? '' : sniff.quote,
            lineEnding: sniff.lineEnding,
            skip: leadingBlankLines(text),
            header: sniff.hasHeader,
            width
          }
        };
  await registerSource(files, source, readable);
  const preview = sniff.previewRows.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, i) => r[i] ?? ''));
  const alternative = guess.alternative ?? (undecodable.length ? (encoding === 'gb18030' ? 'utf-8' : 'gb18030') : undefined);
  return {
    ...base,
    format: 'csv',
    encoding,
    delimiter: sniff.delimiter as Delimiter,
    hasHeader: sniff.hasHeader,
    headers,
    preview,
    suggestedRoles: givenRoles(options, headers) ?? suggestRoles(headers, sniff.previewRows.slice(0, 200)),
    samples: columnSamples(sniff, width),
    source,
    quotes: literal ? 'literal' : 'standard',
    encodingIssue:
      alternative && !options.encoding
        ? {
            chosen: encoding,
            alternative,
            lines: undecodable.length,
            examples: undecodable.map((u) => ({ line: null, asChosen: u.asChosen, asAlternative: u.asAlternative }))
          }
        : null
  };
}

/** Roles the UI sent for this file (for its column count, or for its header), if they are valid. */
function givenRoles(options: IngestOptions, headers: string[]): ColumnRole[] | null {
  const roles = options.roles?.length === headers.length ? options.roles : options.rolesByHeader?.[headerSignature(headers)];
  return roles?.length === headers.length && roles.every((r) => Object.hasOwn(ROLE_KIND, r)) ? roles : null;
}

/** Registers the text DuckDB reads: a delimited file gets the sentinel record after its end. */
async function registerSource(files: FileHost, source: FileSource, content: Blob): Promise<void> {
  if (source.kind === 'whitespace') return files.register(source.file, content);
  if (source.kind !== 'delimited') return;
  const { src } = source;
  const last = new Uint8Array(await content.slice(Math.max(0, content.size - 1)).arrayBuffer())[0];
  const ends = last === 10 || last === 13;
  await files.register(src.file, new Blob([content, ends ? '' : src.lineEnding, sentinelLine(src) + src.lineEnding]));
}

/**
 * DuckDB's reader stops on a file whose lines do not all end alike (LF here, CR LF there) and on a
 * carriage return alone inside an unquoted field. Such a file is read again with every CR LF made
 * LF and every lone CR made U+001A; line numbers are unchanged (a lone CR never ended a line here),
 * and the records holding U+001A are rejected with their reason (textColumns.ts, values.sql).
 */
async function withUniformLineEnds(content: Blob): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const chunk = 8 << 20;
  for (let offset = 0; offset < content.size; offset += chunk) {
    const b = new Uint8Array(await content.slice(offset, offset + chunk + 1).arrayBuffer());
    const n = Math.min(chunk, b.length);
    const out = new Uint8Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const c = b[i];
      if (c !== 13) out[k++] = c;
      else if (i + 1 >= b.length || b[i + 1] !== 10) out[k++] = 26;
    }
    parts.push(out.slice(0, k));
  }
  return new Blob(parts);
}

const INVALID_STATE = /state machine reached an invalid state/i;

/** Reads a detected file into its typed table `ds_<id>` with the given column layout. */
export async function readFile(
  conn: SqlConnection,
  files: FileHost,
  file: LoadedFile,
  cols: TypedColumn[],
  onProgress: ProgressFn
): Promise<ReadOutcome> {
  const { source } = file;
  if (source.kind === 'whitespace') return readWhitespace(conn, file.id, source.file, source.width, source.hasHeader, cols);
  if (source.kind === 'parquet') {
    const { readParquet } = await import('./parquet.ts');
    return readParquet(conn, files, file.id, source.blob, cols, onProgress);
  }
  const register = (name: string, blob: Blob) => files.register(name, blob);
  const drop = (name: string) => files.drop(name);
  try {
    return await readDelimited(conn, register, drop, file.id, source.src, cols, file.samples, onProgress);
  } catch (e) {
    if (!INVALID_STATE.test(e instanceof Error ? e.message : String(e)) || source.src.lineEnding === '\r') throw e;
    const content = await withUniformLineEnds(source.src.content);
    source.src = { ...source.src, content, lineEnding: '\n' };
    await registerSource(files, source, content);
    return readDelimited(conn, register, drop, file.id, source.src, cols, file.samples, onProgress);
  }
}
