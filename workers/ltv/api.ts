/** The ltv feature's engine methods, run in the worker beside DuckDB. */
import type { Engine } from '../engine/engine.ts';
import type { LtvApi } from './contract.ts';

export function ltvApi(engine: () => Engine): LtvApi {
  void engine;
  return {};
}
