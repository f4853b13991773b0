import { describe, expect, it } from 'vitest';
import { annualisedBenefit, retentionRoi, splitControl, studentTQuantile, valueFilterSaving, welchInterval } from './campaign.ts';

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

  // Seed 004 (Shenzhen Mobile, 离网挽留): 80,000 names a month, 15% success, 450 yuan per retention,
  // benefit over a one-year bundle. Worked by hand: 80,000 × 0.15 = 12,000 retained; × 450 = 5,400,000
  // yuan cost (not the seed's 675,000); with a 30-yuan ARPU difference 12,000 × 30 × 12 = 4,320,000.
  it("retentionRoi on the seed's retention case shows every term", () => {
    const r = retentionRoi({
      listSize: 80_000,
      successRate: 0.15,
      costPerSuccess: 450,
      arpuDifference: 30,
      bundleMonths: 12,
      controlSuccessRate: 0.14
    });
    expect(r.successes).toBeCloseTo(12_000, 9);
    expect(r.cost).toBeCloseTo(5_400_000, 6);
    expect(r.benefit).toBeCloseTo(4_320_000, 6);
    expect(r.net).toBeCloseTo(-1_080_000, 6);
    expect(r.roi).toBeCloseTo(-0.2, 12);
    expect(r.incrementalSuccesses).toBeCloseTo(800, 9);
    // The seed's totals cannot come out of its inputs: 675,000 yuan is not 12,000 × 450.
    expect(r.cost).not.toBeCloseTo(675_000, 0);
    expect(retentionRoi({ listSize: 100, successRate: 0.1, costPerSuccess: 20, arpuDifference: 5, bundleMonths: 6 })).toEqual({
      successes: 10,
      cost: 200,
      benefit: 300,
      net: 100,
      roi: 0.5,
      incrementalSuccesses: null
    });
  });

  it('retentionRoi edge cases: no cost, no success, a control doing better, bad input', () => {
    const free = retentionRoi({ listSize: 1000, successRate: 0.2, costPerSuccess: 0, arpuDifference: 10, bundleMonths: 12 });
    expect([free.cost, free.benefit, free.net, free.roi]).toEqual([0, 24_000, 24_000, null]);
    const none = retentionRoi({
      listSize: 1000,
      successRate: 0,
      costPerSuccess: 450,
      arpuDifference: 10,
      bundleMonths: 12,
      controlSuccessRate: 0
    });
    expect([none.successes, none.cost, none.benefit, none.net, none.roi, none.incrementalSuccesses]).toEqual([0, 0, 0, 0, null, 0]);
    // The control group succeeds more often: fewer successes than without the campaign, said as a negative number.
    const worse = retentionRoi({
      listSize: 1000,
      successRate: 0.1,
      costPerSuccess: 100,
      arpuDifference: 10,
      bundleMonths: 12,
      controlSuccessRate: 0.15
    });
    expect(worse.incrementalSuccesses).toBeCloseTo(-50, 9);
    expect(worse.roi).toBeCloseTo(0.2, 12);
    // A channel's contact cost is paid for every name on the list, successes or not.
    const called = retentionRoi({
      listSize: 1000,
      successRate: 0.07,
      costPerSuccess: 450,
      arpuDifference: 40,
      bundleMonths: 12,
      costPerContact: 2
    });
    expect(called.cost).toBeCloseTo(70 * 450 + 1000 * 2, 9);
    expect(called.benefit).toBeCloseTo(70 * 40 * 12, 9);
    expect(
      retentionRoi({ listSize: 1000, successRate: 0, costPerSuccess: 450, arpuDifference: 40, bundleMonths: 12, costPerContact: 2 })
    ).toMatchObject({ successes: 0, cost: 2000, benefit: 0, net: -2000, roi: -1 });
    for (const bad of [
      { costPerContact: -1 },
      { successRate: 1.5 },
      { listSize: -1 },
      { costPerSuccess: Number.NaN },
      { bundleMonths: -12 },
      { controlSuccessRate: 2 }
    ])
      expect(() => retentionRoi({ listSize: 10, successRate: 0.1, costPerSuccess: 1, arpuDifference: 1, bundleMonths: 1, ...bad })).toThrow(
        expect.objectContaining({ code: 'invalid-input' })
      );
  });

  // Seed 004 (合约关怀): bottom 5% filtered from 3.89 million contacts at 16 yuan a head, "about 3 million saved".
  it("valueFilterSaving: 3,890,000 × 5% × 16 = 3,112,000 yuan, the seed's about 3 million", () => {
    expect(valueFilterSaving({ contacts: 3_890_000, dropShare: 0.05, costPerHead: 16 })).toEqual({ dropped: 194_500, saving: 3_112_000 });
    expect(valueFilterSaving({ contacts: 100, dropShare: 0, costPerHead: 16 })).toEqual({ dropped: 0, saving: 0 });
    expect(() => valueFilterSaving({ contacts: 100, dropShare: -0.1, costPerHead: 16 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' })
    );
  });

  // Seed 004 (充值转预存): about 1.3 million targets, 15% success, +1.37 million yuan a month, 16.44 million over a year.
  it('annualisedBenefit: 1.3M × 15% at the implied 7.0256 yuan → 1.37M a month → 16.44M a year', () => {
    const r = annualisedBenefit({ targets: 1_300_000, successRate: 0.15, arpuDifference: 7.0256, months: 12 });
    expect(r.successes).toBeCloseTo(195_000, 6);
    expect(Math.round(r.monthly / 10_000)).toBe(137);
    expect(Math.round(r.total / 10_000)).toBe(1644);
    expect(() => annualisedBenefit({ targets: 1, successRate: 1.2, arpuDifference: 1, months: 12 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' })
    );
  });
});
