/**
 * The campaign script on DuckDB gives the tab's screened list: with no control share the target
 * arm (same customers, ranks, value tiers and stages), with the holdout design both arms together;
 * and it refuses the filters that read a model's output. tests/pg/ runs it on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { members, siteList, siteScores, expectMembers } from '../../tests/sql/valueScores.ts';
import { all } from '../db/sql.ts';
import { writeRows } from '../db/rows.ts';
import type { DatasetHandle, Engine } from '../engine/engine.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS, type CampaignParams } from '../../common/segmentParams.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { segmentsApi } from '../segments/api.ts';
import { exportApi } from './api.ts';

let engine: Engine;
let ds: DatasetHandle;
const script = (campaign: Partial<CampaignParams>) =>
  exportApi(() => engine).exportSql(ds.id, { what: 'campaign', dialect: 'duckdb', campaign, inputTable: 'warehouse_input' });

beforeAll(async () => {
  engine = await nodeEngine();
  ds = engine.dataset((await engine.loadSample({ customers: 600, months: 18, seed: 3, lang: 'en' })).id);
  await all(engine.conn, `CREATE TABLE warehouse_input AS SELECT * FROM ${ds.table}`);
  await lifecycleApi(() => engine).computeLifecycle(ds.id, { ruleSet: 'clm', params: {} });
  const site = await siteScores(engine, ds.id, DEFAULT_VALUE_PARAMS);
  await writeRows(
    engine.conn,
    'clm_future',
    site.csv.head.map((h) => [h, 'VARCHAR'] as [string, 'VARCHAR']),
    site.csv.cells
  );
  await segmentsApi(() => engine).segmentOverview(ds.id, DEFAULT_SEGMENT_PARAMS);
}, 120_000);

describe('the DuckDB campaign script', () => {
  const variants: [string, Partial<CampaignParams>][] = [
    ['the default screening', { controlShare: 0 }],
    ['ARPU range, medium tier, 10% bottom', { controlShare: 0, arpuMin: 30, arpuMax: 300, valueTier: 'medium', dropBottom: 0.1 }],
    ['a stage of the rule set, no bottom share', { controlShare: 0, stage: 'C', dropBottom: 0 }]
  ];
  it.each(variants)('gives the tab target list: %s', async (_, given) => {
    const p = { ...DEFAULT_CAMPAIGN, ...given };
    const site = await siteList(engine, ds.id, p);
    expect(site.rows.length).toBeGreaterThan(10);
    expectMembers(members(await all(engine.conn, await script(p))), site);
  });

  it('gives the holdout design its two arms together', async () => {
    const p = { ...DEFAULT_CAMPAIGN, design: 'holdout' as const, controlShare: 0.2 };
    const site = await siteList(engine, ds.id, p, 'both');
    const got = members(await all(engine.conn, await script(p)));
    const ids = (r: string[][]) => r.map((x) => x[0]).sort();
    expect(ids(got.rows)).toEqual(ids(site.rows));
  });

  it('refuses what reads a model output, and says so in its header otherwise', async () => {
    await expect(script({ minChurnRisk: 0.3 })).rejects.toThrow(/churn-risk floor/);
    await expect(script({ order: 'elasticity' })).rejects.toThrow(/elasticity order/);
    expect(await script({})).toMatch(/does not: with the holdout design/);
  });
});
