/**
 * Campaign evaluation (seed 004): per arm success rate, ARPU before/after and share of high-value
 * customers, and the revenue uplift target − control of the ARPU change with a Welch 95% interval;
 * plus the subsidy curve and ARPU bands (subsidy.ts).
 *
 * Without an outcome file, outcomes are simulated (seeded) with a planted response (PLANTED):
 * - Each target customer is offered a subsidy rate s drawn uniformly from 0, 5%, …, 40% of its
 *   ARPU; it responds with probability p(s) = 5% + 1.1 × (20% − |s − 20%|): a tent peaking at the
 *   seed's 20% control point (27%), falling on both sides — too high a subsidy draws arbitrage, not
 *   conversion. Averaged over the offers the target responds at ≈ 14.8% (the seed's 15% success).
 * - The control arm is offered nothing (s = 0) and responds at 5%.
 * - A responder's monthly ARPU rises by a gain that depends on its ARPU band (yuan): below 30: 12;
 *   30–50: 18; 50–80: 32; 80–120: 22; 120 and above: 16. With the subsidy paid on take-up, the
 *   expected net gain per targeted customer, 0.148 × gain − 0.0296 × ARPU, is highest in 50–80 (the
 *   seed's band): about 1.2, 1.5, 2.8, 0.3 and −2.7 yuan a month at typical ARPUs of each band.
 * - Every ARPU moves by uniform noise of ±10% of the ARPU.
 */
import { seededUniform } from '../models/prng.ts';
import { welchInterval } from '../models/index.ts';
import { engineError } from '../engine/errors.ts';
import type { ArmSummary, CampaignEvaluation, OutcomeRow } from './contract.ts';
import { analyseSubsidy, DEFAULT_ARPU_BANDS, type SubsidyRow } from './subsidy.ts';

export const PLANTED = {
  controlRate: 0.05,
  rates: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4],
  controlPoint: 0.2,
  response: (s: number) => 0.05 + 1.1 * (0.2 - Math.abs(s - 0.2)),
  bands: [30, 50, 80, 120],
  gains: [12, 18, 32, 22, 16],
  bestBand: [50, 80] as const,
  noise: 0.1
};

export const plantedGain = (arpu: number) => PLANTED.gains[PLANTED.bands.filter((b) => arpu >= b).length];

/** Simulated outcomes of list rows (each with its arm), in the given order (seeded). */
export function simulateOutcomes(rows: { customer_id: string; arpu: number; arm: 'target' | 'control' }[], seed: number): Required<OutcomeRow>[] {
  const u = seededUniform(seed);
  return rows.map((r) => {
    // Three draws per customer whatever its arm, so a customer's outcome does not depend on the others' arms.
    const offer = PLANTED.rates[Math.min(PLANTED.rates.length - 1, Math.floor(u() * PLANTED.rates.length))];
    const s = r.arm === 'target' ? offer : 0;
    const responded = u() < (r.arm === 'target' ? PLANTED.response(s) : PLANTED.controlRate);
    const noise = (u() - 0.5) * 2 * PLANTED.noise * r.arpu;
    return {
      customer_id: r.customer_id, responded, arpu_before: r.arpu,
      arpu_after: Math.max(0, r.arpu + noise + (responded ? plantedGain(r.arpu) : 0)),
      subsidy: s * r.arpu, arm: r.arm
    };
  });
}

/** Evaluates outcome rows that already carry their arm. */
export function evaluate(data: SubsidyRow[], source: 'file' | 'simulated', arpuBands: number[] = DEFAULT_ARPU_BANDS): CampaignEvaluation {
  const before = data.map((o) => o.arpu_before).sort((a, b) => a - b);
  // High value = ARPU after at or above the 80th percentile of ARPU before (top 20% of the list).
  const high = before[Math.floor(0.8 * (before.length - 1))] ?? 0;
  const t = data.filter((o) => o.arm === 'target');
  const c = data.filter((o) => o.arm === 'control');
  if (t.length < 2 || c.length < 2) throw engineError('segments-bad-input', 'Each arm needs at least two customers with outcomes.');
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const summary = (o: SubsidyRow[]): ArmSummary => ({
    customers: o.length, successRate: mean(o.map((x) => (x.responded ? 1 : 0))),
    arpuBefore: mean(o.map((x) => x.arpu_before)), arpuAfter: mean(o.map((x) => x.arpu_after)),
    highValueShare: mean(o.map((x) => (x.arpu_after >= high ? 1 : 0)))
  });
  const change = (o: SubsidyRow[]) => o.map((x) => x.arpu_after - x.arpu_before);
  return { target: summary(t), control: summary(c), uplift: welchInterval(change(t), change(c)), source, subsidy: analyseSubsidy(data, arpuBands) };
}
