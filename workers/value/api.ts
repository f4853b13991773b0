/** The value feature's engine methods, run in the worker beside DuckDB. */
import type { Engine } from '../engine/engine.ts';
import type { ValueApi } from './contract.ts';

export function valueApi(engine: () => Engine): ValueApi {
  void engine;
  return {};
}
