/**
 * Campaign evaluation (seed 004): per arm success rate, ARPU before/after (after = output per head,
 * 人均产出) and share in the Customer value tab's high value tier; the ARPU change target − control
 * with a Welch 95% interval; the ARPU difference of the retention ROI (the two arms' successes);
 * ARPU before/after by elasticity layer; the subsidy curve and ARPU bands (subsidy.ts). In the seed
 * design both arms are marketed, so the difference is what the value screening changed; in the
 * holdout design the control was not contacted, so it is the uplift of contacting.
 *
 * Without an outcome file, outcomes are simulated (seeded) with a planted response (PLANTED); every
 * number from them shows only what was planted, and the page says so:
 * - Each marketed customer is offered a subsidy rate s drawn uniformly from 0, 5%, …, 40% of its
 *   ARPU; it responds with probability p(s) = 5% + 1.1 × (20% − |s − 20%|): a tent peaking at the
 *   seed's 20% control point (27%), falling on both sides — too high a subsidy draws arbitrage, not
 *   conversion. Averaged over the offers a marketed customer responds at ≈ 14.8% (the seed's 15%).
 * - A customer not contacted (the holdout) is offered nothing (s = 0) and responds at 5%.
 * - A responder's monthly ARPU rises by a gain that depends on its ARPU band (yuan): below 30: 12;
 *   30–50: 18; 50–80: 32; 80–120: 22; 120 and above: 16. With the subsidy paid on take-up, the
 *   expected net gain per targeted customer, 0.148 × gain − 0.0296 × ARPU, is highest in 50–80 (the
 *   seed's band): about 1.2, 1.5, 2.8, 0.3 and −2.7 yuan a month at typical ARPUs of each band.
 * - Every ARPU moves by uniform noise of ±10% of the ARPU. Nothing depends on value tier or
 *   elasticity: by-layer differences in simulated outcomes are noise and ARPU-band mix.
 */
import { seededUniform } from '../models/prng.ts';
import { welchInterval } from '../models/index.ts';
import { engineError } from '../engine/errors.ts';
import { mean } from '../../common/lists.ts';
import type { ArmSummary, CampaignDesign, CampaignEvaluation, OutcomeRow } from './contract.ts';
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

/** Simulated outcomes of list rows (each with its arm and whether it is marketed), in the given order (seeded). */
export function simulateOutcomes(
  rows: { customer_id: string; arpu: number; arm: 'target' | 'control'; marketed: boolean }[],
  seed: number
): Required<OutcomeRow>[] {
  const u = seededUniform(seed);
  return rows.map((r) => {
    // Three draws per customer whatever its arm, so a customer's outcome does not depend on the others' arms.
    const offer = PLANTED.rates[Math.min(PLANTED.rates.length - 1, Math.floor(u() * PLANTED.rates.length))];
    const s = r.marketed ? offer : 0;
    const responded = u() < (r.marketed ? PLANTED.response(s) : PLANTED.controlRate);
    const noise = (u() - 0.5) * 2 * PLANTED.noise * r.arpu;
    return {
      customer_id: r.customer_id,
      responded,
      arpu_before: r.arpu,
      arpu_after: Math.max(0, r.arpu + noise + (responded ? plantedGain(r.arpu) : 0)),
      subsidy: s * r.arpu,
      arm: r.arm
    };
  });
}

/** An outcome on the list: its arm, and the value tier and elasticity layer the list gave the customer. */
export interface EvaluatedRow extends SubsidyRow {
  tier: string | null;
  elasticity_layer: string | null;
}

const LAYERS = ['high', 'medium', 'low', 'undefined'];

/** Evaluates outcome rows that already carry their arm, tier and layer. */
export function evaluate(
  data: EvaluatedRow[],
  source: 'file' | 'simulated',
  design: CampaignDesign,
  arpuBands: number[] = DEFAULT_ARPU_BANDS
): CampaignEvaluation {
  const t = data.filter((o) => o.arm === 'target');
  const c = data.filter((o) => o.arm === 'control');
  if (t.length < 2 || c.length < 2) throw engineError('segments-bad-input', 'Each arm needs at least two customers with outcomes.');
  const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const summary = (o: EvaluatedRow[], marketed: boolean): ArmSummary => ({
    customers: o.length,
    marketed,
    successRate: avg(o.map((x) => (x.responded ? 1 : 0))),
    arpuBefore: avg(o.map((x) => x.arpu_before)),
    arpuAfter: avg(o.map((x) => x.arpu_after)),
    highValueShare: avg(o.map((x) => (x.tier === 'high' ? 1 : 0)))
  });
  const change = (o: EvaluatedRow[]) => o.map((x) => x.arpu_after - x.arpu_before);
  const tWon = t.filter((o) => o.responded),
    cWon = c.filter((o) => o.responded);
  const targetArpu = mean(tWon.map((o) => o.arpu_after)),
    controlArpu = mean(cWon.map((o) => o.arpu_after));
  const marketed = design === 'seed' ? data : t;
  const byLayer = [...new Set([...LAYERS, ...marketed.map((o) => o.elasticity_layer ?? 'undefined')])].flatMap((layer) => {
    const rows = marketed.filter((o) => (o.elasticity_layer ?? 'undefined') === layer);
    if (!rows.length) return [];
    const arpuBefore = avg(rows.map((o) => o.arpu_before)),
      arpuAfter = avg(rows.map((o) => o.arpu_after));
    return [{ layer, customers: rows.length, arpuBefore, arpuAfter, change: arpuBefore > 0 ? arpuAfter / arpuBefore - 1 : null }];
  });
  return {
    design,
    source,
    target: summary(t, true),
    control: summary(c, design === 'seed'),
    uplift: welchInterval(change(t), change(c)),
    subsidy: analyseSubsidy(data, arpuBands),
    arpuDifference: {
      targetSuccesses: tWon.length,
      targetArpu,
      controlSuccesses: cWon.length,
      controlArpu,
      difference: targetArpu != null && controlArpu != null ? targetArpu - controlArpu : null
    },
    byLayer
  };
}
