// Records the exact SQL statements the engine runs to ingest a file, by running the real Engine
// (DuckDB-WASM in Node) through Vite's module loader (the engine imports its .sql files with ?raw).
// Used by bench/ingest.mjs to replay the same SQL in native DuckDB.
import { createServer } from 'vite';
import fs from 'node:fs';

export async function recordIngestSql(file) {
  const server = await createServer({
    configFile: false, logLevel: 'error', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }
  });
  try {
    const { openNodeDb } = await server.ssrLoadModule('/workers/db/node.ts');
    const { Engine } = await server.ssrLoadModule('/workers/engine/engine.ts');
    const statements = [];
    const { db, conn } = await openNodeDb((sql) => statements.push(sql));
    const engine = await Engine.open(conn, {
      register: async (name, blob) => db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer())),
      drop: () => {}
    });
    const summary = await engine.ingestFile(new Blob([fs.readFileSync(file)]), 'panel.csv');
    return { statements, summary };
  } finally {
    await server.close();
  }
}
