// The physical reference of bench/ingest.mjs: plain DuckDB-WASM (the same blocking build, in a
// module worker like the app's engine) doing the least work that holds the same data,
// `CREATE TABLE t AS SELECT * FROM read_csv(file)`. Bundled by bench/ingest.mjs with Vite.
import { createDuckDB, BROWSER_RUNTIME, VoidLogger, DuckDBDataProtocol } from '$duckdb-blocking';

self.onmessage = async ({ data: { file } }) => {
  try {
    const wasm = new URL('./duckdb-eh.wasm', self.location.href).href;
    const db = await createDuckDB(
      { mvp: { mainModule: wasm, mainWorker: '' }, eh: { mainModule: wasm, mainWorker: '' } },
      new VoidLogger(),
      BROWSER_RUNTIME
    );
    await db.instantiate(() => {});
    const conn = db.connect();
    conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    db.registerFileHandle('data.csv', file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const t0 = performance.now();
    conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('data.csv')`);
    const seconds = (performance.now() - t0) / 1000;
    const rows = Number(conn.query('SELECT count(*)::INTEGER AS n FROM t').toArray()[0].n);
    self.postMessage({ seconds, rows });
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e).slice(0, 300) });
  }
};
