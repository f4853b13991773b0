/**
 * The planted lifecycle model of the sample panel: how a customer's spells on the network are laid
 * out (join, ramp-up, plateau, decline, exit, win-back, dormancy) and which stage A–E each month of a
 * spell belongs to. docs/DATA_DICTIONARY.md describes the model in prose; the numbers live here.
 *
 * Everything structural about a customer is drawn up front by `planCustomer`, before any monthly
 * value, so that row counts can be computed without generating the rows.
 */
import { cumulativeWeights, type Rng } from '../models/prng.ts';
import { BUSINESS_PLANS, INDUSTRIES, REGIONS, RESIDENTIAL_PLANS, type Plan } from './vocabulary.ts';

export type Stage = 'A' | 'B' | 'C' | 'D' | 'E';
export const STAGES: readonly Stage[] = ['A', 'B', 'C', 'D', 'E'];

/** Months of tenure that are always stage A (the default N of DOMAIN.md §1). */
export const ACQUISITION_MONTHS = 3;
/** Most spells a customer can have: the first plus up to two win-backs. */
export const MAX_SPELLS = 3;

/** How a spell ends: a churn row (是否离网 = 1) and no more rows, or silence (zero usage) without a churn flag. */
export type ExitKind = 'churn' | 'dormant';

/** One continuous stay on the network. Tenure τ counts months from 1 in the join month. */
export interface Spell {
  /** 1 for the first spell, 2, 3 for win-backs. */
  number: number;
  /** Window month index of tenure 1; negative when the customer joined before the window. */
  join: number;
  /** Tenure of the exit month: the churn row, or the first dormant month. */
  exitTenure: number;
  kind: ExitKind;
  /** Tenure at which the ramp-up reaches the plateau; B covers tenures 4..rampEnd. */
  rampEnd: number;
  /** Tenure of the first D month (≥ 4); D runs to exitTenure − 1, so none when declineStart ≥ exitTenure. */
  declineStart: number;
  /** Level of tenure 1, as a share of the plateau. */
  startLevel: number;
  /** Share of the pre-decline level lost by the last D month. */
  declineDepth: number;
  /** Level of the churn row as a share of the month before (a part month). */
  exitShare: number;
  plan: Plan;
  /** Plateau values (level 1): revenue in yuan, voice minutes, data MB, SMS, value-added services. */
  arpu: number;
  voice: number;
  dataMb: number;
  sms: number;
  vas: number;
  /** Usual discount as a share of revenue. */
  discountRate: number;
  /** First and last window month index with a row (last < first: no rows in the window). */
  first: number;
  last: number;
}

export interface CustomerPlan {
  business: boolean;
  region: number;
  /** Index into INDUSTRIES, or −1 for residential customers. */
  industry: number;
  spells: Spell[];
  rows: number;
}

const REGION_CUMULATIVE = cumulativeWeights(REGIONS.map((r) => r.weight));
const INDUSTRY_CUMULATIVE = cumulativeWeights(INDUSTRIES.map((r) => r.weight));
const RESIDENTIAL_PLAN_CUMULATIVE = cumulativeWeights(RESIDENTIAL_PLANS.map((p) => p.weight));
const BUSINESS_PLAN_CUMULATIVE = cumulativeWeights(BUSINESS_PLANS.map((p) => p.weight));

/** The planted rates. Shares are of customers unless said otherwise. */
export const MODEL = {
  businessShare: 0.12,
  /** Share of customers already on the network in the first window month (tenure > 0 there). */
  existingShare: 0.65,
  /** Mean tenure in the first window month of customers who joined before it. */
  existingMeanTenure: 36,
  /** Share of spells that end within the first 9 months (bad acquisitions). */
  earlyExit: { residential: 0.12, business: 0.06, winBack: 0.25 },
  /** Mean lifetime beyond month 10 of the other spells. */
  meanLifetime: { residential: 50, business: 80, winBack: 40 },
  /** Share of exits that go silent instead of cancelling. */
  dormantShare: { residential: 0.15, business: 0.08 },
  /** Of pre-window customers whose drawn lifetime ended before the window: share kept as long-dormant numbers. */
  longDormantShare: 0.05,
  /** Chance that a churned customer comes back, and the gap (months without rows) before they do. */
  winBackShare: { residential: 0.22, business: 0.3 },
  winBackGap: [2, 8] as const,
  /** Months of ramp-up after A (stage B), and of decline before the exit (stage D). */
  buildUpMonths: [3, 8] as const,
  declineMonths: [3, 6] as const
} as const;

/** Draws everything structural about one customer from its own stream (its rows are then fixed). */
export function planCustomer(rng: Rng, months: number): CustomerPlan {
  const business = rng.chance(MODEL.businessShare);
  const region = rng.pickCumulative(REGION_CUMULATIVE);
  const industry = business ? rng.pickCumulative(INDUSTRY_CUMULATIVE) : -1;
  // Personal taste for usage, kept across win-backs: the same person comes back.
  const voiceTaste = rng.logNormal(0, 0.55);
  const dataTaste = rng.logNormal(0, 0.5);
  const smsTaste = rng.logNormal(0, 0.7);
  const spells: Spell[] = [];

  let join: number;
  let tenure0 = 0; // tenure in window month 0, for customers who joined before the window
  if (rng.chance(MODEL.existingShare)) {
    tenure0 = 1 + Math.min(239, rng.geometric(MODEL.existingMeanTenure - 1));
    join = 1 - tenure0;
  } else {
    join = rng.int(0, months - 1);
  }

  let rows = 0;
  for (let number = 1; number <= MAX_SPELLS && join < months; number++) {
    const segment = number > 1 ? 'winBack' : business ? 'business' : 'residential';
    let exitTenure = rng.chance(MODEL.earlyExit[segment]) ? rng.int(2, 9) : 10 + rng.geometric(MODEL.meanLifetime[segment]);
    let kind: ExitKind = rng.chance(MODEL.dormantShare[business ? 'business' : 'residential']) ? 'dormant' : 'churn';
    if (exitTenure < tenure0) {
      // Drawn to have left before the window; keep a few as long-silent numbers, the rest stay on.
      if (rng.chance(MODEL.longDormantShare)) kind = 'dormant';
      else exitTenure = Math.max(2, tenure0 + rng.geometric(MODEL.meanLifetime[segment]));
    }
    const rampEnd = ACQUISITION_MONTHS + rng.int(MODEL.buildUpMonths[0], MODEL.buildUpMonths[1]);
    const declineStart = Math.max(ACQUISITION_MONTHS + 1, exitTenure - rng.int(MODEL.declineMonths[0], MODEL.declineMonths[1]));
    const plans = business ? BUSINESS_PLANS : RESIDENTIAL_PLANS;
    const plan = plans[rng.pickCumulative(business ? BUSINESS_PLAN_CUMULATIVE : RESIDENTIAL_PLAN_CUMULATIVE)];
    const vas = Math.min(8, rng.poisson(business ? 2.5 : 1.3));
    const spell: Spell = {
      number,
      join,
      exitTenure,
      kind,
      rampEnd,
      declineStart,
      startLevel: rng.between(0.35, 0.55),
      declineDepth: rng.between(0.5, 0.8),
      exitShare: rng.between(0.2, 0.6),
      plan,
      arpu: plan.fee * rng.logNormal(0.08, 0.18) + vas * rng.between(3, 10),
      voice: (80 + plan.fee * 3) * voiceTaste * (business ? 2 : 1),
      dataMb: (2000 + plan.fee * 150) * dataTaste * (business ? 0.6 : 1),
      sms: (business ? 30 : 8) * smsTaste,
      vas,
      discountRate: business ? rng.between(0.05, 0.25) : rng.between(0, 0.12),
      first: Math.max(join, 0),
      last: kind === 'churn' ? Math.min(months - 1, join + exitTenure - 1) : months - 1
    };
    spells.push(spell);
    rows += Math.max(0, spell.last - spell.first + 1);

    const churnMonth = join + exitTenure - 1;
    if (kind !== 'churn' || churnMonth >= months - 1) break;
    if (!rng.chance(MODEL.winBackShare[business ? 'business' : 'residential'])) break;
    join = churnMonth + 1 + rng.int(MODEL.winBackGap[0], MODEL.winBackGap[1]);
    tenure0 = 0;
  }
  return { business, region, industry, spells, rows };
}

/** The planted stage of tenure τ in a spell. */
export function stageAt(spell: Spell, tenure: number): Stage {
  if (tenure >= spell.exitTenure) return 'E';
  if (tenure <= ACQUISITION_MONTHS) return 'A';
  if (tenure >= spell.declineStart) return 'D';
  if (tenure <= spell.rampEnd) return 'B';
  return 'C';
}

function rampLevel(spell: Spell, tenure: number): number {
  if (tenure >= spell.rampEnd) return 1;
  return spell.startLevel + ((1 - spell.startLevel) * (tenure - 1)) / (spell.rampEnd - 1);
}

/**
 * The noiseless activity level of tenure τ as a share of the spell's plateau: rising linearly from
 * `startLevel` to 1 over A and B, 1 in C, falling linearly in D to (1 − declineDepth) by the last D month,
 * a part month on the churn row, and 0 once dormant.
 */
export function levelAt(spell: Spell, tenure: number): number {
  if (tenure >= spell.exitTenure) {
    return spell.kind === 'dormant' ? 0 : levelAt(spell, tenure - 1) * spell.exitShare;
  }
  if (tenure < spell.declineStart) return rampLevel(spell, tenure);
  const before = rampLevel(spell, spell.declineStart - 1);
  const declineLength = spell.exitTenure - spell.declineStart;
  return before * (1 - (spell.declineDepth * (tenure - spell.declineStart + 1)) / declineLength);
}
