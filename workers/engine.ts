/**
 * The engine Web Worker: DuckDB-WASM (blocking build, so the SQL layer is the same code path as in
 * vitest) plus the model code, exposed to the UI through comlink as one typed `EngineApi`.
 */
import * as Comlink from 'comlink';
import { createDuckDB, BROWSER_RUNTIME, VoidLogger, DuckDBDataProtocol, type DuckDBBundles } from '$duckdb-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { CoreApi, EngineApi, EngineInfo } from './contract.ts';
import { wasmConnection, type BlockingConnection } from './db/wasm.ts';
import { one } from './db/sql.ts';
import { Engine } from './engine/engine.ts';
import { insertArrowBatches } from './engine/ingest.ts';
import { engineError, featureApi, toEngineError } from './engine/errors.ts';
import { lifecycleApi } from './lifecycle/api.ts';
import { churnApi } from './churn/api.ts';
import { ltvApi } from './ltv/api.ts';
import { valueApi } from './value/api.ts';
import { segmentsApi } from './segments/api.ts';
import { exportApi } from './export/api.ts';

let engine: Engine | null = null;
let starting: Promise<EngineInfo> | null = null;

/**
 * Held for this worker's whole life: the browser releases it when the worker stops, even when it is
 * killed without an `error` event, and the page, queued for the same lock, learns of it then.
 */
const lifeLock = globalThis.navigator?.locks ? `clm-engine-${crypto.randomUUID()}` : null;
const holding = new Promise<void>((held) => {
  if (!lifeLock) return held();
  void navigator.locks.request(lifeLock, () => {
    held();
    return new Promise(() => {});
  });
});

async function start(): Promise<EngineInfo> {
  const t0 = performance.now();
  // Only the exception-handling build ships: every current browser has wasm exceptions.
  const bundles: DuckDBBundles = { mvp: { mainModule: ehWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } };
  try {
    const db = await createDuckDB(bundles, new VoidLogger(), BROWSER_RUNTIME);
    await db.instantiate(() => {});
    const conn = wasmConnection(db.connect() as unknown as BlockingConnection);
    const arrow = db.connect();
    engine = await Engine.open(conn, {
      // The Parquet reader's Arrow record batches, on a raw connection of the same database.
      insertArrow: (table, batches) => insertArrowBatches(arrow, table, batches),
      register: async (name, blob) => db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true),
      drop: (name) => {
        try {
          db.dropFile(name);
        } catch {
          /* not registered */
        }
      }
    });
    const version = String((await one(conn, 'SELECT version() AS v'))?.v ?? '');
    await holding;
    return { duckdbVersion: version, seconds: (performance.now() - t0) / 1000, lock: lifeLock };
  } catch (e) {
    throw toEngineError(e, 'engine-start-failed');
  }
}

function ready(): Engine {
  if (!engine) throw engineError('engine-start-failed', 'The engine has not started.');
  return engine;
}

/** Every engine method: the core here, then one spread per analysis feature (each wrapped by featureApi). */
const api = {
  ...featureApi<CoreApi>(
    {},
    {
      init: () => (starting ??= start()),
      ingestFile: (file, name, options, onProgress) => ready().ingestFile(file, name, options, onProgress),
      applyRoles: (id, roles) => ready().applyRoles(id, roles),
      loadSample: (options, onProgress) => ready().loadSample(options, onProgress),
      deriveMonthlyPanel: (id) => ready().deriveMonthlyPanel(id),
      dropDataset: (id) => ready().dropDataset(id)
    }
  ),
  ...lifecycleApi(ready),
  ...churnApi(ready),
  ...ltvApi(ready),
  ...valueApi(ready),
  ...segmentsApi(ready),
  ...exportApi(ready)
} satisfies EngineApi;

Comlink.expose(api);
