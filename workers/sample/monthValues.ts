/**
 * The billed values of one customer-month: revenue, usage, arrears, cost and discount, drawn around
 * the noiseless level of the planted lifecycle (lifecycle.ts).
 */
import { levelAt, stageAt, type Spell, type Stage } from './lifecycle.ts';
import type { Rng } from '../models/prng.ts';

/** One month of one spell. Reused between rows (the generator writes it out at once). */
export interface MonthValues {
  stage: Stage;
  /** Billed revenue, yuan. */
  arpu: number;
  voice: number;
  dataMb: number;
  sms: number;
  vas: number;
  arrears: number;
  churn: 0 | 1;
  /** Marketing cost (customer investment), yuan. */
  cost: number;
  /** Discounts granted, yuan. */
  discount: number;
}

export function emptyMonthValues(): MonthValues {
  return { stage: 'A', arpu: 0, voice: 0, dataMb: 0, sms: 0, vas: 0, arrears: 0, churn: 0, cost: 0, discount: 0 };
}

/** Per-spell memory between months: a retention offer, once made, stays for the rest of the decline. */
export interface SpellMemory {
  retentionOffer: boolean;
}

/** Fills `out` with tenure τ of `spell`. Draws from `rng` in a fixed order, so output is reproducible. */
export function drawMonth(rng: Rng, spell: Spell, tenure: number, business: boolean, memory: SpellMemory, out: MonthValues): void {
  const stage = stageAt(spell, tenure);
  const level = levelAt(spell, tenure);
  out.stage = stage;
  out.churn = 0;
  out.cost = 0;
  if (level === 0) {
    // Dormant: a silent number, still on the network, billed nothing.
    out.arpu = out.voice = out.dataMb = out.sms = out.vas = out.discount = 0;
    out.arrears = tenure === spell.exitTenure && rng.chance(0.6) ? 1 : 0; // the suspension that started the silence
    return;
  }
  const arpu = Math.max(0, spell.arpu * level * (1 + 0.05 * rng.normal()));
  out.arpu = arpu;
  out.voice = Math.round(spell.voice * level * Math.exp(0.2 * rng.normal()));
  out.dataMb = Math.round(spell.dataMb * level * Math.exp(0.25 * rng.normal()));
  out.sms = rng.poisson(spell.sms * level);
  out.vas = Math.floor(spell.vas * Math.min(1, level) + rng.uniform());

  let arrearsRate = business ? 0.01 : 0.02;
  let discountRate = spell.discountRate;
  let cost = 0;
  if (stage === 'D') {
    arrearsRate = 0.15 + (0.5 * (tenure - spell.declineStart + 1)) / (spell.exitTenure - spell.declineStart);
    if (!memory.retentionOffer && rng.chance(0.3)) {
      memory.retentionOffer = true;
      cost += rng.between(20, 120) * (business ? 3 : 1);
    }
    if (memory.retentionOffer) discountRate += 0.2;
  } else if (stage === 'E') {
    arrearsRate = 0.6;
    out.churn = 1;
  } else if (tenure === 1) {
    // Acquisition (SIM, first top-up, channel bonus); winning a leaver back costs more.
    cost += (spell.number > 1 ? rng.between(50, 300) : rng.between(30, 200)) * (business ? 5 : 1);
  } else if (rng.chance(0.03)) {
    cost += rng.between(10, 60); // loyalty gift
  }
  if (tenure <= 3) discountRate += 0.15; // new-customer offer
  if (spell.number > 1 && tenure <= 6) discountRate += 0.15; // win-back offer
  if (tenure <= 12 && stage !== 'E') cost += arpu * 0.05; // channel commission in the first year
  out.arrears = rng.poisson(arrearsRate);
  out.cost = cost;
  out.discount = arpu * Math.min(0.6, discountRate);
}
