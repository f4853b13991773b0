/**
 * Errors as plain `{ code, message, detail }` objects: what crosses the worker boundary (comlink
 * serialises an Error poorly) and what the page translates by its code. Shared, so a failure thrown
 * inside an engine call and the worker's own `error` event (e.g. DuckDB-WASM's `Aborted(OOM)`) are
 * mapped by the same rule.
 */

export interface CodedError<C extends string = string> {
  code: C;
  message: string;
  /** For the curious (a model's own code, the first lines of DuckDB's message); never a stack trace. */
  detail?: string;
}

/** What DuckDB-WASM and the browser say when memory runs out (inside a call, or as the worker's error event). */
export const OUT_OF_MEMORY = /out of memory|could not allocate|memory limit|Aborted\(OOM\)|Cannot enlarge memory|allocation failed/i;

/** A coded error (not an Error instance: those carry no code the page could translate). */
export function isCodedError(e: unknown): e is CodedError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e && !(e instanceof Error);
}

/**
 * Anything thrown, as a coded error: coded errors pass unchanged, a memory failure is
 * 'out-of-memory' whatever was running, anything else is `fallback` with the first line of its message.
 */
export function toCodedError<C extends string>(e: unknown, fallback: C): CodedError<C | 'out-of-memory'> {
  if (isCodedError(e)) return e as CodedError<C>;
  const message = e instanceof Error ? e.message : String(e);
  if (OUT_OF_MEMORY.test(message))
    return { code: 'out-of-memory', message: 'The browser ran out of memory for this data.', detail: message.slice(0, 500) };
  return { code: fallback, message: message.split('\n')[0].slice(0, 300), detail: message.slice(0, 1000) };
}
