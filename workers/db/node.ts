/**
 * DuckDB-WASM (blocking build) in Node, for vitest and scripts: the same engine and SQL as the
 * browser worker, so SQL tests exercise exactly what ships.
 */
import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { SqlConnection } from './sql.ts';
import { wasmConnection, type BlockingConnection } from './wasm.ts';

export interface NodeDb {
  db: DuckDBBindings;
  conn: SqlConnection;
  close(): void;
}

export async function openNodeDb(onStatement?: (sql: string) => void): Promise<NodeDb> {
  const require = createRequire(import.meta.url);
  const wasm = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
  const bundles = { mvp: { mainModule: wasm, mainWorker: '' }, eh: { mainModule: wasm, mainWorker: '' } };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  const conn = db.connect();
  return { db, conn: wasmConnection(conn as unknown as BlockingConnection, onStatement), close: () => conn.close() };
}
