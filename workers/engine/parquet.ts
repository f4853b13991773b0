/**
 * Parquet → CSV text with hyparquet (pure JS, MIT). DuckDB-WASM 1.32 does not build Parquet in:
 * it would fetch the extension from extensions.duckdb.org, which a tab that must not talk to the
 * network cannot do (and the engine disables extension autoloading).
 */
import { parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { engineError } from './errors.ts';
import { rowsToCsvBlob } from './tabular.ts';

export async function parquetToCsvBlob(blob: Blob): Promise<Blob> {
  try {
    const file = await blob.arrayBuffer();
    const metadata = await parquetMetadataAsync(file);
    const headers = parquetSchema(metadata).children.map((c) => c.element.name);
    const rows = (await parquetReadObjects({ file, metadata })) as Record<string, unknown>[];
    if (rows.length === 0) throw engineError('no-data-rows', 'The file has no data rows.');
    return rowsToCsvBlob(headers, rows.map((r) => headers.map((h) => r[h])));
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) throw e;
    throw engineError('read-failed', 'The Parquet file could not be read.', e instanceof Error ? e.message : String(e));
  }
}
