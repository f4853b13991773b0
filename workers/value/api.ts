/** The value feature's engine methods, run in the worker beside DuckDB. */
import { toCsv } from '../../common/csv.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError, featureApi, type FeatureErrors } from '../engine/errors.ts';
import { assessValue } from './assess.ts';
import type { ValueApi, ValueErrorCode, ValueRow, ValueRowKey } from './contract.ts';
import { VALUE_ROW_KEYS } from '../../common/valueParams.ts';

/** Sorts rows by a column, missing values last whichever the direction. */
export function sortRows(rows: ValueRow[], key: ValueRowKey, descending: boolean): ValueRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

/** ModelErrors of the value models (regressions, PCA and entropy weights) in the value tab's codes. */
export const VALUE_ERRORS: FeatureErrors<ValueErrorCode> = {
  models: { 'too-few-rows': 'value-too-few-customers' },
  model: 'value-model-failed'
};

export function valueApi(engine: () => Engine): ValueApi {
  // The per-customer table of the last assessment of each dataset, for sorting and the full CSV
  // (an engine cache: emptied when the dataset is dropped).
  const last = () => engine().cache<ValueRow[]>('value.rows');
  const rowsOf = (id: string) => {
    const rows = last().get(id);
    if (!rows) throw engineError('value-not-assessed', 'Run the value assessment first.');
    return rows;
  };
  return featureApi<ValueApi>(VALUE_ERRORS, {
    assessValue: async (datasetId, params, onProgress) => {
      onProgress?.({ phase: 'summarising', fraction: null });
      const { result, rows } = await assessValue(engine(), datasetId, params);
      last().set(datasetId, rows);
      return result;
    },
    valueRows: async (datasetId, sortBy, descending, limit) => sortRows(rowsOf(datasetId), sortBy, descending).slice(0, limit),
    valueCsv: async (datasetId) =>
      toCsv(
        [...VALUE_ROW_KEYS],
        rowsOf(datasetId).map((r) => VALUE_ROW_KEYS.map((k) => r[k]))
      )
  });
}
