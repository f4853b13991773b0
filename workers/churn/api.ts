/** The churn feature's engine methods, run in the worker beside DuckDB. */
import type { Engine } from '../engine/engine.ts';
import type { ChurnApi } from './contract.ts';

export function churnApi(engine: () => Engine): ChurnApi {
  void engine;
  return {};
}
