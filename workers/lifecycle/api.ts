/** The lifecycle feature's engine methods, run in the worker beside DuckDB. */
import type { Engine } from '../engine/engine.ts';
import type { LifecycleApi } from './contract.ts';

export function lifecycleApi(engine: () => Engine): LifecycleApi {
  void engine;
  return {};
}
