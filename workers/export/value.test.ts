/**
 * The value script on DuckDB gives the Customer value tab's scores: historical, current, future
 * (read from the CSV `clm value` writes, as the header says), influence, the composite and the
 * value tier of every customer, to 1e-9 relative, on each composite basis and history basis.
 * tests/pg/warehouse.test.ts runs the PostgreSQL script against the same figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { expectScores, siteScores } from '../../tests/sql/valueScores.ts';
import { all } from '../db/sql.ts';
import { writeRows } from '../db/rows.ts';
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import type { ValueParams } from '../value/contract.ts';
import { exportApi } from './api.ts';

let engine: Engine;
let ds: DatasetHandle;

beforeAll(async () => {
  engine = await nodeEngine();
  ds = engine.dataset((await engine.loadSample({ customers: 400, months: 18, seed: 3, lang: 'en' })).id);
  await all(engine.conn, `CREATE TABLE warehouse_input AS SELECT * FROM ${ds.table}`);
}, 60_000);

describe('the DuckDB value script', () => {
  const variants: [string, Partial<ValueParams>][] = [
    ['the defaults (rank basis, seed history)', {}],
    [
      'observed history, yuan basis, other weights and tiers',
      {
        historyBasis: 'observed',
        compositeBasis: 'yuan',
        weights: { historical: 0.4, current: 0.3, future: 0.2, influence: 0.1 },
        valueTierShares: [0.1, 0.6]
      }
    ],
    ['monthly basis, decay 0.8', { compositeBasis: 'monthly', decay: 0.8 }],
    ['decay 1 and an earlier evaluation month', { decay: 1, evaluationMonth: '2024-02' }]
  ];
  it.each(variants)('gives the tab scores: %s', async (_, given) => {
    const params = { ...DEFAULT_VALUE_PARAMS, ...given };
    const site = await siteScores(engine, ds.id, params);
    await writeRows(
      engine.conn,
      'clm_future',
      site.csv.head.map((h) => [h, 'VARCHAR'] as [string, 'VARCHAR']),
      site.csv.cells
    );
    const sql = await exportApi(() => engine).exportSql(ds.id, {
      what: 'value',
      dialect: 'duckdb',
      value: params,
      inputTable: 'warehouse_input'
    });
    expect(sql).toMatch(/^-- Input: a table "warehouse_input"/m);
    expect(sql).toMatch(/future value: read from the table "clm_future"/);
    const got = await all(engine.conn, sql);
    expectScores(got, site.rows);
    expect(new Set(site.rows.map((r) => r.tier))).toEqual(new Set(['high', 'medium', 'low']));
  });
});
