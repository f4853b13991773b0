// Features talk through the registry of derived tables (tables.ts), not each other's table names.
// The two bugs that came from reading another tab's table directly, each named after the bug, on
// the real engine with the generated sample (600 customers × 14 months, seed 7).
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all } from '../db/sql.ts';
import type { Engine } from './engine.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { segmentsApi } from '../segments/api.ts';
import { valueApi } from '../value/api.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import type { RuleSetId } from '../lifecycle/contract.ts';
import type { ColumnRole } from '../contract.ts';

let engine: Engine;
const api = () => ({ lifecycle: lifecycleApi(() => engine), segments: segmentsApi(() => engine), value: valueApi(() => engine) });
const SAMPLE = { customers: 600, months: 14, seed: 7, lang: 'en' } as const;

beforeAll(async () => {
  engine = await nodeEngine();
}, 60_000);

let roles: ColumnRole[] = [];
async function sample(): Promise<string> {
  const s = await engine.loadSample(SAMPLE);
  roles = s.roles;
  await api().segments.segmentOverview(s.id, DEFAULT_SEGMENT_PARAMS);
  return s.id;
}
const runLifecycle = (id: string, ruleSet: RuleSetId) => api().lifecycle.computeLifecycle(id, { ruleSet, params: {} });
/** Customers whose last month in the stage table has one of these stages. */
async function latestIn(id: string, stages: string[]): Promise<number> {
  const rows = await all(engine.conn, `SELECT arg_max(stage, month) AS stage FROM "lifecycle_${id}" GROUP BY customer_id`);
  return rows.filter((r) => stages.includes(String(r.stage))).length;
}
const listed = (l: { target: number; control: number }) => l.target + l.control;

describe('bug: results depend on which tabs were visited first', () => {
  it('a campaign stage filter before Lifecycle ran was silently ignored (everyone listed); now it says to run Lifecycle', async () => {
    const id = await sample();
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 })).rejects.toMatchObject({ code: 'segments-needs-lifecycle' });
    await runLifecycle(id, 'clm');
    const list = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 });
    expect(listed(list)).toBe(await latestIn(id, ['A']));
    expect(listed(list)).toBeLessThan(SAMPLE.customers);
  }, 60_000);

  it('stages computed before the column roles changed are not read after (value cross, campaign filter)', async () => {
    const id = await sample();
    await runLifecycle(id, 'clm');
    const before = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(before.loyalty!.byStage).not.toBeNull();
    await engine.applyRoles(id, roles.map((r) => (r === 'region' ? 'ignore' : r)));
    const after = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(after.loyalty!.byStage).toBeNull();
    expect(after.notes.map((n) => n.key)).toContain('loyaltyNoStages');
    await api().segments.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A' })).rejects.toMatchObject({ code: 'segments-needs-lifecycle' });
  }, 60_000);

  it('the value tab says which rule set its loyalty × stage cross came from', async () => {
    const id = await sample();
    await runLifecycle(id, 'dataService');
    const r = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(r.loyalty!.byStageSet!.ruleSet).toBe('dataService');
    expect(r.loyalty!.byStageSet!.labels.acquired).toEqual({ en: 'Acquired', zh: '用户获取' });
    expect(new Set(r.loyalty!.byStage!.map((x) => x.stage))).toEqual(new Set(['acquired', 'interested', 'habitual', 'losing', 'cancelled', '–'].filter((s) => r.loyalty!.byStage!.some((x) => x.stage === s))));
    expect(r.loyalty!.byStage!.some((x) => x.stage === 'A')).toBe(false);
  }, 60_000);
});

describe('bug: a data-service lifecycle run makes a stage-A campaign empty', () => {
  it('stage A finds the customers in the stage that stands for A (acquired), as does the code itself', async () => {
    const id = await sample();
    await runLifecycle(id, 'dataService');
    const expected = await latestIn(id, ['acquired']);
    expect(expected).toBeGreaterThan(0);
    const byLetter = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 });
    const byCode = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'acquired', dropBottom: 0 });
    expect(listed(byLetter)).toBe(expected);
    expect(listed(byCode)).toBe(expected);
    expect(byCode.preview.every((r) => r.stage === 'acquired')).toBe(true);
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'nonsense' })).rejects.toMatchObject({ code: 'segments-bad-input' });
  }, 60_000);
});
