// The feature states' actions on fake workers (no DOM): what runs on its own, and only once; what a
// link shows comes back once per dataset; a Cancel does not make anything start again by itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChurnSetup } from '$workers/churn/contract';
import type { ColumnRole } from '$workers/contract';
import type { RuleSetInfo } from '$workers/lifecycle/contract';
import { fakeWorkbench, idle, stubBrowser, summary } from '$lib/engine/fakeWorkbench';
import { gate } from '$lib/engine/fakeWorker';
import { ChurnState } from './churn/state.svelte';
import { LifecycleState } from './lifecycle/state.svelte';
import { SegmentsState } from './segments/state.svelte';
import { ValueState } from './value/state.svelte';

const PANEL = ['customerId', 'month', 'revenue'] as const;
const RULES: RuleSetInfo[] = [
  {
    id: 'clm',
    label: { en: 'CLM', zh: 'CLM' },
    source: { en: '', zh: '' },
    stages: [],
    params: [{ key: 'n_acquisition', label: { en: 'N', zh: 'N' }, value: 3, min: 1, max: 24, step: 1 }]
  }
];
const link = (s: object) => `#s=${btoa(JSON.stringify(s))}`;
const file = () => new File(['x'], 'panel.csv');

let close = () => {};
beforeEach(() => stubBrowser());
afterEach(() => {
  close();
  vi.unstubAllGlobals();
});

/** A workbench with one monthly panel loaded. */
async function withPanel(methods: Record<string, (...args: never[]) => unknown> = {}) {
  const f = fakeWorkbench({
    ingestFile: async () => summary('1', 'panel.csv', ['id', 'm', 'r'], [...PANEL], 'panel'),
    applyRoles: async (id: string, roles: ColumnRole[]) => summary(id, 'panel.csv', ['id', 'm', 'r'], roles, 'panel'),
    ...methods
  });
  close = f.close;
  await f.wb.engine.start();
  await f.wb.workspace.addFiles([file()]);
  return f;
}

describe('Lifecycle', () => {
  const methods = {
    lifecycleRuleSets: async () => RULES,
    computeLifecycle: async (_id: string, r: { ruleSet: string; params: Record<string, number> }) => ({
      ruleSet: r.ruleSet,
      params: Object.entries(r.params).map(([key, value]) => ({ key, value }))
    }),
    stageChurn: async () => ({ stageChurn: [] }),
    lifecycleMonth: async () => ({ ruleSet: 'clm' })
  };

  it('computes on its own once per dataset and roles; the link’s parameters, checked, reach the engine', async () => {
    vi.unstubAllGlobals();
    stubBrowser(link({ lifecycle: { ruleSet: 'clm', params: { n_acquisition: 6 } } }));
    const { wb, count, calls } = await withPanel(methods);
    const lc = new LifecycleState(wb);
    lc.autoCompute();
    lc.autoCompute();
    await idle(wb);
    expect(count('computeLifecycle')).toBe(1);
    expect(calls.find((c) => c.method === 'computeLifecycle')!.args[1]).toEqual({ ruleSet: 'clm', params: { n_acquisition: 6 } });
    // After the stages: churn by stage, then the month views (the last month).
    expect(calls.slice(-2).map((c) => c.method)).toEqual(['stageChurn', 'lifecycleMonth']);
    expect(calls.at(-1)!.args[1]).toEqual({ month: null, arpuTierCuts: [50, 150] });
    await wb.workspace.applyRoles(wb.workspace.selectedKey!, ['customerId', 'month', 'number']);
    lc.autoCompute();
    await idle(wb);
    expect(count('computeLifecycle')).toBe(2);
  });

  it('a month picked reruns only the month views, with that month', async () => {
    const { wb, calls, count } = await withPanel(methods);
    const lc = new LifecycleState(wb);
    lc.autoCompute();
    await idle(wb);
    lc.pickMonth('2024-06');
    await idle(wb);
    expect(calls.at(-1)!).toMatchObject({ method: 'lifecycleMonth', args: ['1', { month: '2024-06' }] });
    expect(count('computeLifecycle')).toBe(1);
  });

  it('new tier cuts rerun only the month views; a parameter edit reruns the stages', async () => {
    const { wb, calls, count } = await withPanel(methods);
    const lc = new LifecycleState(wb);
    lc.autoCompute();
    await idle(wb);
    lc.cutsText = '40, 80, 120';
    await lc.compute();
    await idle(wb);
    expect(count('computeLifecycle')).toBe(1);
    expect(calls.at(-1)!).toMatchObject({ method: 'lifecycleMonth', args: ['1', { arpuTierCuts: [40, 80, 120] }] });
    lc.values = { ...lc.values, n_acquisition: 4 };
    await lc.compute();
    await idle(wb);
    expect(count('computeLifecycle')).toBe(2);
  });
});

describe('Retention & churn', () => {
  const setup: ChurnSetup = {
    kind: 'panel',
    hasChurn: true,
    splitColumns: [{ name: 'plan', header: 'Plan', levels: 3 }],
    features: [{ name: 'arpu', header: 'ARPU', default: true }]
  } as unknown as ChurnSetup;

  it('the sections a link showed run once per dataset; the setup comes back after a Cancel took it', async () => {
    vi.unstubAllGlobals();
    stubBrowser(link({ churn: { retention: true, survival: true } }));
    const held = gate<ChurnSetup>();
    let first = true;
    const { wb, count } = await withPanel({
      churnSetup: () => (first ? ((first = false), held.promise) : Promise.resolve(setup)),
      cohortRetention: async () => ({ cohorts: [] }),
      survivalCurves: async () => ({ curves: [] })
    });
    const cs = new ChurnState(wb);
    void cs.autoLoad();
    await vi.waitFor(() => expect(count('churnSetup')).toBe(1));
    await wb.engine.cancel(); // the setup was in flight
    await idle(wb);
    await cs.autoLoad(); // the view shows: the setup is missing, so it runs again
    await idle(wb);
    expect(count('churnSetup')).toBe(2);
    expect(cs.split).toBe('plan'); // the dataset's default split
    expect([count('cohortRetention'), count('survivalCurves')]).toEqual([1, 1]);
    await cs.autoLoad();
    await idle(wb);
    expect([count('churnSetup'), count('cohortRetention'), count('survivalCurves')]).toEqual([2, 1, 1]);
  });
});

describe('Customer value', () => {
  it('assesses a new dataset on its own once, then loads the rows; sorting reloads only the rows', async () => {
    const { wb, count, calls } = await withPanel({ assessValue: async () => ({ means: {} }), valueRows: async () => [] });
    const vs = new ValueState(wb);
    vs.autoAssess();
    vs.autoAssess();
    await idle(wb);
    expect([count('assessValue'), count('valueRows')]).toEqual([1, 1]);
    vs.sortOn('customerId');
    await idle(wb);
    expect([count('assessValue'), count('valueRows')]).toEqual([1, 2]);
    expect(calls.at(-1)!.args.slice(1, 3)).toEqual(['customerId', false]);
  });

  it('a list that does not parse stops the assessment and names the field', async () => {
    const { wb, count } = await withPanel({ assessValue: async () => ({}) });
    const vs = new ValueState(wb);
    vs.lists.creditCuts = '1, 2';
    await vs.assess();
    expect(vs.badList).toBe('creditCuts');
    expect(count('assessValue')).toBe(0);
  });
});

describe('Segments & campaigns', () => {
  it('a link that built the segments and ran the clusters rebuilds both once; a campaign list resets the evaluation', async () => {
    vi.unstubAllGlobals();
    stubBrowser(link({ segmentsTab: { built: true, clustered: true, k: 3 } }));
    const { wb, count, calls } = await withPanel({
      campaignSources: async () => ({ stages: false, value: false, churn: false }),
      segmentOverview: async () => ({ features: ['arpu', 'frequency'] }),
      segmentRules: async () => ({ rules: [] }),
      segmentClusters: async () => ({ profiles: [] }),
      buildCampaign: async () => ({
        target: 90,
        control: 10,
        sources: { stages: true, value: false, churn: false },
        funnel: {
          customers: 200,
          conventional: 150,
          steps: [
            { step: 'offNetwork', removed: 50, remaining: 150 },
            { step: 'controlDrawn', removed: 10, remaining: 140 },
            { step: 'negativeValue', removed: 30, remaining: 110 },
            { step: 'bottomValue', removed: 6, remaining: 104 },
            { step: 'valueTier', removed: 14, remaining: 90 }
          ]
        }
      }),
      evaluateCampaign: async () => ({
        target: { successRate: 0.2 },
        control: { successRate: 0.15 },
        arpuDifference: { difference: 12.345 }
      })
    });
    const ss = new SegmentsState(wb);
    ss.autoLoad();
    await idle(wb);
    ss.autoLoad();
    await idle(wb);
    expect([count('segmentOverview'), count('segmentRules'), count('segmentClusters')]).toEqual([1, 1, 1]);
    expect(calls.find((c) => c.method === 'segmentClusters')!.args.slice(1, 3)).toEqual([['arpu', 'frequency'], 3]);
    await ss.simulate();
    expect(ss.evaluation.result).not.toBeNull();
    // The evaluation fills the retention ROI: rates and the ARPU difference, said to come from it.
    expect(ss.calc.retention).toMatchObject({ successRate: 0.2, controlSuccessRate: 0.15, arpuDifference: 12.35 });
    expect(ss.arpuDiffSource).toBe('evaluation');
    await ss.buildList();
    expect(ss.calc.retention.listSize).toBe(90);
    expect(ss.evaluation.result).toBeNull(); // it was the old list's
    // The value-filter saving from this list: the 140 the screening saw, 50 of them screened out.
    ss.savingFromList();
    expect(ss.calc.saving).toMatchObject({ contacts: 140, dropShare: 0.3571, costPerHead: 16 });
  });
});
