/**
 * Spreadsheet and Parquet files are turned into CSV text so they go through exactly the same
 * ingest, typing and row accounting as a CSV file.
 */

/** One CSV cell: dates as ISO (day only at midnight UTC), bigints exactly, quotes where needed. */
export function csvCell(v: unknown): string {
  if (v == null) return '';
  let s: string;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    s = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  } else if (typeof v === 'object') s = JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
  else s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV text (as Blob parts of bounded size) from a header and rows. */
export function rowsToCsvBlob(headers: string[], rows: Iterable<unknown[]>): Blob {
  const parts: string[] = [headers.map(csvCell).join(',') + '\n'];
  let chunk: string[] = [];
  for (const r of rows) {
    chunk.push(r.map(csvCell).join(','));
    if (chunk.length >= 50_000) {
      parts.push(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) parts.push(chunk.join('\n') + '\n');
  return new Blob(parts, { type: 'text/csv' });
}
