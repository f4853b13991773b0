/**
 * The ROI calculator's defaults and the shown arithmetic (seed 004: 80,000 names a month, 15%
 * success, 450 yuan per retained customer). The maths itself is campaignRoi in workers/models.
 */
import { campaignRoi, type RoiInput } from '$workers/models/campaign';

export const SEED_ROI: RoiInput = { listSize: 80_000, successRate: 0.15, arpuGain: 450, months: 1, cost: 0 };

/** "80000 × 15% × 450 × 1 − 0 = 5400000" with the caller's number formatter. */
export function roiArithmetic(x: RoiInput, fmt: (v: number, d?: number) => string): { text: string; net: number } {
  const r = campaignRoi(x);
  return {
    net: r.net,
    text: `${fmt(x.listSize)} × ${fmt(x.successRate * 100, 1)}% × ${fmt(x.arpuGain, 2)} × ${fmt(x.months)} − ${fmt(x.cost)} = ${fmt(r.net, 0)}`
  };
}
