/**
 * XLSX → CSV text (first sheet). read-excel-file (≈ 48 kB min) is used instead of SheetJS: the
 * registry's `xlsx` 0.18.5 is unmaintained there and has open advisories.
 */
import { readSheet } from 'read-excel-file/universal';
import { engineError } from './errors.ts';
import { rowsToCsvBlob } from './tabular.ts';

export async function xlsxToCsvBlob(blob: Blob): Promise<Blob> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(blob)) as unknown[][];
  } catch (e) {
    throw engineError('xlsx-failed', 'The spreadsheet could not be read.', e instanceof Error ? e.message : String(e));
  }
  if (rows.length === 0) throw engineError('no-data-rows', 'The spreadsheet has no rows.');
  return rowsToCsvBlob(
    rows[0].map((h) => (h == null ? '' : String(h))),
    rows.slice(1)
  );
}
