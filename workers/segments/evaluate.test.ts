/**
 * Campaign evaluation on the real engine and the sample panel: the seed design's comparison (both
 * arms marketed: success rates about equal, high-value share and output per head compared), the
 * holdout design's uplift against the planted one (evaluate.ts PLANTED), the retention ROI's ARPU
 * difference and the by-layer ARPU change recomputed from the outcome rows, the subsidy curve and
 * ARPU band, the outcome file through the ingest (GB18030, Chinese headers, bad rows), degenerate
 * outcomes, and the campaign arithmetic through the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { all } from '../db/sql.ts';
import { segmentsApi } from './api.ts';
import { valueApi } from '../value/api.ts';
import { retentionRoi } from '../models/index.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';
import { PLANTED, plantedGain } from './evaluate.ts';

/** GB18030 bytes of a string: ASCII as is, other characters by searching the two-byte GBK table. */
function gb18030(text: string): Uint8Array<ArrayBuffer> {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
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
const q = (sql: string) => all(engine.conn, sql);
const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

beforeAll(async () => {
  engine = await nodeEngine();
  api = segmentsApi(() => engine);
  id = (await engine.loadSample({ customers: 2000, months: 24, seed: 1, lang: 'en' })).id;
  await api.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
  await valueApi(() => engine).assessValue(id, DEFAULT_VALUE_PARAMS);
}, 120_000);

describe('simulated outcomes', () => {
  it('seed design: both arms marketed, success rates about equal; ARPU difference and layers from the rows', async () => {
    const list = await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    const ev = await api.evaluateCampaign(id, null, 7);
    expect(ev.design).toBe('seed');
    expect([ev.target.marketed, ev.control.marketed]).toEqual([true, true]);
    expect([ev.target.customers, ev.control.customers]).toEqual([list.target, list.control]);
    // Both arms respond at the planted ≈ 14.8%: the difference within 3 standard errors.
    const se = Math.sqrt(0.148 * 0.852 * (1 / list.target + 1 / list.control));
    expect(Math.abs(ev.target.successRate - ev.control.successRate)).toBeLessThan(3 * se);
    expect(ev.target.highValueShare).toBeCloseTo(list.arms.target.highValueShare!, 12);
    expect(ev.control.highValueShare).toBeCloseTo(list.arms.control.highValueShare!, 12);

    const rows = await q(`SELECT o.*, l.elasticity_layer FROM "campout_${id}" o JOIN "campaign_${id}" l USING (customer_id)`);
    const won = (arm: string) => rows.filter((r) => r.arm === arm && r.responded === true).map((r) => Number(r.arpu_after));
    expect(ev.arpuDifference.targetSuccesses).toBe(won('target').length);
    expect(ev.arpuDifference.difference!).toBeCloseTo(avg(won('target')) - avg(won('control')), 9);
    // Both arms were marketed, so every customer is in a layer row.
    expect(ev.byLayer.reduce((s, l) => s + l.customers, 0)).toBe(list.target + list.control);
    const high = rows.filter((r) => r.elasticity_layer === 'high');
    const layer = ev.byLayer.find((l) => l.layer === 'high')!;
    expect(layer.change!).toBeCloseTo(avg(high.map((r) => Number(r.arpu_after))) / avg(high.map((r) => Number(r.arpu_before))) - 1, 9);
  }, 60_000);

  it('holdout design: the uplift of contacting recovers the planted one', async () => {
    const big = await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, design: 'holdout', controlShare: 0.3 });
    const ev = await api.evaluateCampaign(id, null, 5);
    expect([ev.target.marketed, ev.control.marketed]).toEqual([true, false]);
    expect(ev.target.customers + ev.control.customers).toBe(big.target + big.control);
    expect(ev.target.successRate).toBeGreaterThan(0.11);
    expect(ev.control.successRate).toBeLessThan(0.09);
    // Planted: target ≈ 14.8% response (mean of the subsidy tent), holdout 5%, the responder's gain
    // by ARPU band → expected uplift = mean over each arm of response × gain, target − control.
    const pT = PLANTED.rates.reduce((t, r) => t + PLANTED.response(r), 0) / PLANTED.rates.length;
    const listed = await q(`SELECT arpu, arm FROM "campaign_${id}"`);
    const gainOf = (arm: string) => listed.filter((r) => r.arm === arm).map((r) => plantedGain(Number(r.arpu)));
    const expected = pT * avg(gainOf('target')) - PLANTED.controlRate * avg(gainOf('control'));
    expect(expected).toBeGreaterThan(1.5);
    // Within 3.3 standard errors (a 95% interval misses the planted value for 1 seed in 20).
    expect(Math.abs(ev.uplift.difference - expected)).toBeLessThan(3.3 * ev.uplift.se);
    // Only the contacted are in the layer table.
    expect(ev.byLayer.reduce((s, l) => s + l.customers, 0)).toBe(big.target);
  }, 60_000);

  it('recovers the planted subsidy curve (peak 20%) and ARPU band (50–80)', async () => {
    const list = await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    const ev = await api.evaluateCampaign(id, null, 7);
    expect(ev.source).toBe('simulated');
    const s = ev.subsidy;
    expect(s.problems).toEqual([]);
    expect(s.curve.map((p) => p.rate)).toEqual(PLANTED.rates);
    // Every customer with an ARPU to rate the subsidy against is on a point; the rest are counted.
    const zero = Number((await q(`SELECT count(*) AS n FROM "campaign_${id}" WHERE NOT arpu > 0`))[0].n);
    expect(zero).toBeGreaterThan(0);
    expect(s.withoutRate).toBe(zero);
    expect(s.curve.reduce((t, p) => t + p.customers, 0)).toBe(list.target + list.control - zero);
    for (const p of s.curve.filter((x) => x.rate > 0)) {
      const planted = PLANTED.response(p.rate);
      expect(Math.abs(p.conversion - planted)).toBeLessThan(3 * Math.sqrt((planted * (1 - planted)) / p.customers));
    }
    expect(s.controlPoint!).toBeGreaterThan(0.17);
    expect(s.controlPoint!).toBeLessThan(0.23);
    const best = s.bands[s.best!];
    expect([best.low, best.high]).toEqual([...PLANTED.bestBand]);
  }, 60_000);
});

describe('outcome file', () => {
  it('reads a GB18030 file with Chinese headers, quotes and thousand separators; counts the bad row', async () => {
    await api.buildCampaign(id, { ...DEFAULT_CAMPAIGN, controlShare: 0.2 });
    const ids = await q(`SELECT customer_id, arm, arpu FROM "campaign_${id}" ORDER BY arm, rank LIMIT 400`);
    const lines = ['用户ID,是否响应,活动前ARPU,活动后ARPU,补贴金额,备注'];
    ids.forEach((r, i) => {
      const resp = r.arm === 'target' ? i % 4 === 0 : i % 12 === 0;
      const before = Number(r.arpu);
      lines.push(
        `${r.customer_id},${resp ? '是' : '否'},"${before.toLocaleString('en-US', { maximumFractionDigits: 2 })}",${(before + (resp ? 30 : 0)).toFixed(2)},${(0.2 * before).toFixed(2)},好`
      );
    });
    lines.push(`${ids[0].customer_id}x,是,不是数字,10,1,坏`);
    lines.push('C-not-on-list,否,50,50,0,无');
    const load = await api.loadOutcomes(id, new Blob([gb18030(lines.join('\r\n') + '\r\n')]), '结果.csv');
    expect(load.missing).toEqual([]);
    expect(load.columns).toMatchObject({
      customer_id: '用户ID',
      responded: '是否响应',
      arpu_before: '活动前ARPU',
      arpu_after: '活动后ARPU',
      subsidy: '补贴金额',
      arm: null
    });
    expect([load.rowsInFile, load.loaded, load.rejected]).toEqual([402, 401, 1]);
    expect(load.reasons.map((r) => [r.reason, r.column, r.count])).toEqual([['bad-number', '活动前ARPU', 1]]);
    expect([load.matched, load.unmatched]).toEqual([400, 1]);
    const ev = await api.evaluateCampaign(id, 'file', 1);
    expect(ev.source).toBe('file');
    expect(ev.target.customers + ev.control.customers).toBe(400);
    // Responders gain exactly 30, non-responders 0: the target's mean change is 30 × its success rate.
    expect(ev.target.arpuAfter - ev.target.arpuBefore).toBeCloseTo(30 * ev.target.successRate, 2);
    // One subsidy rate (20%) only: no curve peak, said so; the point counts every customer with an ARPU.
    const rated = ids.filter((r) => Number(r.arpu) > 0).length;
    expect(ev.subsidy.curve.map((p) => [p.rate, p.customers])).toEqual([[0.2, rated]]);
    expect(ev.subsidy.withoutRate).toBe(400 - rated);
    expect(ev.subsidy.problems).toContain('few-rates');
    expect((await q(`SELECT count(*) AS n FROM "campout_${id}"`))[0].n).toBe(401);
  }, 60_000);

  it('names missing columns, non-matching files and degenerate outcomes instead of computing NaN', async () => {
    await api.buildCampaign(id, DEFAULT_CAMPAIGN);
    const noArpu = await api.loadOutcomes(id, new Blob(['customer_id,responded\nx,1\n']), 'a.csv');
    expect(noArpu.missing).toEqual(['arpu_before', 'arpu_after']);
    const stranger = await api.loadOutcomes(
      id,
      new Blob(['customer_id,responded,arpu_before,arpu_after,arm\nzz1,1,50,60,target\nzz2,0,50,50,control\n']),
      'b.csv'
    );
    expect([stranger.matched, stranger.unmatched]).toEqual([0, 2]);
    await expect(api.evaluateCampaign(id, 'file', 1)).rejects.toMatchObject({ code: 'segments-bad-input' });

    // A blank required cell and a customer's second row are rejected with their reasons, never
    // dropped silently: loaded + rejected = rows in the file.
    const [c1, c2] = (await q(`SELECT customer_id FROM "campaign_${id}" WHERE arm = 'target' ORDER BY rank LIMIT 2`)).map((r) =>
      String(r.customer_id)
    );
    const odd = await api.loadOutcomes(
      id,
      new Blob([`customer_id,responded,arpu_before,arpu_after\n${c1},1,50,60\n${c2},,50,50\n${c1},0,50,50\n${c2},1,40,\n`]),
      'd.csv'
    );
    expect([odd.rowsInFile, odd.loaded, odd.rejected]).toEqual([4, 1, 3]);
    expect(odd.reasons.map((r) => [r.reason, r.column, r.count, r.examples.map((e) => e.row)])).toEqual([
      ['duplicate-customer', 'customer_id', 1, [3]],
      ['missing-value', 'arpu_after', 1, [4]],
      ['missing-value', 'responded', 1, [2]]
    ]);
    expect(odd.matched).toBe(1);

    // No responders, no subsidy column: clear problems, no ARPU difference, no NaN anywhere.
    const some = await q(`SELECT customer_id, arm FROM "campaign_${id}" WHERE rank <= 30 ORDER BY arm, rank`);
    const body = some.map((r, i) => `${r.customer_id},0,40,${41 + (i % 3)},${r.arm === 'control' ? '对照组' : '目标组'}`);
    await api.loadOutcomes(id, new Blob([['客户ID,是否响应,arpu_before,arpu_after,组别', ...body].join('\n')]), 'c.csv');
    const ev = await api.evaluateCampaign(id, 'file', 1);
    expect(ev.subsidy.problems).toEqual(['no-responders']);
    expect(ev.arpuDifference.difference).toBeNull();
    const finite = (x: unknown): boolean =>
      typeof x === 'number' ? Number.isFinite(x) : x && typeof x === 'object' ? Object.values(x).every(finite) : true;
    expect(finite(ev)).toBe(true);
    expect(ev.target.successRate).toBe(0);
  }, 60_000);
});

describe('campaign arithmetic through the engine', () => {
  it('is retentionRoi per channel, the saving and the top-up case; bad input is a coded error', async () => {
    const retention = { listSize: 80_000, successRate: 0.15, costPerSuccess: 450, arpuDifference: 15, bundleMonths: 12 };
    const r = await api.campaignArithmetic({
      retention,
      channels: [
        { channel: 'outbound', successRate: 0.07, costPerContact: 16 },
        { channel: 'sms', successRate: 0.005, costPerContact: 0.1 }
      ],
      saving: { contacts: 3_890_000, dropShare: 0.05, costPerHead: 16 },
      topUp: { targets: 1_300_000, successRate: 0.15, arpuDifference: 7.0256, months: 12 }
    });
    expect(r.retention).toEqual(retentionRoi(retention));
    expect(r.channels.map((c) => c.roi.successes)).toEqual([80_000 * 0.07, 80_000 * 0.005]);
    // Each channel pays its contact cost for every name: outbound 80,000 × 16 on top of 5,600 × 450.
    expect(r.channels[0].roi.cost).toBeCloseTo(5_600 * 450 + 80_000 * 16, 4);
    expect(r.channels[1].roi.cost).toBeCloseTo(400 * 450 + 80_000 * 0.1, 4);
    expect(r.saving.saving).toBe(3_112_000);
    expect(Math.round(r.topUp.total / 10_000)).toBe(1644);
    await expect(
      api.campaignArithmetic({
        retention: { ...retention, successRate: 2 },
        channels: [],
        saving: { contacts: 1, dropShare: 0, costPerHead: 0 },
        topUp: { targets: 0, successRate: 0, arpuDifference: 0, months: 0 }
      })
    ).rejects.toMatchObject({ code: 'segments-bad-input' });
  });
});
