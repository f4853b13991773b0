import { describe, expect, it } from 'vitest';
import { campaignRoi, splitControl, studentTQuantile, welchInterval } from './campaign.ts';

describe('campaign maths', () => {
  it('draws the control share exactly and reproducibly', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const a = splitControl(ids, 0.1, 7);
    expect(a.control.length).toBe(100);
    expect(a.target.length).toBe(900);
    expect(new Set([...a.target, ...a.control]).size).toBe(1000);
    expect(splitControl(ids, 0.1, 7).control).toEqual(a.control);
    expect(splitControl(ids, 0.1, 8).control).not.toEqual(a.control);
    // Not just the first ids.
    expect(a.control.filter((c) => Number(c.slice(1)) < 100).length).toBeLessThan(30);
  });

  it('matches R t.test(a, b, var.equal = FALSE)', () => {
    const r = welchInterval([3.1, 4.2, 5.5, 2.0, 6.1, 4.4], [2.0, 1.5, 3.3, 2.2, 1.1]);
    expect(r.df).toBeCloseTo(7.998232144, 6);
    expect(r.low).toBeCloseTo(0.5353014312, 6);
    expect(r.high).toBeCloseTo(3.8580319021, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138852, 6);
  });

  it('computes the ROI of seed 004: 80,000 names, 15% success, 450 yuan per retained customer', () => {
    // 80,000 × 0.15 = 12,000 retained; × 450 yuan (gain 450 over 1 period) = 5,400,000 yuan.
    const r = campaignRoi({ listSize: 80_000, successRate: 0.15, arpuGain: 450, months: 1, cost: 0 });
    expect(r.successes).toBe(12_000);
    expect(r.gain).toBe(5_400_000);
    expect(campaignRoi({ listSize: 100, successRate: 0.1, arpuGain: 20, months: 6, cost: 1000 })).toEqual({ successes: 10, gain: 1200, net: 200, roi: 0.2 });
  });
});
