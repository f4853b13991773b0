/**
 * The Parquet decoder's own worker, started by the engine worker for one file: it decodes row
 * groups (parquetDecode.ts) while the engine inserts the previous ones into DuckDB, so the two
 * overlap on a machine with more than one core. Messages: { blob, targets } opens the file; { g,
 * offset } asks for group g, answered with { g, ipc } (the buffer transferred) or { error }.
 */
import { openParquet, type ParquetGroups, type Target } from './parquetDecode.ts';

let file: Promise<ParquetGroups> | null = null;
let targets: Target[] = [];

self.onmessage = async ({ data }: MessageEvent<{ blob?: Blob; targets?: Target[]; g?: number; offset?: number }>) => {
  try {
    if (data.blob) file = openParquet(data.blob);
    if (data.targets) targets = data.targets;
    if (data.g === undefined || !file) return;
    const ipc = await (await file).decode(data.g, targets, data.offset ?? 0);
    (self as unknown as Worker).postMessage({ g: data.g, ipc }, [ipc.buffer]);
  } catch (e) {
    (self as unknown as Worker).postMessage({ g: data.g, error: e instanceof Error ? e.message : String(e) });
  }
};
