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
/**
 * Customers a campaign's usual filters keep for these stages: on the network in the last month (the
 * value assessment's evaluation month; not the churn row), not a special line, in one of the stages then.
 */
async function conventionalIn(id: string, stages: string[]): Promise<number> {
  const rows = await all(
    engine.conn,
    `SELECT s.stage FROM "lifecycle_${id}" s JOIN "ds_${id}" d USING (customer_id, month)
    WHERE month = (SELECT max(month) FROM "ds_${id}") AND NOT coalesce(d.churn, false) AND NOT coalesce(d.special_line > 0, false)`
  );
  return rows.filter((r) => stages.includes(String(r.stage))).length;
}

describe('bug: results depend on which tabs were visited first', () => {
  it('a campaign stage filter before Lifecycle ran was silently ignored (everyone listed); now it says to run Lifecycle', async () => {
    const id = await sample();
    await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 })).rejects.toMatchObject({
      code: 'segments-needs-lifecycle'
    });
    await runLifecycle(id, 'clm');
    const list = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 });
    expect(list.funnel.conventional).toBe(await conventionalIn(id, ['A']));
    expect(list.funnel.conventional).toBeGreaterThan(0);
    expect(list.funnel.conventional).toBeLessThan(SAMPLE.customers / 2);
  }, 60_000);

  it('stages computed before the column roles changed are not read after (value cross, campaign filter)', async () => {
    const id = await sample();
    await runLifecycle(id, 'clm');
    const before = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(before.loyalty!.byStage).not.toBeNull();
    await engine.applyRoles(
      id,
      roles.map((r) => (r === 'region' ? 'ignore' : r))
    );
    const after = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(after.loyalty!.byStage).toBeNull();
    expect(after.notes.map((n) => n.key)).toContain('loyaltyNoStages');
    await api().segments.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A' })).rejects.toMatchObject({
      code: 'segments-needs-lifecycle'
    });
  }, 60_000);

  it('the value tab says which rule set its loyalty × stage cross came from', async () => {
    const id = await sample();
    await runLifecycle(id, 'dataService');
    const r = await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    expect(r.loyalty!.byStageSet!.ruleSet).toBe('dataService');
    expect(r.loyalty!.byStageSet!.labels.acquired).toEqual({ en: 'Acquired', zh: '用户获取' });
    expect(new Set(r.loyalty!.byStage!.map((x) => x.stage))).toEqual(
      new Set(
        ['acquired', 'interested', 'habitual', 'losing', 'cancelled', '–'].filter((s) => r.loyalty!.byStage!.some((x) => x.stage === s))
      )
    );
    expect(r.loyalty!.byStage!.some((x) => x.stage === 'A')).toBe(false);
  }, 60_000);
});

describe('bug: a data-service lifecycle run makes a stage-A campaign empty', () => {
  it('stage A finds the customers in the stage that stands for A (acquired), as does the code itself', async () => {
    const id = await sample();
    await runLifecycle(id, 'dataService');
    await api().value.assessValue(id, DEFAULT_VALUE_PARAMS);
    const expected = await conventionalIn(id, ['acquired']);
    expect(expected).toBeGreaterThan(0);
    const byLetter = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A', dropBottom: 0 });
    const byCode = await api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'acquired', dropBottom: 0 });
    expect(byLetter.funnel.conventional).toBe(expected);
    expect(byCode.funnel).toEqual(byLetter.funnel);
    expect(byCode.preview.every((r) => r.stage === 'acquired')).toBe(true);
    await expect(api().segments.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'nonsense' })).rejects.toMatchObject({
      code: 'segments-bad-input'
    });
  }, 60_000);
});
