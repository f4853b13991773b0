import type { EngineError, EngineErrorCode } from '../contract.ts';

/** An error that crosses the worker boundary as plain `{ code, message, detail }`. */
export function engineError(code: EngineErrorCode, message: string, detail?: string): EngineError {
  return { code, message, detail };
}

export function isEngineError(e: unknown): e is EngineError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e && !(e instanceof Error);
}

/** What DuckDB-WASM and the browser say when memory runs out (inside a call, or as the worker's error event). */
export const OUT_OF_MEMORY = /out of memory|could not allocate|memory limit|Aborted\(OOM\)|Cannot enlarge memory|allocation failed/i;

/** Maps anything thrown inside the engine to an EngineError (DuckDB's out-of-memory gets its own code). */
export function toEngineError(e: unknown, fallback: EngineErrorCode = 'query-failed'): EngineError {
  if (isEngineError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (OUT_OF_MEMORY.test(message))
    return engineError('out-of-memory', 'The browser ran out of memory for this data.', message.slice(0, 500));
  return engineError(fallback, message.split('\n')[0].slice(0, 300), message.slice(0, 1000));
}

/** Runs one engine method's body; whatever it throws leaves the worker as an EngineError. */
export async function guarded<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toEngineError(e);
  }
}
