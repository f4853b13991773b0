/**
 * Credit rating (信用度) of seed 004: an initial grade AAA … CCC from a credit score, then the seed's
 * rule adjustments (规则调整): more than 1 arrears suspension (欠停) in the last 3 months → down one
 * grade; more than 1 in the last 6 months → down one grade; tenure over 36 months and none in the
 * last 6 → up one grade ("注：信息机及188用户不调整": info-phones and 188 numbers are not adjusted).
 * Brand switchers (转品牌用户): 智能网转全球通 (prepaid to GoTone), grades CCC–BBB up one; 全球通转智能网
 * (GoTone to prepaid), grades AAA–BB down two and B down to CCC. Customers under 6 months of tenure
 * are not rated ('-'); special lines (测试机、公务机、劳务机) and secondary numbers (副号) get 'X'.
 *
 * Where the seed leaves a choice open: the brand-switch moves apply to the grade after the three
 * rules (the seed shows both boxes side by side, without an order), and the info-phone / 188
 * exemption covers them too ("不调整": not adjusted at all).
 *
 * The seed does not publish its score model; ours is a transparent 0–100 score from the inputs the
 * data has, each weighted and renormalised over those present: tenure (30%, capped at 60 months),
 * spending (40%, percentile rank of the 6-month mean revenue) and payment history (30%, 1 − arrears
 * suspensions of the last 12 months / 3, floored at 0).
 */
import { percentileRanks } from '../models/index.ts';
import type { CreditGrade, CreditRule, CreditSummary } from './contract.ts';

export const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const;

/** Which way a customer switched brand, if at all (see brand.ts). */
export type BrandSwitch = 'toGoTone' | 'toPrepaid';

export interface CreditInput {
  tenure: number | null;
  revMean6: number;
  arrears3: number | null;
  arrears6: number | null;
  arrears12: number | null;
  /** Test, official or labour-service line: X. */
  special: boolean;
  /** A secondary number (副号): X. */
  secondary: boolean;
  /** An info-phone (信息机) or a 188 number: rated, never adjusted. */
  exempt: boolean;
  brandSwitch: BrandSwitch | null;
}

export function creditScores(customers: CreditInput[], has: { tenure: boolean; arrears: boolean }): number[] {
  const spend = percentileRanks(customers.map((c) => c.revMean6));
  return customers.map((c, i) => {
    let score = 0.4 * spend[i];
    let weight = 0.4;
    if (has.tenure && c.tenure != null) {
      score += (0.3 * Math.min(c.tenure, 60)) / 60;
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

const RULES: CreditRule[] = ['down3', 'down6', 'up36', 'brandUp', 'brandDown', 'exempt', 'unrated', 'special', 'secondary'];
const CCC = GRADES.length - 1;
const BBB = GRADES.indexOf('BBB');
const BB = GRADES.indexOf('BB');
const B = GRADES.indexOf('B');

/**
 * One customer's grade and the rules that moved it (a rule that would move a grade already at the
 * end of the scale moves nothing and is not listed).
 */
export function gradeCustomer(
  c: CreditInput,
  score: number,
  cuts: readonly number[],
  has: { tenure: boolean; arrears: boolean }
): { grade: CreditGrade; rules: CreditRule[] } {
  if (c.special) return { grade: 'X', rules: ['special'] };
  if (c.secondary) return { grade: 'X', rules: ['secondary'] };
  if (has.tenure && c.tenure != null && c.tenure < 6) return { grade: '-', rules: ['unrated'] };
  let g = initialGrade(score, cuts);
  const rules: CreditRule[] = [];
  const step = (delta: number, rule: CreditRule) => {
    const next = Math.max(0, Math.min(CCC, g + delta));
    if (next !== g) rules.push(rule);
    g = next;
  };
  if (has.arrears) {
    if ((c.arrears3 ?? 0) > 1) step(1, 'down3');
    if ((c.arrears6 ?? 0) > 1) step(1, 'down6');
    if (has.tenure && (c.tenure ?? 0) > 36 && (c.arrears6 ?? 0) === 0) step(-1, 'up36');
  }
  if (c.brandSwitch === 'toGoTone' && g >= BBB) step(-1, 'brandUp');
  if (c.brandSwitch === 'toPrepaid' && g <= BB) step(2, 'brandDown');
  else if (c.brandSwitch === 'toPrepaid' && g === B) step(1, 'brandDown');
  if (c.exempt) return { grade: GRADES[initialGrade(score, cuts)], rules: rules.length ? ['exempt'] : [] };
  return { grade: GRADES[g], rules };
}

export function rateCredit(
  customers: CreditInput[],
  scores: number[],
  cuts: readonly number[],
  has: { tenure: boolean; arrears: boolean }
): { grades: CreditGrade[]; summary: Pick<CreditSummary, 'grades' | 'rules'> } {
  const moved = Object.fromEntries(RULES.map((r) => [r, 0])) as Record<CreditRule, number>;
  const grades = customers.map((c, i) => {
    const { grade, rules } = gradeCustomer(c, scores[i], cuts, has);
    for (const r of rules) moved[r]++;
    return grade;
  });
  const all: CreditGrade[] = [...GRADES, '-', 'X'];
  return {
    grades,
    summary: {
      grades: all.map((grade) => ({ grade, customers: grades.filter((x) => x === grade).length })),
      rules: RULES.map((rule) => ({ rule, customers: moved[rule] }))
    }
  };
}
