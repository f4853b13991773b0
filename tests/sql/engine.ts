/** The Engine in Node on DuckDB-WASM's blocking build: the same SQL and code the worker runs. */
import { openNodeDb } from '../../workers/db/node.ts';
import { Engine } from '../../workers/engine/engine.ts';
import { insertArrowBatches } from '../../workers/engine/ingest.ts';

export async function nodeEngine(): Promise<Engine> {
  const { db, conn } = await openNodeDb();
  // Arrow inserts (the Parquet reader) go through a raw connection of the same database.
  const arrow = db.connect();
  return await Engine.open(conn, {
    insertArrow: (table, batches) => insertArrowBatches(arrow, table, batches),
    register: async (name, blob) => db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer())),
    drop: (name) => {
      try {
        db.dropFile(name);
      } catch {
        /* not registered */
      }
    }
  });
}
