/** The Engine in Node on DuckDB-WASM's blocking build: the same SQL and code the worker runs. */
import { openNodeDb } from '../../workers/db/node.ts';
import { Engine } from '../../workers/engine/engine.ts';

export async function nodeEngine(): Promise<Engine> {
  const { db, conn } = await openNodeDb();
  return await Engine.open(conn, {
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
