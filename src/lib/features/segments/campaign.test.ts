// The campaign part's page helpers: the calculator's inputs as numbers, the export's words for the
// worker (Chinese headers, codes, stage names and levers of the rule set that ran), the funnel and
// the list's definition rows.
import { describe, expect, it } from 'vitest';
import type { CampaignList } from '$workers/segments/contract';
import type { StageSet } from '$workers/lifecycle/contract';
import { DEFAULT_CAMPAIGN } from '$common/segmentParams';
import { LEVERS } from '$lib/features/lifecycle/levers';
import { arithmeticInput, definitionRows, exportLabels, funnelRows, SEED_CASES } from './campaign';
import { cm, type CampaignKey } from './campaignMessages';

const DATA_SERVICE: StageSet = {
  ruleSet: 'dataService',
  stages: ['acquired', 'losing'],
  params: [],
  labels: { acquired: { en: 'Acquired', zh: '用户获取' }, losing: { en: 'Losing interest', zh: '失去兴趣' } },
  analogOf: { acquired: 'A', losing: 'D' }
};

describe('campaign page helpers', () => {
  it('reads the calculator: the cases as they start, a blank optional control rate, a blank required field', () => {
    expect(arithmeticInput(SEED_CASES)).toEqual(SEED_CASES);
    const typed = structuredClone(SEED_CASES) as unknown as { retention: Record<string, unknown> };
    typed.retention.listSize = '1200';
    typed.retention.controlSuccessRate = '';
    expect(arithmeticInput(typed as never)!.retention).toMatchObject({ listSize: 1200, controlSuccessRate: null });
    typed.retention.costPerSuccess = '';
    expect(arithmeticInput(typed as never)).toBeNull();
  });

  it('gives the export Chinese headers and codes, the stage names and each stage’s lever', () => {
    const zh = exportLabels('zh', DATA_SERVICE, LEVERS);
    expect(zh.headers.customer_id).toBe('用户ID');
    expect(zh.headers.lever).toBe('建议举措');
    expect(zh.codes.tier.high).toBe(cm.zh.tier_high);
    expect(zh.codes.arm).toEqual({ target: '目标组', control: '对照组' });
    expect(zh.codes.stage).toEqual({ acquired: '用户获取', losing: '失去兴趣' });
    // A data-service stage gets the lever of the CLM stage it stands for.
    expect(zh.levers).toEqual({ acquired: LEVERS.A.levers.zh, losing: LEVERS.D.levers.zh });
    const en = exportLabels('en', null, LEVERS);
    expect(en.headers.rank).toBe('Rank');
    expect([en.codes.stage, en.levers]).toEqual([{}, {}]);
    expect(Object.values(en.headers).every((h) => h && !/^col_/.test(h))).toBe(true);
  });

  it('writes the funnel and the definition, whose counts add up', () => {
    const list = {
      evaluationMonth: '2024-12',
      params: { ...DEFAULT_CAMPAIGN },
      target: 80,
      control: 12,
      funnel: {
        customers: 200,
        conventional: 120,
        steps: [
          { step: 'offNetwork', removed: 70, remaining: 130 },
          { step: 'special', removed: 10, remaining: 120 },
          { step: 'controlDrawn', removed: 12, remaining: 108 },
          { step: 'negativeValue', removed: 22, remaining: 86 },
          { step: 'bottomValue', removed: 6, remaining: 80 }
        ]
      }
    } as unknown as CampaignList;
    const t = (k: CampaignKey, v: Record<string, string> = {}) => cm.en[k].replace(/\{(\w+)\}/g, (_, x: string) => v[x] ?? '');
    const rows = funnelRows(list, t, 'Dec 2024', (v) => `${v * 100}%`);
    expect(rows.map((r) => r.label)).toEqual([
      'All customers in the data',
      'Not on the network in Dec 2024',
      'Special lines (credit grade X)',
      'Drawn as the control list',
      'Negative value (a loss)',
      'Lowest 5% by value rank'
    ]);
    expect(rows[0].remaining - rows.slice(1).reduce((s, r) => s + r.removed!, 0)).toBe(list.target);
    const def = definitionRows(list, t, 'Dec 2024', (v) => `${v * 100}%`, 'sample.csv');
    expect(def.slice(0, 3)).toEqual([
      ['Data', 'sample.csv', null],
      ['Evaluation month', '2024-12', null],
      ['Control design', cm.en.design_seed, null]
    ]);
    expect(def.find((r) => r[0] === 'Control')![1]).toContain('Conventional');
    expect(def.find((r) => r[0] === 'Design (design)')).toEqual(['Design (design)', 'seed', null]);
    expect(def.filter((r) => /\(\w+\)$/.test(String(r[0])))).toHaveLength(Object.keys(DEFAULT_CAMPAIGN).length);
  });
});
