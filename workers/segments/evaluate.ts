/**
 * Campaign evaluation (seed 004): per arm success rate, ARPU before/after and share of high-value
 * customers, and the revenue uplift target − control of the ARPU change with a Welch 95% interval.
 * Without an outcome file, outcomes are simulated (seeded) with a planted uplift: target responds
 * at 15% (the seed's success rate), control at 5%, responders gain 20 yuan of monthly ARPU.
 */
import { seededUniform } from '../models/seededRandom.ts';
import { welchInterval } from '../models/index.ts';
import { engineError } from '../engine/errors.ts';
import type { ArmSummary, CampaignEvaluation, CampaignRow, OutcomeRow } from './contract.ts';

export const PLANTED = { targetRate: 0.15, controlRate: 0.05, gain: 20 };

export function simulateOutcomes(rows: CampaignRow[], seed: number): OutcomeRow[] {
  const u = seededUniform(seed);
  return rows.map((r) => {
    const responded = u() < (r.arm === 'target' ? PLANTED.targetRate : PLANTED.controlRate);
    const noise = (u() - 0.5) * 0.2 * r.arpu;
    return { customer_id: r.customer_id, responded, arpu_before: r.arpu, arpu_after: Math.max(0, r.arpu + noise + (responded ? PLANTED.gain : 0)) };
  });
}

export function evaluate(rows: CampaignRow[], outcomes: OutcomeRow[] | null, seed: number): CampaignEvaluation {
  const data = outcomes ?? simulateOutcomes(rows, seed);
  const arm = new Map(rows.map((r) => [r.customer_id, r.arm]));
  const before = data.map((o) => o.arpu_before).sort((a, b) => a - b);
  // High value = ARPU after at or above the 80th percentile of ARPU before (top 20% of the list).
  const high = before[Math.floor(0.8 * (before.length - 1))] ?? 0;
  const pick = (a: 'target' | 'control') => data.filter((o) => arm.get(o.customer_id) === a);
  const t = pick('target'), c = pick('control');
  if (t.length < 2 || c.length < 2) throw engineError('segments-bad-input', 'Each arm needs at least two customers with outcomes.');
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const summary = (o: OutcomeRow[]): ArmSummary => ({
    customers: o.length, successRate: mean(o.map((x) => (x.responded ? 1 : 0))),
    arpuBefore: mean(o.map((x) => x.arpu_before)), arpuAfter: mean(o.map((x) => x.arpu_after)),
    highValueShare: mean(o.map((x) => (x.arpu_after >= high ? 1 : 0)))
  });
  const change = (o: OutcomeRow[]) => o.map((x) => x.arpu_after - x.arpu_before);
  return { target: summary(t), control: summary(c), uplift: welchInterval(change(t), change(c)), source: outcomes ? 'file' : 'simulated' };
}
