/**
 * Seed 001's business-size and usage-behaviour cuts: on a hand-made panel whose answers can be
 * worked out by hand, and on the sample panel (no size column: ARPU stands in, and says so).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { segmentsApi } from './api.ts';
import { DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await nodeEngine();
}, 60_000);

describe('segment profiles', () => {
  it('bands business customers by their employees column and finds each customer’s leading use', async () => {
    // b1..b6 are businesses with 5..60 employees; r1..r3 residential. Usage means over the base:
    // voice 100, data 1000, sms 10 → r1 data-led (3000 MB), r2 voice-led (400 min), r3 none.
    const rows = ['用户ID,账期,客户类型,员工人数,出账收入,语音分钟,流量MB,短信条数'];
    const usage: Record<string, [number, number, number]> = {
      b1: [50, 500, 5],
      b2: [50, 500, 5],
      b3: [50, 500, 5],
      b4: [50, 500, 5],
      b5: [50, 500, 5],
      b6: [50, 500, 40],
      r1: [0, 3000, 0],
      r2: [400, 0, 0],
      r3: [0, 0, 0]
    };
    const employees: Record<string, number> = { b1: 5, b2: 8, b3: 20, b4: 25, b5: 50, b6: 60 };
    for (const [c, [v, d, s]] of Object.entries(usage))
      for (const m of ['202401', '202402'])
        rows.push(`${c},${m},${c.startsWith('b') ? '政企客户' : '个人客户'},${employees[c] ?? ''},100,${v},${d},${s}`);
    const ds = await engine.ingestFile(new File([rows.join('\n')], 'p.csv'), 'p.csv', {});
    const o = await segmentsApi(() => engine).segmentOverview(ds.id, DEFAULT_SEGMENT_PARAMS);
    expect(o.bySize?.basis).toBe('column');
    expect(o.bySize?.column).toBe('员工人数');
    expect(o.bySize?.rows.map((r) => [r.value, r.customers, r.low, r.high])).toEqual([
      ['small', 2, 5, 8],
      ['medium', 2, 20, 25],
      ['large', 2, 50, 60]
    ]);
    const lead = Object.fromEntries(o.byUsage.map((r) => [r.value, r.customers]));
    // Means: voice (5×50+50+400)/9 = 77.8, data (6×500+3000)/9 = 666.7, sms (5×5+40)/9 = 7.2.
    // b1..b5: voice 50/77.8 = .64, data 500/666.7 = .75, sms 5/7.2 = .69 → data; b6: sms 40/7.2 → sms.
    expect(lead).toEqual({ data: 6, sms: 1, voice: 1, none: 1 });
  }, 60_000);

  it('on the sample panel: ARPU stands in for size, terciles of the business customers', async () => {
    const s = await engine.loadSample({ customers: 900, months: 12, seed: 5, lang: 'zh' });
    const o = await segmentsApi(() => engine).segmentOverview(s.id, DEFAULT_SEGMENT_PARAMS);
    const business = o.byType.find((r) => r.value === '政企')!;
    expect(o.bySize?.basis).toBe('arpu');
    expect(o.bySize?.rows.reduce((t, r) => t + r.customers, 0)).toBe(business.customers);
    const [small, medium, large] = o.bySize!.rows;
    expect(small.high).toBeLessThanOrEqual(medium.low);
    expect(medium.high).toBeLessThanOrEqual(large.low);
    expect(o.byUsage.reduce((t, r) => t + r.customers, 0)).toBe(o.customers);
    expect(o.byUsage.map((r) => r.value).sort()).toEqual(expect.arrayContaining(['data', 'voice']));
  }, 60_000);
});
