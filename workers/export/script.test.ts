/**
 * The exported script is the SQL the features run: on DuckDB, run against a copy of the dataset's
 * typed table named as the header says, it gives the feature's own results (the PostgreSQL script
 * is checked on a real PostgreSQL in tests/pg/). Its header names the input, columns and parameters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all, quoteIdent } from '../db/sql.ts';
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { TABLES } from '../engine/tables.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { churnApi } from '../churn/api.ts';
import { RULE_SETS } from '../lifecycle/rules.ts';
import type { RuleSetId } from '../lifecycle/contract.ts';
import { exportApi } from './api.ts';
import type { ScriptRequest } from './contract.ts';

let engine: Engine;
let ds: DatasetHandle;
const script = (r: ScriptRequest) => exportApi(() => engine).exportSql(ds.id, r);

beforeAll(async () => {
  engine = await nodeEngine();
  ds = engine.dataset((await engine.loadSample({ customers: 400, months: 18, seed: 3, lang: 'en' })).id);
  await all(engine.conn, `CREATE TABLE warehouse_input AS SELECT * FROM ${ds.table}`);
}, 60_000);

describe('the DuckDB script', () => {
  for (const ruleSet of Object.keys(RULE_SETS) as RuleSetId[])
    it(`gives the stage table of rule set ${ruleSet}`, async () => {
      const params = Object.fromEntries(RULE_SETS[ruleSet].params.map((p) => [p.key, Math.min(p.max, p.value + 2 * p.step)]));
      await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet, params });
      const expected = await all(
        engine.conn,
        `SELECT customer_id, strftime(month, '%Y-%m') AS month, stage FROM ${quoteIdent(TABLES.stages(ds.id))} ORDER BY customer_id, month`
      );
      const sql = await script({ what: 'stages', dialect: 'duckdb', ruleSet, params, inputTable: 'warehouse_input' });
      expect(sql).toMatch(/^-- Input: a table "warehouse_input"/m);
      for (const p of RULE_SETS[ruleSet].params) expect(sql).toContain(`${p.key} = ${params[p.key]}`);
      expect(await all(engine.conn, sql)).toEqual(expected);
    });

  it('gives the transitions and the cohort retention', async () => {
    const r = await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet: 'clm', params: {} });
    const t = await all(engine.conn, await script({ what: 'transitions', dialect: 'duckdb', inputTable: 'warehouse_input' }));
    const sum = t.reduce((s, x) => s + Number(x.customers), 0);
    expect(sum).toBe(r.transitions.flat().reduce((s, x) => s + x, 0));
    for (const x of t)
      expect(Number(x.customers)).toBe(r.transitions[r.stages.indexOf(String(x.from_stage))][r.stages.indexOf(String(x.to_stage))]);
    const c = await churnApi(() => engine).cohortRetention(ds.id);
    const cells = await all(engine.conn, await script({ what: 'retention', dialect: 'duckdb', inputTable: 'warehouse_input' }));
    expect(cells.length).toBeGreaterThan(20);
    for (const x of cells) {
      const i = c.cohorts.indexOf(String(x.cohort));
      expect([c.active[i][Number(x.k)], c.sizes[i]]).toEqual([Number(x.active), Number(x.size)]);
    }
  });

  it('names the columns it reads, with role and type, and only those', async () => {
    const sql = await script({ what: 'stages', dialect: 'postgres' });
    expect(sql).toMatch(/^--\s+customer_id\s+VARCHAR\s+customerId/m);
    expect(sql).toMatch(/^--\s+month\s+DATE\s+month/m);
    expect(sql).toMatch(/^--\s+revenue\s+DOUBLE PRECISION\s+revenue/m);
    const read = ds.columns.filter((c) => new RegExp(`^--\\s+${c.name}\\s`, 'm').test(sql)).map((c) => c.role);
    expect(read).not.toContain('plan');
    expect(read.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the PostgreSQL script', () => {
  const code = (sql: string) => sql.replace(/--[^\n]*|\/\*[^*]*\*\//g, '');
  /** Window specifications without an order of their own (nor a named window's). */
  const unordered = (sql: string) =>
    [...code(sql).matchAll(/OVER \(([^()]*)\)|WINDOW \w+ AS \(([^()]*)\)/g)]
      .map((m) => m[1] ?? m[2])
      .filter((w) => !/ORDER BY|PARTITION BY|^\w+ ROWS/.test(w));
  const requests: ScriptRequest[] = [
    ...(Object.keys(RULE_SETS) as RuleSetId[]).map((ruleSet) => ({ what: 'stages' as const, dialect: 'postgres' as const, ruleSet })),
    { what: 'transitions', dialect: 'postgres' },
    { what: 'retention', dialect: 'postgres' }
  ];
  it.each(requests)('orders every window it relies on: $what $ruleSet', async (r) => {
    // PostgreSQL reads a table in no guaranteed order (a warehouse spreads it over segments); DuckDB's script streams in stored order.
    const pg = await script(r);
    const duck = await script({ ...r, dialect: 'duckdb' });
    // Every script builds the panel, whose windows stream over one ORDER BY in DuckDB (customer_months.sql).
    expect(unordered(duck).length > 0).toBe(true);
    expect(unordered(pg)).toEqual([]);
    expect(code(pg)).not.toMatch(/CREATE OR REPLACE TABLE|\bDOUBLE\b(?! PRECISION)|any_value|strftime|\$\d/);
  });
});
