/**
 * Kaplan–Meier curves per group (workers/models kaplanMeier: Greenwood variance, 95% log-log
 * bounds), with the median lifetime and the churn within 3 and 6 months of joining read off the
 * curve as 1 − Ŝ(3) and 1 − Ŝ(6) (bounds flipped accordingly). Seed 002's figures are churn of
 * customers in a stage, a different measure: workers/lifecycle stage_churn.sql.
 */
import { kaplanMeier, medianSurvival, survivalAt } from '../models/index.ts';
import type { SurvivalCurve } from './contract.ts';

export interface SurvivalRecord {
  duration: number;
  event: boolean;
  group: string;
}

/** Curves for 'All' and, when split, each group in descending size. */
export function survivalCurves(records: readonly SurvivalRecord[], split: boolean, allLabel = 'All'): SurvivalCurve[] {
  const groups = new Map<string, SurvivalRecord[]>();
  if (split) {
    for (const r of records) {
      const list = groups.get(r.group) ?? [];
      list.push(r);
      groups.set(r.group, list);
    }
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  return [[allLabel, records] as const, ...ordered].map(([group, rows]) => curveOf(group, rows));
}

function curveOf(group: string, rows: readonly SurvivalRecord[]): SurvivalCurve {
  const km = kaplanMeier(
    rows.map((r) => r.duration),
    rows.map((r) => r.event)
  );
  const events = km.events.reduce((s, d) => s + d, 0);
  const churnBy = (t: number) => {
    const s = survivalAt(km, t);
    return { value: 1 - s.survival, lower: 1 - s.upper, upper: 1 - s.lower };
  };
  return {
    group,
    customers: rows.length,
    events,
    time: km.time,
    survival: km.survival,
    lower: km.lower,
    upper: km.upper,
    atRisk: km.atRisk,
    median: events > 0 ? medianSurvival(km) : null,
    churn3: churnBy(3),
    churn6: churnBy(6)
  };
}
