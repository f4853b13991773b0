// Customer value (seed 004) on the generated sample panel (2,000 customers × 24 months, seed 1)
// through the real Engine on DuckDB-WASM in Node: every part of the assessment end to end, checked
// against what the panel itself says (SQL on the raw columns) and against the figures measured when
// the models were last reviewed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { all } from '../db/sql.ts';
import { assessValue } from './assess.ts';
import type { ValueAssessment, ValueRow } from './contract.ts';
import { DEFAULT_VALUE_PARAMS as P } from '../../common/valueParams.ts';
import { allFinite } from '../../tests/fixtures/value/finite.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
});

const one = async (sql: string) => Number(Object.values((await all(engine.conn, sql))[0])[0]);

describe('the generated sample panel (2,000 × 24, seed 1)', () => {
  let id: string;
  let result: ValueAssessment;
  let rows: ValueRow[];
  beforeAll(async () => {
    id = (await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' })).id;
    ({ result, rows } = await assessValue(engine, id, P));
  }, 60_000);

  it('scores every customer on the network in the last month, in value tiers of 20/30/50% by composite rank', () => {
    expect(result.evaluationMonth).toBe('2024-12');
    expect(rows.length).toBe(result.customers);
    const n = result.customers;
    expect(result.tiers.map((t) => t.customers)).toEqual([
      Math.ceil(0.2 * n),
      Math.ceil(0.5 * n) - Math.ceil(0.2 * n),
      n - Math.ceil(0.5 * n)
    ]);
    expect(result.tiers[0].minValue!).toBeGreaterThan(result.tiers[1].meanValue!);
    expect(allFinite(result) && allFinite(rows)).toBe(true);
  });
  it('composite on ranks: every component averages 50 points, so each supplies exactly its weight', () => {
    expect(result.composite.basis).toBe('rank');
    for (const c of result.composite.components) {
      expect(c.meanOnBasis!, c.component).toBeCloseTo(50, 9);
      expect(c.share!, c.component).toBeCloseTo(c.weight, 9);
    }
    expect(result.means.composite!).toBeCloseTo(50, 9);
  });
  it('summed as yuan, history would supply about 64% against its 25% weight (the reason for the basis)', () => {
    const yuan = result.composite.components.map((c) => c.yuanShare!);
    expect(yuan[0]).toBeGreaterThan(0.6);
    expect(yuan.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
  it("history by the seed's formula for everyone; observed profit as the alternative, months before the panel filled in", async () => {
    expect(result.history).toEqual({ seed: result.customers, observed: 0, mixed: 0, approximated: 0 });
    const ex = result.historyExample!;
    expect(ex.years * 12 + ex.months).toBe(ex.t);
    expect(ex.value).toBeCloseTo(ex.a * ((12 * (1 - 0.5 ** ex.years)) / 0.5 + ex.months * 0.5 ** ex.years), 9);
    const { result: o } = await assessValue(engine, id, { ...P, historyBasis: 'observed' });
    expect(o.history.observed).toBeGreaterThan(100);
    expect(o.history.mixed).toBeGreaterThan(500);
    expect(o.history.observed + o.history.mixed + o.history.approximated).toBe(o.customers);
  });
  it('future value: 3 group regressions trained on 2024-06 and judged on 2024-09, with error curves', () => {
    const f = result.future!;
    expect([f.trainMonth, f.evalMonth]).toEqual(['2024-06', '2024-09']);
    expect(f.groups.map((g) => g.model)).toEqual(['group', 'group', 'group']);
    for (const g of f.groups) {
      expect(g.rSquared!).toBeGreaterThan(0.5);
      expect(g.coefficients[0].term).toBe('intercept');
      const shares = g.absCurve.map((p) => p.share);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
      expect(g.relCurve.at(-1)!.share).toBeGreaterThan(0.8);
    }
  });
  it("the seed's five benchmarks, each read on its group: low 90% ≤ 40 yuan, high 70% ≤ 100, mid/high 80% ≤ 0.4, high 60% ≤ 0.2", () => {
    const b = result.future!.benchmarks;
    expect(b.map((x) => [x.level, x.group, x.measure, x.threshold, x.target])).toEqual([
      ['low', 0, 'abs', 40, 0.9],
      ['high', 2, 'abs', 100, 0.7],
      ['mid', 1, 'rel', 0.4, 0.8],
      ['high', 2, 'rel', 0.4, 0.8],
      ['high', 2, 'rel', 0.2, 0.6]
    ]);
    for (const x of b) expect(x.met).toBe(x.share! >= x.target);
    // the relative-error curve is on a 0.05 grid: its point at 0.4 is the benchmark's share
    const high = result.future!.groups[2];
    expect(high.relCurve.find((p) => Math.abs(p.x - 0.4) < 1e-9)!.share).toBeCloseTo(b[3].share!, 12);
  });
  it('influence by role: the flag columns decide; key contacts are not paid as members', async () => {
    expect(result.influenceRoles).toEqual({ keyContact: 'group_key_contact', groupMember: 'group_member', familyMain: 'family_main' });
    expect(result.influenceParts.map((p) => [p.part, p.columns])).toEqual([
      ['groupKeyContact', ['group_it_revenue']],
      ['groupMember', ['in_group_call_share']],
      ['family', ['secondary_numbers']],
      ['willingness', ['active_call_share']],
      ['radiation', ['contact_circle_revenue']]
    ]);
    const last = `FROM "ds_${id}" WHERE month = DATE '2024-12-01'`;
    const keyContacts = await one(`SELECT count(DISTINCT customer_id) ${last} AND group_key_contact = 1 AND group_it_revenue > 0`);
    const members =
      await one(`SELECT count(DISTINCT customer_id) FROM (SELECT customer_id, avg(in_group_call_share) AS s, max(group_member) AS m, max(group_key_contact) AS k
      FROM "ds_${id}" WHERE month >= DATE '2024-10-01' GROUP BY customer_id HAVING count(*) FILTER (WHERE month = DATE '2024-12-01') > 0) WHERE m = 1 AND k = 0 AND s > 0`);
    const part = (k: string) => result.influenceParts.find((p) => p.part === k)!.customers;
    expect(part('groupKeyContact')).toBe(keyContacts);
    expect(part('groupMember')).toBe(members);
    expect(rows.every((r) => Number(r.influence) > 0)).toBe(true);
    expect(result.notes.some((n) => n.key === 'influenceMissing')).toBe(false);
  });
  it('credit grades cover every customer; the arrears rules move customers; special lines are X', () => {
    expect(result.credit.grades.reduce((s, g) => s + g.customers, 0)).toBe(result.customers);
    expect(result.credit.rules.find((r) => r.rule === 'down3')!.customers).toBeGreaterThan(0);
    expect(result.credit.rules.find((r) => r.rule === 'up36')!.customers).toBeGreaterThan(0);
    const x = result.credit.grades.find((g) => g.grade === 'X')!.customers;
    const rule = (k: string) => result.credit.rules.find((r) => r.rule === k)!.customers;
    expect(x).toBe(rule('special') + rule('secondary'));
    expect(x).toBeGreaterThan(0.01 * result.customers);
    expect(x).toBeLessThan(0.04 * result.customers);
    // 信息机 (about 1% of lines) keep their initial grade where a rule would have moved them
    expect(result.credit.markers.infoPhone).toBe('info_phone');
    expect(rule('exempt')).toBeGreaterThan(0);
  });
  it('brand switchers: the brand 6 months back on the other side of 全球通 / prepaid, moved as the seed says', async () => {
    const b = result.credit.brand!;
    expect(b).toMatchObject({ current: 'brand', previous: null, unknownBrands: [] });
    // customers on the network in 2024-12 whose brand in their oldest month of 2024-06 … 2024-11 differs in side
    const switchers =
      await one(`WITH now AS (SELECT customer_id, max(brand) AS b FROM "ds_${id}" WHERE month = DATE '2024-12-01' GROUP BY ALL),
      before AS (SELECT customer_id, arg_min(brand, month) AS b FROM "ds_${id}" WHERE month BETWEEN DATE '2024-06-01' AND DATE '2024-11-01' GROUP BY ALL)
      SELECT count(*) FROM now JOIN before USING (customer_id) WHERE (now.b = 'GoTone') <> (before.b = 'GoTone')`);
    expect(b.switchers).toBe(switchers);
    expect(switchers).toBeGreaterThan(0);
    const rule = (k: string) => result.credit.rules.find((r) => r.rule === k)!.customers;
    expect(rule('brandUp') + rule('brandDown')).toBeGreaterThan(0);
    expect(rule('brandUp') + rule('brandDown')).toBeLessThanOrEqual(switchers);
  });
  it('loyalty: 10/50/30/10% bands, dimension weights summing to 1', () => {
    const l = result.loyalty!;
    const n = result.customers;
    expect(l.bands.map((b) => b.customers)).toEqual([
      Math.ceil(0.1 * n),
      Math.ceil(0.6 * n) - Math.ceil(0.1 * n),
      Math.ceil(0.9 * n) - Math.ceil(0.6 * n),
      n - Math.ceil(0.9 * n)
    ]);
    expect(l.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
    expect(l.dimensions.map((d) => d.dimension)).toEqual(['tenure', 'usage', 'products', 'spending', 'payment']);
  });
  it('elasticity layers are thirds of the defined E; E and ΔQ/ΔP are both there and agree in sign', () => {
    const el = result.elasticity!;
    const defined = rows.filter((r) => r.elasticity != null).length;
    expect(el.layers.map((l) => l.customers)).toEqual([
      Math.ceil(defined / 3),
      Math.ceil((2 * defined) / 3) - Math.ceil(defined / 3),
      defined - Math.ceil((2 * defined) / 3),
      result.customers - defined
    ]);
    const highE = rows.filter((r) => r.elasticityLayer === 'high').map((r) => Number(r.elasticity));
    const mediumE = rows.filter((r) => r.elasticityLayer === 'medium').map((r) => Number(r.elasticity));
    expect(Math.min(...highE)).toBeGreaterThanOrEqual(Math.max(...mediumE));
    for (const l of el.layers.slice(0, 3)) expect(Math.sign(l.medianElasticity!)).toBe(Math.sign(l.medianReturn!));
    expect(el.nearOne).toBeGreaterThan(0.2 * defined);
    expect(result.notes).toContainEqual({ key: 'elasticityNearOne', vars: { count: el.nearOne, of: defined } });
  });
  it("the value tier × elasticity layer matrix counts every customer, with the seed's reading in its corners", () => {
    const m = result.elasticity!.matrix;
    expect(m.reduce((s, c) => s + c.customers, 0)).toBe(result.customers);
    const reading = (tier: string, layer: string) => m.find((c) => c.tier === tier && c.layer === layer)!.reading;
    expect([
      reading('low', 'high'),
      reading('high', 'low'),
      reading('high', 'high'),
      reading('low', 'low'),
      reading('medium', 'medium')
    ]).toEqual(['potential', 'keep', 'priority', 'less', null]);
    for (const tier of ['high', 'medium', 'low'] as const)
      expect(m.filter((c) => c.tier === tier).reduce((s, c) => s + c.customers, 0)).toBe(
        result.tiers.find((t) => t.tier === tier)!.customers
      );
  });
  it("the value map: every customer in a cell, investment and ROI = revenue ÷ investment − 1, the seed's strategies", () => {
    const map = result.map;
    expect(map.cells.reduce((s, c) => s + c.customers, 0)).toBe(result.customers);
    expect(map.churnBasis).toBe('evaluationMonth');
    for (const c of map.cells.filter((x) => x.customers > 0)) {
      expect(c.revenuePerInvestment!).toBeCloseTo(c.revenue! / c.investment!, 9);
      expect(c.roi!).toBeCloseTo(c.revenuePerInvestment! - 1, 12);
    }
    // spend ≥ 100 or tenure ≥ 36: care; tenure under 12: nurture (care wins where both hold)
    const at = (s: number, t: number) => map.cells.find((c) => c.spend === s && c.tenure === t)!.strategy;
    expect([at(0, 0), at(0, 1), at(0, 2), at(0, 4), at(3, 0), at(2, 3)]).toEqual(['nurture', 'nurture', null, 'care', 'care', null]);
  });
  it('group monitoring: tiers and segments month by month, the evaluation month adding up to the tiers and the panel', async () => {
    const mon = result.monitor;
    expect(mon.months.length).toBe(24);
    expect(mon.stageSet).toBeNull();
    expect(mon.segmentColumn).toBe('customer_type');
    const tiers = mon.series.filter((s) => s.dimension === 'tier');
    expect(tiers.map((s) => s.group)).toEqual(['high', 'medium', 'low']);
    expect(tiers.map((s) => s.points.at(-1)!.customers)).toEqual(result.tiers.map((t) => t.customers));
    const segments = mon.series.filter((s) => s.dimension === 'segment');
    const profit = await one(
      `SELECT sum(coalesce(revenue, 0) - (coalesce(cost, 0) + coalesce(discount, 0))) FROM "ds_${id}" WHERE month = DATE '2024-06-01'`
    );
    const june = (s: typeof segments) => s.reduce((a, x) => a + x.points.find((p) => p.month === '2024-06')!.profit, 0);
    expect(june(segments)).toBeCloseTo(profit, 6);
  });
  it('the measured numbers stay as measured (the sample is deterministic: a change is a change to a model)', () => {
    // Measured on this sample (2,000 × 24, seed 1, evaluated 2024-12) when the figures were last reviewed.
    expect(result.customers).toBe(1591);
    expect(result.tiers.map((t) => t.customers)).toEqual([319, 477, 795]);
    expect(result.means.historical!).toBeCloseTo(1572.6, 1);
    expect(result.means.current!).toBeCloseTo(283.2, 1);
    expect(result.composite.components.map((c) => Number((100 * c.yuanShare!).toFixed(1)))).toEqual([64.1, 25.4, 5.6, 4.8]);
    const groups = result.future!.groups;
    expect(groups.map((g) => [g.trained, g.evaluated])).toEqual([
      [482, 482],
      [483, 512],
      [483, 488]
    ]);
    expect(groups.map((g) => Number(g.rSquared!.toFixed(3)))).toEqual([0.922, 0.754, 0.971]);
    expect(groups.map((g) => Number(g.meanAbsError!.toFixed(1)))).toEqual([10.5, 21.7, 55.1]);
    expect(result.credit.grades.map((g) => g.customers)).toEqual([292, 211, 268, 217, 200, 124, 89, 164, 26]);
    expect(result.elasticity!.layers.map((l) => l.customers)).toEqual([464, 464, 463, 200]);
    expect(result.elasticity!.nearOne).toBe(566);
  });
});

describe('the Chinese sample headers (300 × 12, seed 2)', () => {
  it('finds the five influence parts and the special-line flag by their Chinese names', async () => {
    const s = await engine.loadSample({ customers: 300, months: 12, seed: 2, lang: 'zh' });
    const { result } = await assessValue(engine, s.id, P);
    expect(result.influenceParts.map((p) => p.columns)).toEqual([
      ['集团信息化收入'],
      ['集团内通话占比'],
      ['副卡数'],
      ['主叫占比'],
      ['交往圈收入']
    ]);
    expect(result.influenceRoles).toEqual({ keyContact: '集团关键人', groupMember: '集团成员', familyMain: '家庭主卡' });
    expect(result.credit.markers.special).toBe('特殊号码');
    expect(result.notes.some((n) => n.key === 'creditNoSpecial')).toBe(false);
    expect(result.credit.rules.find((r) => r.rule === 'special')!.customers).toBeGreaterThan(0);
  }, 60_000);
});
