/**
 * The Parquet decoder's own worker, started by the engine worker for one file: it decodes row
 * groups (parquetDecode.ts) while the engine inserts the previous ones into DuckDB, so the two
 * overlap on a machine with more than one core. Messages: { blob } opens the file; { g } asks for
 * group g, answered with { g, ipc } (the buffer transferred) or { error }.
 */
import { openParquet, type ParquetGroups } from './parquetDecode.ts';

let file: Promise<ParquetGroups> | null = null;

self.onmessage = async ({ data }: MessageEvent<{ blob?: Blob; g?: number }>) => {
  try {
    if (data.blob) file = openParquet(data.blob);
    if (data.g === undefined || !file) return;
    const ipc = await (await file).decode(data.g);
    (self as unknown as Worker).postMessage({ g: data.g, ipc }, [ipc.buffer]);
  } catch (e) {
    (self as unknown as Worker).postMessage({ g: data.g, error: e instanceof Error ? e.message : String(e) });
  }
};
