/**
 * Credit rating (信用度) of seed 004: an initial grade AAA … CCC from a credit score, then the seed's
 * rule adjustments (规则调整): more than 1 arrears suspension (欠停) in the last 3 months → down one
 * grade; more than 1 in the last 6 months → down one grade; tenure over 36 months and none in the
 * last 6 → up one grade. Customers under 6 months of tenure are not rated ('-'), special lines get 'X'.
 *
 * The seed does not publish its score model; ours is a transparent 0–100 score from the inputs the
 * data has, each weighted and renormalised over those present: tenure (30%, capped at 60 months),
 * spending (40%, percentile rank of the 6-month mean revenue) and payment history (30%, 1 − arrears
 * suspensions of the last 12 months / 3, floored at 0).
 */
import type { CreditGrade, CreditSummary } from './contract.ts';

export const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const;

export interface CreditInput {
  tenure: number | null;
  revMean6: number;
  arrears3: number | null;
  arrears6: number | null;
  arrears12: number | null;
  special: boolean;
}

/** Percentile rank in [0, 1] of each value (ties share the mean rank). */
export function percentileRanks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = order.length > 1 ? (i + j) / 2 / (order.length - 1) : 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = r;
    i = j + 1;
  }
  return out;
}

export function creditScores(customers: CreditInput[], has: { tenure: boolean; arrears: boolean }): number[] {
  const spend = percentileRanks(customers.map((c) => c.revMean6));
  return customers.map((c, i) => {
    let score = 0.4 * spend[i];
    let weight = 0.4;
    if (has.tenure && c.tenure != null) {
      score += 0.3 * Math.min(c.tenure, 60) / 60;
      weight += 0.3;
    }
    if (has.arrears && c.arrears12 != null) {
      score += 0.3 * Math.max(0, 1 - c.arrears12 / 3);
      weight += 0.3;
    }
    return (100 * score) / weight;
  });
}

/** Initial grade index (0 = AAA) from a score and the six lowest scores of AAA … B. */
export function initialGrade(score: number, cuts: readonly number[]): number {
  const i = cuts.findIndex((c) => score >= c);
  return i === -1 ? GRADES.length - 1 : i;
}

export function rateCredit(
  customers: CreditInput[], scores: number[], cuts: readonly number[], has: { tenure: boolean; arrears: boolean }
): { grades: CreditGrade[]; summary: Omit<CreditSummary, 'inputs'> } {
  const moved = { down3: 0, down6: 0, up36: 0, unrated: 0, special: 0 };
  const grades = customers.map((c, i): CreditGrade => {
    if (c.special) {
      moved.special++;
      return 'X';
    }
    if (has.tenure && c.tenure != null && c.tenure < 6) {
      moved.unrated++;
      return '-';
    }
    let g = initialGrade(scores[i], cuts);
    const step = (delta: number, rule: 'down3' | 'down6' | 'up36') => {
      const next = Math.max(0, Math.min(GRADES.length - 1, g + delta));
      if (next !== g) moved[rule]++;
      g = next;
    };
    if (has.arrears) {
      if ((c.arrears3 ?? 0) > 1) step(1, 'down3');
      if ((c.arrears6 ?? 0) > 1) step(1, 'down6');
      if (has.tenure && (c.tenure ?? 0) > 36 && (c.arrears6 ?? 0) === 0) step(-1, 'up36');
    }
    return GRADES[g];
  });
  const all: CreditGrade[] = [...GRADES, '-', 'X'];
  return {
    grades,
    summary: {
      grades: all.map((grade) => ({ grade, customers: grades.filter((x) => x === grade).length })),
      rules: (['down3', 'down6', 'up36', 'unrated', 'special'] as const).map((rule) => ({ rule, customers: moved[rule] }))
    }
  };
}
