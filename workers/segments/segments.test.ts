/**
 * The segments SQL on the real engine (DuckDB-WASM in Node): RFM NTILE scores against a hand-made
 * transactions file, then the sample panel end to end — breakdowns, quadrant, clusters, rules, a
 * saved segment and its look-alikes. Campaign lists are in campaign.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { all, one } from '../db/sql.ts';
import fs from 'node:fs';
import path from 'node:path';
import { segmentsApi, slugOf } from './api.ts';
import { DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';

let engine: Engine;
let api: ReturnType<typeof segmentsApi>;
beforeAll(async () => {
  engine = await nodeEngine();
  api = segmentsApi(() => engine);
}, 60_000);

describe('segments', () => {
  it('scores RFM with NTILE on a hand-checkable transactions file', async () => {
    // c1..c5: c5 buys most often, most money, most recently; c1 the least of each.
    const lines = ['customer_id,date,amount'];
    for (let c = 1; c <= 5; c++) for (let t = 0; t < c; t++) lines.push(`c${c},2024-0${c}-1${t},${c * 10}`);
    const ds = await engine.ingestFile(new File([lines.join('\n')], 'tx.csv'), 'tx.csv', {});
    const o = await api.segmentOverview(ds.id, DEFAULT_SEGMENT_PARAMS);
    expect(o.customers).toBe(5);
    const rows = await all(engine.conn, `SELECT customer_id, r, f, m, frequency, monetary FROM "segbase_${ds.id}" ORDER BY customer_id`);
    expect(rows.map((r) => [r.r, r.f, r.m])).toEqual([1, 2, 3, 4, 5].map((s) => [s, s, s]));
    expect(rows.map((r) => r.monetary)).toEqual([10, 40, 90, 160, 250]);
    // Seed 003's activity per year of the months observed in the window (all of 2024-01..05 here):
    // c_k first buys in month k, so is observed 6 − k months; k purchases of 10k yuan, × 12 ÷ (6 − k).
    expect(o.activity).toMatchObject({ basis: 'transactions', from: '2023-06', to: '2024-05', outside: 0 });
    const yearly = await all(engine.conn, `SELECT yearly_frequency AS f, yearly_amount AS a FROM "segbase_${ds.id}" ORDER BY customer_id`);
    expect(yearly.map((r) => [r.f, r.a])).toEqual([
      [2.4, 24],
      [6, 120],
      [12, 360],
      [24, 960],
      [60, 3000]
    ]);
    // Median cuts 12 and 360 → c3, c4, c5 frequent and large; c1, c2 rare and small.
    expect([o.frequencyCut, o.amountCut]).toEqual([12, 360]);
    expect(o.quadrants.find((q) => q.quadrant === 'highHigh')?.customers).toBe(3);
    expect(o.quadrants.find((q) => q.quadrant === 'lowLow')?.yearlyAmount).toBe(144);
    expect(o.activity.points).toHaveLength(5);
  });

  it('sets the default quadrant cuts among the customers active in the window, not the lapsed', async () => {
    // a1..a3 buy 1, 2, 3 times in 2024-01 (observed 12 months: the window opens 2023-02); l1..l4
    // bought only in 2022, so their yearly figures are 0. A median over all seven would be 0 and put
    // every lapsed customer among the frequent and large (as CDNOW's dormant majority was).
    const lines = [
      'customer_id,date,amount',
      'a1,2023-02-01,10',
      'a2,2023-02-01,10',
      'a2,2023-03-01,10',
      'a3,2023-02-01,10',
      'a3,2023-03-01,10',
      'a3,2024-01-05,10'
    ];
    for (let c = 1; c <= 4; c++) lines.push(`l${c},2022-0${c}-01,50`);
    const ds = await engine.ingestFile(new File([lines.join('\n')], 'lapsed.csv'), 'lapsed.csv', {});
    const o = await api.segmentOverview(ds.id, DEFAULT_SEGMENT_PARAMS);
    expect(o.activity).toMatchObject({ basis: 'transactions', from: '2023-02', to: '2024-01', outside: 0 });
    expect([o.frequencyCut, o.amountCut]).toEqual([2, 20]);
    const q = Object.fromEntries(o.quadrants.map((r) => [r.quadrant, r.customers]));
    expect(q).toEqual({ highHigh: 2, lowLow: 5 });
  });

  it('runs on the sample panel: breakdowns, bands, clusters, rules, segment, look-alikes', async () => {
    const s = await engine.loadSample({ customers: 1500, months: 18, seed: 3, lang: 'en' });
    const o = await api.segmentOverview(s.id, { ...DEFAULT_SEGMENT_PARAMS, usageMeasure: 'data' });
    expect(o.byType.reduce((t, r) => t + r.customers, 0)).toBe(o.customers);
    const business = o.byType.find((r) => /business/i.test(r.value))!;
    expect(business.customers / o.customers).toBeGreaterThan(0.06);
    expect(business.customers / o.customers).toBeLessThan(0.2);
    expect(o.bands).toHaveLength(5);
    expect(o.bands.reduce((t, b) => t + b.customers, 0)).toBeGreaterThan(o.customers * 0.9);
    // A monthly panel has no event counts: frequency is active months a year, and customers without
    // a row in the last 12 months are left out of the quadrant (counted).
    expect(o.activity.basis).toBe('activeMonths');
    const outside = Number(
      (
        await all(
          engine.conn,
          `SELECT count(*) AS n FROM (SELECT customer_id FROM "ds_${s.id}" GROUP BY 1
      HAVING max(month) < (SELECT max(month) - INTERVAL 11 MONTH FROM "ds_${s.id}"))`
        )
      )[0].n
    );
    expect(outside).toBeGreaterThan(0);
    expect(o.activity.outside).toBe(outside);
    expect(o.quadrants.reduce((t, q) => t + q.customers, 0)).toBe(o.customers - outside);
    expect(o.activity.points.every((p) => p.frequency >= 0 && p.frequency <= 12)).toBe(true);
    expect(o.rfm.reduce((t, c) => t + c.customers, 0)).toBe(o.customers);

    const k = await api.segmentClusters(s.id, ['arpu', 'data', 'voice'], 3, 1);
    expect(k.elbow.map((e) => e.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // Inertia falls with k (best of 3 seeded starts).
    expect(k.elbow[6].inertia).toBeLessThan(k.elbow[0].inertia);
    expect(k.profiles.reduce((t, p) => t + p.customers, 0)).toBe(o.customers);
    expect(await api.segmentClusters(s.id, ['arpu', 'data', 'voice'], 3, 1)).toEqual(k);

    const rules = await api.segmentRules(s.id, 0.05);
    expect(rules.rules.length).toBeGreaterThan(0);
    expect(rules.rules.every((r) => r.support >= 0.05 && r.confidence <= 1)).toBe(true);

    const top = await api.saveSegment(s.id, 'Top spenders', { minM: 5 });
    expect(top.slug).toBe('top_spenders');
    expect(top.customers).toBe(o.rfm.length ? Math.ceil(o.customers / 5) : 0);
    expect(slugOf('高价值')).toMatch(/^s[0-9a-z]+$/);
    const look = await api.lookalikes(s.id, top.slug, ['arpu', 'data', 'voice'], 50);
    expect(look.top).toHaveLength(50);
    expect(look.candidates).toBe(o.customers - top.customers);
  }, 120_000);

  it('finds service rules on the telco snapshot (PhoneService, StreamingTV … = Yes)', async () => {
    const file = path.resolve(import.meta.dirname, '../../../shared/data/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');
    const ds = await engine.ingestFile(new File([fs.readFileSync(file)], 'telco.csv'), 'telco.csv', {});
    const r = await api.segmentRules(ds.id, 0.05);
    expect(r.customers).toBe(7043);
    expect(r.items).toContain('StreamingMovies');
    const rule = r.rules.find((x) => x.antecedent === 'StreamingTV' && x.consequent === 'StreamingMovies')!;
    // Independent counts from the typed table.
    const t = engine.dataset(ds.id).table;
    const c = (await one(
      engine.conn,
      `SELECT count(*) FILTER (WHERE "StreamingTV" = 'Yes' AND "StreamingMovies" = 'Yes') AS both,
      count(*) FILTER (WHERE "StreamingTV" = 'Yes') AS tv, count(*) FILTER (WHERE "StreamingMovies" = 'Yes') AS mv, count(*) AS n FROM ${t}`
    ))!;
    const [both, tv, mv, n] = [c.both, c.tv, c.mv, c.n].map(Number);
    expect(rule.support).toBeCloseTo(both / n, 12);
    expect(rule.confidence).toBeCloseTo(both / tv, 12);
    expect(rule.lift).toBeCloseTo(both / tv / (mv / n), 12);
  }, 60_000);
});
