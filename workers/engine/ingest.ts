/**
 * File ingest: detect the format and encoding, load every record as text (structural rejects are
 * recorded by DuckDB), then type it by column role (value rejects recorded here). Row accounting:
 * records in the file = loaded + structural rejects + value rejects, always.
 */
import type { ColumnRole, DatasetSummary, Encoding, IngestOptions, ProgressFn } from '../contract.ts';
import { all, exec, one, quoteIdent, quoteLiteral, template, type SqlConnection } from '../db/sql.ts';
import { detectEncoding, detectFormat, sniffText, dedupeHeaders } from '../ingest/sniff.ts';
import { suggestRoles } from '../ingest/roles.ts';
import { headerSignature } from '../../common/headers.ts';
import { ROLE_KIND } from './typed.ts';
import { transcodeToUtf8Chunks } from '../ingest/encoding.ts';
import { engineError } from './errors.ts';
import rawDelimitedSql from './sql/raw_delimited.sql?raw';
import rawLinesSql from './sql/raw_lines.sql?raw';

/** How the engine makes a Blob readable by DuckDB (browser: file handle; Node tests: buffer). */
export interface FileHost {
  register(name: string, blob: Blob): Promise<void>;
  drop(name: string): void;
}

/** A file as read: what the summary reports about it, plus the engine's own tables. */
export interface RawDataset
  extends Pick<DatasetSummary, 'id' | 'fileName' | 'bytes' | 'format' | 'encoding' | 'delimiter' | 'hasHeader' | 'headers' | 'preview'> {
  suggestedRoles: ColumnRole[];
  rawTable: string;
  /** Structural rejects: (line, reason, text). */
  structuralTable: string;
  blankLines: number | null;
}

const SAMPLE_BYTES = 64 * 1024;
const PREVIEW_ROWS = 20;

const STRUCTURAL_REASON = `CASE
  WHEN error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS') THEN 'wrong-field-count'
  WHEN error_type IN ('UNQUOTED VALUE', 'UNTERMINATED QUOTE') THEN 'bad-quoting'
  WHEN error_type = 'INVALID ENCODING' THEN 'invalid-encoding'
  WHEN error_type = 'LINE SIZE OVER MAXIMUM' THEN 'line-too-long'
  ELSE 'unreadable-row' END`;

async function readSample(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, SAMPLE_BYTES).arrayBuffer());
}

export async function loadRaw(
  conn: SqlConnection, files: FileHost, id: string, blob: Blob, fileName: string,
  options: IngestOptions, onProgress: ProgressFn
): Promise<RawDataset> {
  if (blob.size === 0) throw engineError('empty-file', 'The file is empty.');
  onProgress({ phase: 'reading', fraction: null });
  const sample = await readSample(blob);
  const format = detectFormat(fileName, sample);
  if (format === 'empty') throw engineError('empty-file', 'The file is empty.');
  if (format === 'binary') throw engineError('binary-file', 'This is not a text, Parquet or Excel file.');
  const rawTable = quoteIdent(`raw_${id}`);
  const structuralTable = quoteIdent(`srej_${id}`);
  const base = { id, fileName, bytes: blob.size, rawTable, structuralTable };
  if (format === 'parquet') {
    const { parquetToCsvBlob } = await import('./parquet.ts');
    const csv = await parquetToCsvBlob(blob);
    return { ...(await loadText(conn, files, base, csv, { ...options, encoding: 'utf-8' }, onProgress)), format: 'parquet', encoding: null };
  }
  if (format === 'xlsx') {
    const { xlsxToCsvBlob } = await import('./xlsx.ts');
    const csv = await xlsxToCsvBlob(blob);
    return { ...(await loadText(conn, files, base, csv, { ...options, encoding: 'utf-8' }, onProgress)), format: 'xlsx' };
  }
  return loadText(conn, files, base, blob, options, onProgress);
}

type Base = Pick<RawDataset, 'id' | 'fileName' | 'bytes' | 'rawTable' | 'structuralTable'>;

async function loadText(
  conn: SqlConnection, files: FileHost, base: Base, blob: Blob, options: IngestOptions, onProgress: ProgressFn
): Promise<RawDataset> {
  const sample = await readSample(blob);
  const encoding: Encoding = options.encoding ?? detectEncoding(sample).encoding;
  const decoderLabel = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const text = new TextDecoder(decoderLabel).decode(sample, { stream: true }).replace(/^\uFEFF/, '');
  const sniff = sniffText(text);
  if (sniff.headers.length === 0) throw engineError('no-data-rows', 'The file has no rows.');

  // DuckDB reads UTF-8 only: other encodings are transcoded in chunks, here in the worker.
  let readable = blob;
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    onProgress({ phase: 'transcoding', fraction: 0 });
    const parts = await transcodeToUtf8Chunks(
      (offset, length) => blob.slice(offset, offset + length).arrayBuffer().then((b) => new Uint8Array(b)),
      blob.size, encoding, { onProgress: (done, total) => onProgress({ phase: 'transcoding', fraction: done / total }) }
    );
    readable = new Blob(parts, { type: 'text/plain' });
  }
  const fileName = `file_${base.id}`;
  await files.register(fileName, readable);
  onProgress({ phase: 'loading', fraction: null });

  const headers = dedupeHeaders(sniff.headers);
  const n = headers.length;
  let blankLines: number | null = null;
  if (sniff.delimiter === 'whitespace') {
    blankLines = await loadWhitespace(conn, base, fileName, n, sniff.hasHeader);
  } else {
    const columns = `{${headers.map((_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ')}}`;
    const rejectsTable = quoteIdent(`rej_err_${base.id}`);
    await exec(conn, template(rawDelimitedSql, {
      raw: base.rawTable, file: quoteLiteral(fileName), columns, header: String(sniff.hasHeader),
      delim: quoteLiteral(sniff.delimiter), quote: quoteLiteral(sniff.quote),
      rejectsTable: quoteLiteral(`rej_err_${base.id}`), rejectsScan: quoteLiteral(`rej_scan_${base.id}`)
    }));
    await exec(conn, `CREATE OR REPLACE TABLE ${base.structuralTable} AS
      SELECT line, any_value(${STRUCTURAL_REASON}) AS reason, any_value(csv_line) AS text
      FROM ${rejectsTable} GROUP BY line`);
    await exec(conn, `DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${quoteIdent(`rej_scan_${base.id}`)}`);
  }
  const preview = (await all(conn, `SELECT * EXCLUDE (_row) FROM ${base.rawTable} ORDER BY _row LIMIT ${PREVIEW_ROWS}`))
    .map((r) => headers.map((_, i) => (r[`c${i + 1}`] as string | null) ?? ''));
  return {
    ...base, format: 'csv', encoding, delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, headers, preview,
    suggestedRoles: givenRoles(options, headers) ?? suggestRoles(headers, preview), blankLines
  };
}

/** Roles the UI sent for this file (for its column count, or for its header), if they are valid. */
function givenRoles(options: IngestOptions, headers: string[]): ColumnRole[] | null {
  const roles = options.roles?.length === headers.length ? options.roles : options.rolesByHeader?.[headerSignature(headers)];
  return roles?.length === headers.length && roles.every((r) => Object.hasOwn(ROLE_KIND, r)) ? roles : null;
}

/** Whitespace-separated lines; returns the number of blank lines (counted, not loaded). */
async function loadWhitespace(conn: SqlConnection, base: Base, fileName: string, n: number, hasHeader: boolean): Promise<number> {
  const lines = quoteIdent(`lines_${base.id}`);
  await exec(conn, template(rawLinesSql, { lines, file: quoteLiteral(fileName) }));
  const first = hasHeader ? `(SELECT min(_line) FROM ${lines} WHERE nullif(trim(line, ' ' || chr(9) || chr(13) || chr(12288)), '') IS NOT NULL)` : '0';
  const cols = Array.from({ length: n }, (_, i) => `fields[${i + 1}] AS c${i + 1}`).join(', ');
  await exec(conn, `
    CREATE OR REPLACE TEMP TABLE _data_lines AS
      SELECT _line, line, fields FROM ${lines}
      WHERE _line > ${first} AND nullif(trim(line, ' ' || chr(9) || chr(13) || chr(12288)), '') IS NOT NULL;
    CREATE OR REPLACE TABLE ${base.rawTable} AS
      SELECT row_number() OVER (ORDER BY _line) AS _row, ${cols}
      FROM _data_lines WHERE len(fields) = ${n} ORDER BY _line;
    CREATE OR REPLACE TABLE ${base.structuralTable} AS
      SELECT _line AS line, 'wrong-field-count' AS reason, line AS text
      FROM _data_lines WHERE len(fields) <> ${n};`);
  const blank = await one(conn, `SELECT count(*) AS n FROM ${lines} WHERE _line > ${first} AND nullif(trim(line, ' ' || chr(9) || chr(13) || chr(12288)), '') IS NULL`);
  await exec(conn, `DROP TABLE _data_lines; DROP TABLE ${lines}`);
  return Number(blank?.n ?? 0);
}
