// The streaming stage rules against the rules they replaced (tests/oracle/, kept verbatim), row for
// row on the generated sample: every stage equal, except where the old rule's floating-point
// arithmetic decided a zero sum or an exact tie, and there the new stage is the exact one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all, quoteIdent, template } from '../db/sql.ts';
import { ORACLE_PARAMS, oracleSql } from '../../tests/oracle/stages.ts';
import oracleActivitySql from '../../tests/oracle/stages_activity.sql?raw';
import { ensurePanel } from '../panel/panel.ts';
import { RULE_SETS, resolveParams } from './rules.ts';
import { TABLES } from '../engine/tables.ts';

let engine: Engine;
let id: string;
let base: string;
beforeAll(async () => {
  engine = await nodeEngine();
  id = (await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' })).id;
  base = await ensurePanel(engine, engine.dataset(id));
}, 120_000);

/** Runs the new rule set into `fast` and returns its parameters by key. */
async function runNew(ruleSet: 'clm' | 'dataService' | 'activity', given: Record<string, number>) {
  const params = resolveParams(RULE_SETS[ruleSet], given);
  if ('bad' in params) throw new Error(params.bad);
  await all(
    engine.conn,
    template(RULE_SETS[ruleSet].sql, { base, target: 'fast' }),
    params.map((p) => p.value)
  );
  return Object.fromEntries(params.map((p) => [p.key, p.value]));
}

/** Rows where the two tables disagree, with the old rule's trend sums (a diagnostic copy of its SELECT). */
async function disagreements(p: Record<string, number>) {
  const diagnostic = oracleSql('clm', base, 'old').replace(
    'SELECT t.customer_id, t.month,',
    'SELECT t.customer_id, t.month, t.recent_sum, t.previous_sum,'
  );
  await all(
    engine.conn,
    diagnostic,
    ORACLE_PARAMS.clm.map((k) => p[k])
  );
  return all(
    engine.conn,
    `SELECT o.stage AS old, f.stage AS new, o.recent_sum, o.previous_sum
    FROM old o JOIN fast f USING (customer_id, month) WHERE o.stage <> f.stage`
  );
}

/** The trend decision in exact cents, from sums the old rule computed (the sample's revenue has two decimals). */
function exactTrend(recent: number, previous: number, up: number, down: number): string {
  const r = Math.round(recent * 100);
  const q = Math.round(previous * 100);
  if (q <= 0) return r > 0 ? 'B' : 'D';
  if (r * 10000 >= (10000 + Math.round(up * 10000)) * q) return 'B';
  if (r * 10000 <= (10000 - Math.round(down * 10000)) * q) return 'D';
  return 'C';
}

describe('the CLM rule against the oracle on the sample (2,000 customers, 24 months)', () => {
  it.each<{ name: string; params: Record<string, number> }>([
    { name: 'defaults', params: {} },
    { name: 'K = 12 (long silences stay in their spell)', params: { k_inactive: 12 } },
    { name: 'N = 1, K = 6, W = 6, up 10%, down 30%', params: { n_acquisition: 1, k_inactive: 6, w_window: 6, up: 0.1, down: 0.3 } },
    { name: 'W = 1, up 10% (month-on-month ratios, ties at 1.10)', params: { w_window: 1, up: 0.1 } }
  ])('$name', async ({ params }) => {
    const p = await runNew('clm', params);
    const rows = await all(engine.conn, 'SELECT count(*) AS n FROM fast');
    expect(Number(rows[0].n)).toBeGreaterThan(30_000);
    for (const d of await disagreements(p)) {
      const recent = Number(d.recent_sum);
      const previous = Number(d.previous_sum);
      // Only a float accident can separate the two: a sum that should be 0, or a ratio on a threshold.
      const nearZero = Math.abs(previous) < 1e-6 || Math.abs(recent) < 1e-6;
      const ratio = recent / previous;
      const onThreshold = Math.abs(ratio - (1 + p.up)) < 1e-9 || Math.abs(ratio - (1 - p.down)) < 1e-9;
      expect(nearZero || onThreshold, JSON.stringify(d)).toBe(true);
      expect(d.new).toBe(exactTrend(recent, previous, p.up, p.down));
    }
  });

  it('the maturity rule is off by default and M = 0 changes nothing', async () => {
    await runNew('clm', {});
    await all(engine.conn, 'CREATE OR REPLACE TABLE off AS SELECT * FROM fast');
    await runNew('clm', { mature_months: 0 });
    expect((await all(engine.conn, 'SELECT count(*) AS n FROM (SELECT * FROM off EXCEPT ALL SELECT * FROM fast)'))[0].n).toBe(0);
    // With M = 12, C rows of customers with a tenure of 12 months or less become B, nothing else moves.
    await runNew('clm', { mature_months: 12 });
    const moved = await all(
      engine.conn,
      `SELECT o.stage AS was, f.stage AS now, count(*) AS n FROM off o JOIN fast f USING (customer_id, month)
      WHERE o.stage <> f.stage GROUP BY o.stage, f.stage`
    );
    expect(moved.map((r) => `${r.was}>${r.now}`)).toEqual(['C>B']);
    expect(Number(moved[0].n)).toBeGreaterThan(100);
    const young = await all(
      engine.conn,
      `SELECT count(*) AS n FROM fast f JOIN ${base} b USING (customer_id, month) WHERE f.stage = 'C' AND b.tenure <= 12`
    );
    expect(young[0].n).toBe(0);
  });
});

describe('the data-service rule against the oracle', () => {
  it('with data MB alone and no services rule, the stages of the old data-only rule', async () => {
    // The old rule on data MB; the new one on data MB in units of a typical month: the same ratios.
    const dataOnly = `CREATE OR REPLACE TABLE dataonly AS
      SELECT * REPLACE (CAST(NULL AS DOUBLE) AS voice, CAST(NULL AS DOUBLE) AS sms, CAST(NULL AS DOUBLE) AS vas_count) FROM ${base}`;
    await all(engine.conn, dataOnly);
    const params = [3, 3, 3, 0.15, 0.15, 0];
    await all(engine.conn, template(RULE_SETS.dataService.sql, { base: 'dataonly', target: 'fast' }), params);
    await all(engine.conn, oracleSql('dataService', 'dataonly', 'old'), params);
    const differ = await all(
      engine.conn,
      'SELECT count(*) AS n FROM old o JOIN fast f USING (customer_id, month) WHERE o.stage <> f.stage'
    );
    expect(differ[0].n).toBe(0);
  });
});

describe('the activity states against the oracle', () => {
  it.each<Record<string, number>>([{}, { new_months: 3, gap: 2 }, { min_revenue: 30 }])('%o', async (given) => {
    const p = await runNew('activity', given);
    await all(engine.conn, template(oracleActivitySql, { base, target: 'old' }), [p.new_months, p.gap, p.min_revenue]);
    const differ = await all(
      engine.conn,
      'SELECT count(*) AS n FROM old o FULL JOIN fast f USING (customer_id, month) WHERE o.stage IS DISTINCT FROM f.stage'
    );
    expect(differ[0].n).toBe(0);
  });
});

it('the stage table keeps the panel order (the views stream over it)', async () => {
  await runNew('clm', {});
  const rows = await all(
    engine.conn,
    `SELECT count(*) AS n FROM (
    SELECT customer_id, month, lag(customer_id) OVER () AS pc, lag(month) OVER () AS pm FROM fast) t
    WHERE pc > customer_id OR (pc = customer_id AND pm >= month)`
  );
  expect(rows[0].n).toBe(0);
  expect(quoteIdent(TABLES.panel(id))).toBe(base);
});
