/**
 * The one error path of the engine: every method of every feature API is wrapped by `featureApi`,
 * so whatever a method throws leaves the worker as an EngineError with a code the page translates.
 * A DuckDB out-of-memory is 'out-of-memory' in every feature; a ModelError from the numeric models
 * becomes the calling feature's own code (each feature declares its codes in its contract).
 */
import { toCodedError } from '../../common/errors.ts';
import type { EngineError, EngineErrorCode } from '../contract.ts';
import { ModelError, type ModelErrorCode } from '../models/errors.ts';

export { isCodedError as isEngineError, OUT_OF_MEMORY } from '../../common/errors.ts';

/** An error that crosses the worker boundary as plain `{ code, message, detail }`. */
export function engineError(code: EngineErrorCode, message: string, detail?: string): EngineError {
  return { code, message, detail };
}

/** Maps anything thrown inside the engine to an EngineError (DuckDB's out-of-memory gets its own code). */
export function toEngineError(e: unknown, fallback: EngineErrorCode = 'query-failed'): EngineError {
  return toCodedError(e, fallback) as EngineError;
}

/** How a feature's ModelErrors read: listed model codes map to the feature's codes, the rest to `model`. */
export interface FeatureErrors<C extends EngineErrorCode = EngineErrorCode> {
  models?: Partial<Record<ModelErrorCode, C>>;
  /** The code of a ModelError not listed in `models` (default 'query-failed'). */
  model?: C;
}

/** Whatever a feature's method threw, as an EngineError in that feature's codes. */
export function featureError(e: unknown, errors: FeatureErrors): EngineError {
  if (e instanceof ModelError) return engineError(errors.models?.[e.code] ?? errors.model ?? 'query-failed', e.message, e.code);
  return toEngineError(e);
}

/**
 * A feature's API (every method returns a promise) with every method wrapped: its results
 * unchanged, its failures as EngineErrors (see featureError). The one place an engine method's
 * errors are mapped. Call it as `featureApi<LifecycleApi>(errors, { … })` so the methods are typed.
 */
export function featureApi<A extends object>(errors: FeatureErrors, impl: A): A {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(impl)) {
    if (typeof method !== 'function') throw new Error(`featureApi: ${name} is not a method`);
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (e) {
        throw featureError(e, errors);
      }
    };
  }
  return wrapped as A;
}
