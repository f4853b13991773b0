/**
 * Campaign lists on the real engine (DuckDB-WASM in Node) and the sample panel (2,000 customers, 24
 * months, seed 1), checked against the typed panel itself, not against the list's own SQL:
 * seed 004's whole-network list (on the network in the evaluation month, no X line), the usual
 * filters, the value screening (no negative value, exactly the bottom 5% of the assessed dropped),
 * step counts that add up, both control-group designs, the stage of whichever rule set ran in the
 * evaluation month, and the export in the caller's words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { all, exec } from '../db/sql.ts';
import { writeStages } from '../engine/tables.ts';
import { segmentsApi } from './api.ts';
import { valueApi } from '../value/api.ts';
import { churnApi } from '../churn/api.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { RULE_SETS, stageSet } from '../lifecycle/rules.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS, type CampaignParams } from '../../common/segmentParams.ts';
import type { CampaignCsvLabels, CampaignList } from './contract.ts';

let engine: Engine;
let api: ReturnType<typeof segmentsApi>;
let id: string;
const q = (sql: string) => all(engine.conn, sql);
const ids = async (sql: string) => new Set((await q(sql)).map((r) => String(r.customer_id)));

beforeAll(async () => {
  engine = await nodeEngine();
  api = segmentsApi(() => engine);
  id = (await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' })).id;
  await api.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
}, 120_000);

/** The panel's own answer: customers with a row in the month that is not their churn row, and the special lines. */
async function panelTruth(month: string) {
  const ds = `"ds_${id}"`;
  return {
    onNetwork: await ids(
      `SELECT customer_id FROM ${ds} WHERE month = DATE '${month}-01' GROUP BY 1 HAVING NOT bool_or(coalesce(churn, false))`
    ),
    special: await ids(`SELECT DISTINCT customer_id FROM ${ds} WHERE month = DATE '${month}-01' AND special_line > 0`)
  };
}
const listed = (arm?: 'target' | 'control') =>
  q(`SELECT * FROM "campaign_${id}"${arm ? ` WHERE arm = '${arm}'` : ''} ORDER BY arm DESC, rank`);

/** Every step's remaining = the one before − its removed; the last is the target arm. */
function expectFunnelAddsUp(l: CampaignList) {
  let left = l.funnel.customers;
  for (const s of l.funnel.steps) {
    left -= s.removed;
    expect(s.remaining).toBe(left);
  }
  expect(left).toBe(l.target);
}

describe('the list stands on the value assessment', () => {
  it('refuses without Customer value and says which tab to run', async () => {
    expect(await api.campaignSources(id)).toEqual({ stages: false, stageSet: null, value: false, evaluationMonth: null, churn: false });
    await expect(api.buildCampaign(id, DEFAULT_CAMPAIGN)).rejects.toMatchObject({ code: 'segments-needs-value' });
  });
});

describe('whole-network list → usual filters → value screening (seed design, the default)', () => {
  let list: CampaignList;
  beforeAll(async () => {
    await valueApi(() => engine).assessValue(id, DEFAULT_VALUE_PARAMS);
    list = await api.buildCampaign(id, DEFAULT_CAMPAIGN);
  }, 120_000);

  it('lists only customers on the network in the evaluation month, never an X line', async () => {
    expect(list.evaluationMonth).toBe('2024-12');
    const truth = await panelTruth('2024-12');
    const rows = await listed();
    expect(rows.length).toBe(list.target + list.control);
    expect(rows.every((r) => truth.onNetwork.has(String(r.customer_id)))).toBe(true);
    expect(rows.some((r) => truth.special.has(String(r.customer_id)))).toBe(false);
    // The funnel's first two steps are the panel's own counts.
    const [off, special] = list.funnel.steps;
    expect(list.funnel.customers).toBe(2000);
    expect([off.step, off.remaining]).toEqual(['offNetwork', truth.onNetwork.size]);
    expect([special.step, special.removed]).toEqual(['special', [...truth.special].filter((c) => truth.onNetwork.has(c)).length]);
    expect(list.funnel.conventional).toBe(special.remaining);
  });

  it('drops negative values, then exactly the bottom 5% of the assessed left; counts add up', async () => {
    expectFunnelAddsUp(list);
    expect(list.funnel.steps.map((s) => s.step)).toEqual(['offNetwork', 'special', 'controlDrawn', 'negativeValue', 'bottomValue']);
    const truth = await panelTruth('2024-12');
    const control = await ids(`SELECT customer_id FROM "campaign_${id}" WHERE arm = 'control'`);
    // Negative value is the seed's 负价值客户: a 3-month profit below 0 (the composite is rank points, never negative).
    const scores = await q(`SELECT customer_id, composite, current_value FROM "valuescores_${id}" ORDER BY composite, customer_id`);
    // The pool the screening saw: on the network, not special, not drawn as control.
    const pool = scores.filter(
      (r) => truth.onNetwork.has(String(r.customer_id)) && !truth.special.has(String(r.customer_id)) && !control.has(String(r.customer_id))
    );
    const negative = pool.filter((r) => Number(r.current_value) < 0);
    const assessed = pool.filter((r) => !(Number(r.current_value) < 0));
    expect(negative.length).toBeGreaterThan(10);
    const bottom = assessed.slice(0, Math.round(0.05 * assessed.length)).map((r) => String(r.customer_id));
    expect(list.funnel.steps[3].removed).toBe(negative.length);
    expect(list.funnel.steps[4].removed).toBe(bottom.length);
    const target = await ids(`SELECT customer_id FROM "campaign_${id}" WHERE arm = 'target'`);
    expect(bottom.some((c) => target.has(c))).toBe(false);
    expect(negative.some((r) => target.has(String(r.customer_id)))).toBe(false);
    expect(target).toEqual(new Set(assessed.slice(bottom.length).map((r) => String(r.customer_id))));
    // The control arm is a seeded tenth of the conventional list, not screened: it keeps its negatives.
    expect(list.control).toBe(Math.round(0.1 * list.funnel.conventional));
    expect(await api.buildCampaign(id, DEFAULT_CAMPAIGN)).toEqual(list);
  });

  it("orders each arm by value, high value first; the profiles count the value tab's high tier", async () => {
    const rows = await listed('target');
    expect(rows.map((r) => Number(r.rank))).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i - 1].value)).toBeGreaterThanOrEqual(Number(rows[i].value));
    const high = rows.filter((r) => r.tier === 'high').length;
    expect(list.arms.target.highValueShare).toBeCloseTo(high / rows.length, 12);
    expect(list.arms.target.notAssessed).toBe(0);
    expect(list.preview.map((r) => r.customer_id)).toEqual(rows.slice(0, 20).map((r) => r.customer_id));
  });

  it('holdout design: the screened list first, then an uncontacted share of it', async () => {
    const h = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, design: 'holdout', controlShare: 0.2 });
    expectFunnelAddsUp(h);
    expect(h.funnel.steps.map((s) => s.step)).toEqual(['offNetwork', 'special', 'negativeValue', 'bottomValue', 'holdoutDrawn']);
    const screened = h.funnel.steps[3].remaining;
    expect(h.control).toBe(Math.round(0.2 * screened));
    // Screened, so no negative value in either arm.
    expect(
      (await q(`SELECT count(*) AS n FROM "campaign_${id}" c JOIN "valuescores_${id}" v USING (customer_id) WHERE v.current_value < 0`))[0]
        .n
    ).toBe(0);
  });
});

describe('usual filters and value-screening filters', () => {
  it('ARPU, value tier, loyalty and churn risk each remove their own count; elasticity order', async () => {
    const churn = churnApi(() => engine);
    const setup = await churn.churnSetup(id);
    await churn.fitChurnModel(id, {
      features: setup.features.filter((f) => f.default).map((f) => f.name),
      l2: 1,
      horizon: 3,
      seed: 1,
      arpuTiers: { low: 50, high: 150 }
    });
    const p: CampaignParams = {
      ...DEFAULT_CAMPAIGN,
      arpuMin: 50,
      minChurnRisk: 0.05,
      valueTier: 'high',
      loyalty: 'fairlyHigh',
      design: 'holdout',
      controlShare: 0,
      order: 'elasticity'
    };
    const l = await api.buildCampaign(id, p);
    expectFunnelAddsUp(l);
    expect(l.funnel.steps.map((s) => s.step)).toEqual([
      'offNetwork',
      'special',
      'arpu',
      'churnRisk',
      'negativeValue',
      'bottomValue',
      'valueTier',
      'loyalty',
      'holdoutDrawn'
    ]);
    expect(l.funnel.steps.every((s) => s.removed >= 0)).toBe(true);
    const rows = await listed('target');
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((r) => Number(r.arpu) >= 50 && Number(r.churn_probability) >= 0.05 && r.tier === 'high' && r.loyalty === 'fairlyHigh')
    ).toBe(true);
    // The ARPU is the mean of the 3 months up to the evaluation month, from the panel.
    const c = String(rows[0].customer_id);
    const arpu = (
      await q(
        `SELECT avg(revenue) AS a FROM "ds_${id}" WHERE customer_id = '${c}' AND month BETWEEN DATE '2024-10-01' AND DATE '2024-12-01'`
      )
    )[0].a;
    expect(Number(rows[0].arpu)).toBeCloseTo(Number(arpu), 9);
    for (let i = 1; i < rows.length; i++)
      expect(Number(rows[i - 1].elasticity ?? -Infinity)).toBeGreaterThanOrEqual(Number(rows[i].elasticity ?? -Infinity));
    await expect(api.buildCampaign(id, { ...p, arpuMin: 90, arpuMax: 10 })).rejects.toMatchObject({ code: 'segments-bad-input' });
    await expect(api.buildCampaign(id, { ...p, stage: 'A' })).rejects.toMatchObject({ code: 'segments-needs-lifecycle' });
  }, 120_000);

  it('stage filter: the stage in the evaluation month, not the latest one', async () => {
    // Evaluation month 2024-09; stage D only in that month for a quarter of the customers, C everywhere else.
    await valueApi(() => engine).assessValue(id, { ...DEFAULT_VALUE_PARAMS, evaluationMonth: '2024-09' });
    await writeStages(engine.conn, id, stageSet(RULE_SETS.clm, []), (t) =>
      exec(
        engine.conn,
        `CREATE OR REPLACE TABLE ${t} AS SELECT customer_id, month,
      CASE WHEN month = DATE '2024-09-01' AND hash(customer_id) % 4 = 0 THEN 'D' ELSE 'C' END AS stage FROM "ds_${id}"`
      )
    );
    const l = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'D', controlShare: 0 });
    expect(l.evaluationMonth).toBe('2024-09');
    const truth = await panelTruth('2024-09');
    const d = await ids(`SELECT customer_id FROM "lifecycle_${id}" WHERE month = DATE '2024-09-01' AND stage = 'D'`);
    expect(l.funnel.conventional).toBe([...truth.onNetwork].filter((c) => d.has(c) && !truth.special.has(c)).length);
    expect(l.funnel.conventional).toBeGreaterThan(100);
    expect((await listed()).every((r) => r.stage === 'D')).toBe(true);
  }, 120_000);

  it('after a data-service run, "A" means its acquired stage: a stage-A list is not empty', async () => {
    await valueApi(() => engine).assessValue(id, DEFAULT_VALUE_PARAMS);
    await lifecycleApi(() => engine).computeLifecycle(id, { ruleSet: 'dataService', params: {} });
    const src = await api.campaignSources(id);
    expect(src.stageSet?.ruleSet).toBe('dataService');
    const l = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A' });
    const acquired = await ids(`SELECT customer_id FROM "lifecycle_${id}" WHERE month = DATE '2024-12-01' AND stage = 'acquired'`);
    const truth = await panelTruth('2024-12');
    expect(l.funnel.conventional).toBe([...truth.onNetwork].filter((c) => acquired.has(c) && !truth.special.has(c)).length);
    expect(l.target).toBeGreaterThan(0);
    await expect(api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'climax' })).rejects.toMatchObject({ code: 'segments-bad-input' });
  }, 120_000);
});

describe('export', () => {
  const zh: CampaignCsvLabels = {
    headers: {
      rank: '排名',
      customer_id: '用户ID',
      tier: '价值层级',
      value: '综合价值',
      arpu: 'ARPU',
      credit: '信用等级',
      loyalty: '忠诚度',
      elasticity_layer: '弹性分层',
      churn_probability: '离网概率',
      stage: '生命周期阶段',
      lever: '建议举措',
      arm: '组别'
    },
    codes: {
      tier: { high: '高价值', medium: '中价值', low: '低价值' },
      loyalty: { high: '高', fairlyHigh: '较高', average: '一般', low: '低' },
      elasticity_layer: { high: '高弹性', medium: '中弹性', low: '低弹性', undefined: '无法计算' },
      arm: { target: '目标组', control: '对照组' },
      stage: { acquired: '用户获取', interested: '感兴趣', habitual: '成为习惯', losing: '失去兴趣', cancelled: '取消业务' }
    },
    levers: { acquired: '获取举措', interested: '培养举措', habitual: '保持举措', losing: '挽留举措', cancelled: '赢回举措' }
  };

  it('writes the arm in list order with Chinese headers and codes, cents, and a BOM', async () => {
    const l = await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    const csv = await api.campaignCsv(id, 'control', zh);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .slice(1)
      .trim()
      .split('\r\n')
      .map((x) => x.split(','));
    expect(lines[0]).toEqual([
      '排名',
      '用户ID',
      '价值层级',
      '综合价值',
      'ARPU',
      '信用等级',
      '忠诚度',
      '弹性分层',
      '离网概率',
      '生命周期阶段',
      '建议举措',
      '组别'
    ]);
    expect(lines).toHaveLength(l.control + 1);
    const rows = await listed('control');
    expect(lines.slice(1).map((r) => r[1])).toEqual(rows.map((r) => String(r.customer_id)));
    expect(lines.slice(1).every((r) => r[11] === '对照组' && ['高价值', '中价值', '低价值'].includes(r[2]))).toBe(true);
    expect(lines.slice(1).every((r) => /^-?\d+(\.\d{1,2})?$/.test(r[3]) && /^\d+(\.\d{1,2})?$/.test(r[4]))).toBe(true);
    expect(
      lines
        .slice(1)
        .every((r) =>
          r[9] === '' ? r[10] === '' : zh.levers[Object.keys(zh.codes.stage).find((k) => zh.codes.stage[k] === r[9])!] === r[10]
        )
    ).toBe(true);
    expect(Number(lines[1][3])).toBeCloseTo(Number(rows[0].value), 2);
  });
});
