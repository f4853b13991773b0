/**
 * XLSX → CSV text, so a spreadsheet goes through exactly the same ingest and row accounting as a
 * CSV. read-excel-file (≈ 48 kB min) is used instead of SheetJS: the registry's `xlsx` 0.18.5 is
 * unmaintained there and has open advisories. Only the first sheet is read.
 */
import { readSheet } from 'read-excel-file/universal';
import { engineError } from './errors.ts';

function cell(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export async function xlsxToCsvBlob(blob: Blob): Promise<Blob> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(blob)) as unknown[][];
  } catch (e) {
    throw engineError('xlsx-failed', 'The spreadsheet could not be read.', e instanceof Error ? e.message : String(e));
  }
  if (rows.length === 0) throw engineError('no-data-rows', 'The spreadsheet has no rows.');
  const lines = rows.map((r) => r.map(cell).join(','));
  return new Blob([lines.join('\n') + '\n'], { type: 'text/csv' });
}
