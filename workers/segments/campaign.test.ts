/**
 * Campaign lists and their evaluation on the real engine (DuckDB-WASM in Node) and the sample panel:
 * filters by value tier, loyalty band and churn risk after running the value assessment and the
 * churn model (their `valuescores_<id>` / `churnrisk_<id>` tables), ordering by elasticity, the
 * outcome file through the ingest (GB18030, Chinese headers, a bad row), and the subsidy curve and
 * ARPU band recovering the planted ones (evaluate.ts PLANTED).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { all } from '../db/sql.ts';
import { segmentsApi } from './api.ts';
import { valueApi } from '../value/api.ts';
import { churnApi } from '../churn/api.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';
import { PLANTED } from './evaluate.ts';

/** GB18030 bytes of a string: ASCII as is, other characters by searching the two-byte GBK table. */
export function gb18030(text: string): Uint8Array<ArrayBuffer> {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

let engine: Engine;
let api: ReturnType<typeof segmentsApi>;
let id: string;
beforeAll(async () => {
  engine = await nodeEngine();
  api = segmentsApi(() => engine);
  id = (await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' })).id;
  await api.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
}, 120_000);

describe('campaign list', () => {
  it('says which score sources exist, and refuses a filter whose tab has not run', async () => {
    expect(await api.campaignSources(id)).toEqual({ stages: false, stageSet: null, value: false, churn: false });
    const list = await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    expect(list.valueBasis).toBe('arpu');
    // Ordered by ARPU, descending.
    expect(list.preview.map((r) => r.arpu)).toEqual([...list.preview.map((r) => r.arpu)].sort((a, b) => b - a));
    await expect(api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, valueTier: 'high' })).rejects.toMatchObject({ code: 'segments-needs-value' });
    await expect(api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, minChurnRisk: 0.5 })).rejects.toMatchObject({ code: 'segments-needs-churn' });
    await expect(api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, stage: 'A' })).rejects.toMatchObject({ code: 'segments-needs-lifecycle' });
    const csv = await api.campaignCsv(id, 'target');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcustomer_id,arpu,customer_type,region,plan,stage,arm');
  });

  it('filters by value tier, loyalty band and churn risk; orders by value or elasticity; exports in order', async () => {
    await valueApi(() => engine).assessValue(id, DEFAULT_VALUE_PARAMS);
    const churn = churnApi(() => engine);
    const setup = await churn.churnSetup(id);
    await churn.fitChurnModel(id, { features: setup.features.filter((f) => f.default).map((f) => f.name), l2: 1, horizon: 3, seed: 1, arpuTiers: { low: 50, high: 150 } });
    expect(await api.campaignSources(id)).toEqual({ stages: false, stageSet: null, value: true, churn: true });
    const scores = `"valuescores_${id}"`;
    const highs = Number((await all(engine.conn, `SELECT count(*) AS n FROM ${scores} v JOIN "segbase_${id}" b USING (customer_id) WHERE value_tier = 'high'`))[0].n);
    expect(highs).toBeGreaterThan(100);

    const high = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, valueTier: 'high', dropBottom: 0 });
    expect(high.eligible).toBe(highs);
    expect(high.valueBasis).toBe('composite');
    expect(high.preview.every((r) => r.tier === 'high')).toBe(true);
    expect(high.preview.map((r) => r.value)).toEqual([...high.preview.map((r) => r.value)].sort((a, b) => b! - a!));

    const loyal = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, loyalty: 'fairlyHigh', dropBottom: 0 });
    const fairly = Number((await all(engine.conn, `SELECT count(*) AS n FROM ${scores} v JOIN "segbase_${id}" b USING (customer_id) WHERE loyalty = 'fairlyHigh'`))[0].n);
    expect(loyal.eligible).toBe(fairly);

    const risky = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, minChurnRisk: 0.3, dropBottom: 0 });
    const over = Number((await all(engine.conn, `SELECT count(*) AS n FROM "churnrisk_${id}" k JOIN "segbase_${id}" b USING (customer_id) WHERE probability >= 0.3`))[0].n);
    expect(risky.eligible).toBe(over);
    expect(risky.eligible).toBeGreaterThan(0);
    expect(risky.preview.every((r) => r.churn_probability! >= 0.3)).toBe(true);

    // Elasticity order: elasticity descending (missing last), ties by value.
    const el = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, order: 'elasticity', controlShare: 0 });
    const rows = await all(engine.conn, `SELECT rank, elasticity, value FROM "campaign_${id}" ORDER BY rank`);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1].elasticity as number | null, rows[i].elasticity as number | null];
      if (a != null && b != null) expect(a).toBeGreaterThanOrEqual(b);
      else if (a == null) expect(b).toBeNull();
    }
    expect(el.order).toBe('elasticity');
    // The drop uses value: the dropped customers are the lowest composite values (unassessed first).
    const lowest = (await all(engine.conn, `SELECT customer_id FROM "segbase_${id}" LEFT JOIN "valuescores_${id}" USING (customer_id)
      ORDER BY composite ASC NULLS FIRST, customer_id LIMIT ${el.dropped}`)).map((r) => r.customer_id);
    expect(el.dropped).toBe(Math.ceil(0.05 * (el.eligible - 1)));
    expect((await all(engine.conn, `SELECT count(*) AS n FROM "campaign_${id}" WHERE customer_id IN (${lowest.map((c) => `'${c}'`).join(',')})`))[0].n).toBe(0);
    const csv = (await api.campaignCsv(id, 'target')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('customer_id,arpu,value,tier,loyalty,elasticity,elasticity_layer,churn_probability,customer_type,region,plan,stage,arm');
    expect(csv).toHaveLength(el.target + 1);
    expect(csv[1].split(',')[0]).toBe(rows[0].customer_id ?? el.preview[0].customer_id);
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(el.preview.length ? (await all(engine.conn, `SELECT customer_id FROM "campaign_${id}" ORDER BY rank`)).map((r) => r.customer_id) : []);
  }, 180_000);
});

describe('evaluation', () => {
  it('simulated outcomes recover the planted subsidy curve (peak 20%) and ARPU band (50–80)', async () => {
    const list = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, controlShare: 0.1 });
    const ev = await api.evaluateCampaign(id, null, 7);
    expect(ev.target.customers + ev.control.customers).toBe(list.target + list.control);
    const s = ev.subsidy;
    expect(s.problems).toEqual([]);
    expect(s.curve.map((p) => p.rate)).toEqual(PLANTED.rates);
    // Each point within 3 standard errors of the planted tent.
    for (const p of s.curve.filter((q) => q.rate > 0)) {
      const planted = PLANTED.response(p.rate);
      expect(Math.abs(p.conversion - planted)).toBeLessThan(3 * Math.sqrt((planted * (1 - planted)) / p.customers));
    }
    expect(s.controlPoint!).toBeGreaterThan(0.17);
    expect(s.controlPoint!).toBeLessThan(0.23);
    const best = s.bands[s.best!];
    expect([best.low, best.high]).toEqual([...PLANTED.bestBand]);
    expect(best.net!).toBeGreaterThan(1.5);
  }, 60_000);

  it('reads a GB18030 outcome file with Chinese headers, quotes and thousand separators; counts the bad row', async () => {
    await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, controlShare: 0.2 });
    const ids = await all(engine.conn, `SELECT customer_id, arm, arpu FROM "campaign_${id}" ORDER BY rank LIMIT 400`);
    const lines = ['用户ID,是否响应,活动前ARPU,活动后ARPU,补贴金额,备注'];
    ids.forEach((r, i) => {
      const resp = r.arm === 'target' ? i % 4 === 0 : i % 12 === 0;
      const before = Number(r.arpu);
      lines.push(`${r.customer_id},${resp ? '是' : '否'},"${before.toLocaleString('en-US', { maximumFractionDigits: 2 })}",${(before + (resp ? 30 : 0)).toFixed(2)},${(0.2 * before).toFixed(2)},好`);
    });
    lines.push(`${ids[0].customer_id}x,是,不是数字,10,1,坏`);
    lines.push('C-not-on-list,否,50,50,0,无');
    const load = await api.loadOutcomes(id, new Blob([gb18030(lines.join('\r\n') + '\r\n')]), '结果.csv');
    expect(load.missing).toEqual([]);
    expect(load.columns).toMatchObject({ customer_id: '用户ID', responded: '是否响应', arpu_before: '活动前ARPU', arpu_after: '活动后ARPU', subsidy: '补贴金额', arm: null });
    expect([load.rowsInFile, load.loaded, load.rejected]).toEqual([402, 401, 1]);
    expect(load.reasons.map((r) => [r.reason, r.column, r.count])).toEqual([['bad-number', '活动前ARPU', 1]]);
    expect([load.matched, load.unmatched]).toEqual([400, 1]);
    const ev = await api.evaluateCampaign(id, 'file', 1);
    expect(ev.source).toBe('file');
    expect(ev.target.customers + ev.control.customers).toBe(400);
    // Responders gain exactly 30, non-responders 0: the target's mean change is 30 × its success rate.
    expect(ev.target.arpuAfter - ev.target.arpuBefore).toBeCloseTo(30 * ev.target.successRate, 2);
    // One subsidy rate (20%) only: no curve peak, said so.
    expect(ev.subsidy.curve.map((p) => p.rate)).toEqual([0.2]);
    expect(ev.subsidy.problems).toContain('few-rates');
    expect(Number.isFinite(ev.subsidy.bands[0].takeUp)).toBe(true);
    // The outcome file's own dataset is gone; its normalised rows stay with the list's dataset.
    expect((await all(engine.conn, `SELECT count(*) AS n FROM "campout_${id}"`))[0].n).toBe(401);
  }, 60_000);

  it('names missing columns, non-matching files and degenerate outcomes instead of computing NaN', async () => {
    await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    const noArpu = await api.loadOutcomes(id, new Blob(['customer_id,responded\nx,1\n']), 'a.csv');
    expect(noArpu.missing).toEqual(['arpu_before', 'arpu_after']);
    const stranger = await api.loadOutcomes(id, new Blob(['customer_id,responded,arpu_before,arpu_after,arm\nzz1,1,50,60,target\nzz2,0,50,50,control\n']), 'b.csv');
    expect([stranger.matched, stranger.unmatched]).toEqual([0, 2]);
    await expect(api.evaluateCampaign(id, 'file', 1)).rejects.toMatchObject({ code: 'segments-bad-input' });

    // A blank required cell and a customer's second row are rejected with their reasons, never
    // dropped silently: loaded + rejected = rows in the file.
    const [c1, c2] = (await all(engine.conn, `SELECT customer_id FROM "campaign_${id}" ORDER BY rank LIMIT 2`)).map((r) => String(r.customer_id));
    const odd = await api.loadOutcomes(id, new Blob([`customer_id,responded,arpu_before,arpu_after\n${c1},1,50,60\n${c2},,50,50\n${c1},0,50,50\n${c2},1,40,\n`]), 'd.csv');
    expect([odd.rowsInFile, odd.loaded, odd.rejected]).toEqual([4, 1, 3]);
    expect(odd.reasons.map((r) => [r.reason, r.column, r.count, r.examples.map((e) => e.row)])).toEqual([
      ['duplicate-customer', 'customer_id', 1, [3]], ['missing-value', 'arpu_after', 1, [4]], ['missing-value', 'responded', 1, [2]]
    ]);
    expect(odd.matched).toBe(1);

    // No responders, no subsidy column: clear problems, no NaN anywhere.
    const some = await all(engine.conn, `SELECT customer_id, arm FROM "campaign_${id}" ORDER BY rank LIMIT 60`);
    const body = some.map((r, i) => `${r.customer_id},0,40,${41 + (i % 3)},${r.arm === 'control' ? '对照组' : '目标组'}`);
    await api.loadOutcomes(id, new Blob([['客户ID,是否响应,arpu_before,arpu_after,组别', ...body].join('\n')]), 'c.csv');
    const ev = await api.evaluateCampaign(id, 'file', 1);
    expect(ev.subsidy.problems).toEqual(['no-responders']);
    expect(ev.subsidy.best).toBeNull();
    const finite = (x: unknown): boolean => (typeof x === 'number' ? Number.isFinite(x) : x && typeof x === 'object' ? Object.values(x).every(finite) : true);
    expect(finite(ev)).toBe(true);
    expect(ev.target.successRate).toBe(0);
  }, 60_000);
});
