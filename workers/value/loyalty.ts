/**
 * Loyalty (忠诚度) of seed 004: behavioural indicators standardised; inside each dimension the
 * indicator weights come from principal component analysis ("利用主成份分析确定各指标权重"); between
 * dimensions the entropy-weight method ("用熵值法确定各维度权重"); the composite score is ranked into
 * high (top 10%), fairly high (10–60%), average (60–90%) and low (bottom 10%).
 *
 * The seed does not list its indicators; ours are the behavioural columns a panel has, signed so that
 * more means more loyal: tenure; usage (voice, data, SMS); products held (value-added services);
 * spending (level and stability, −coefficient of variation); payment (−arrears suspensions).
 * Indicators missing from the data or constant across customers are left out (and reported).
 */
import { entropyWeights, loyaltyBand, pcaWeights, principalComponents } from '../models/index.ts';
import type { LoyaltyBandName, LoyaltySummary, ValueNote, ValueTier } from './contract.ts';
import type { CustomerWindow } from './window.ts';

type Indicator = { name: string; get: (c: CustomerWindow) => number | null };

export const LOYALTY_DIMENSIONS: { dimension: string; indicators: Indicator[] }[] = [
  { dimension: 'tenure', indicators: [{ name: 'tenure', get: (c) => c.tenure }] },
  {
    dimension: 'usage',
    indicators: [
      { name: 'voiceMean6', get: (c) => c.voiceMean6 },
      { name: 'dataMean6', get: (c) => c.dataMean6 },
      { name: 'smsMean6', get: (c) => c.smsMean6 }
    ]
  },
  { dimension: 'products', indicators: [{ name: 'vasLast', get: (c) => c.vasLast }] },
  {
    dimension: 'spending',
    indicators: [
      { name: 'revMean6', get: (c) => c.revMean6 },
      { name: 'revStability', get: (c) => (c.revMean6 > 0 && c.revSd6 != null ? -c.revSd6 / c.revMean6 : 0) }
    ]
  },
  { dimension: 'payment', indicators: [{ name: 'noArrears', get: (c) => (c.arrears6 == null ? null : -c.arrears6) }] }
];

function standardise(values: number[]): number[] | null {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  if (!(sd > 1e-12 * (1 + Math.abs(mean)))) return null;
  return values.map((v) => (v - mean) / sd);
}

export function scoreLoyalty(
  customers: CustomerWindow[],
  tiers: ValueTier[],
  cuts: [number, number, number],
  notes: ValueNote[]
): { scores: (number | null)[]; bands: (LoyaltyBandName | null)[]; summary: LoyaltySummary } | null {
  const n = customers.length;
  if (n < 3) {
    notes.push({ key: 'loyaltyTooFew', vars: { n } });
    return null;
  }
  const dims: { dimension: string; indicators: { indicator: string; weight: number }[]; score: number[] }[] = [];
  for (const d of LOYALTY_DIMENSIONS) {
    const used: { name: string; z: number[] }[] = [];
    for (const ind of d.indicators) {
      const raw = customers.map(ind.get);
      if (raw.every((v) => v == null)) {
        notes.push({ key: 'loyaltyMissing', vars: { indicator: ind.name } });
        continue;
      }
      const z = standardise(raw.map((v) => v ?? 0));
      if (!z) {
        notes.push({ key: 'loyaltyConstant', vars: { indicator: ind.name } });
        continue;
      }
      used.push({ name: ind.name, z });
    }
    if (used.length === 0) continue;
    const w = used.length === 1 ? [1] : pcaWeights(principalComponents(used.map((u) => u.z)));
    dims.push({
      dimension: d.dimension,
      indicators: used.map((u, j) => ({ indicator: u.name, weight: w[j] })),
      score: customers.map((_, i) => used.reduce((s, u, j) => s + w[j] * u.z[i], 0))
    });
  }
  if (dims.length === 0) {
    notes.push({ key: 'loyaltyNoIndicators' });
    return null;
  }
  let dimWeights: number[];
  try {
    dimWeights = dims.length === 1 ? [1] : entropyWeights(dims.map((d) => d.score));
  } catch {
    notes.push({ key: 'loyaltyNoIndicators' });
    return null;
  }
  const scores = customers.map((_, i) => dims.reduce((s, d, k) => s + dimWeights[k] * d.score[i], 0));
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const bands = new Array<LoyaltyBandName>(n);
  order.forEach(([, i], rank) => (bands[i] = loyaltyBand(rank / n, cuts)));
  const names: LoyaltyBandName[] = ['high', 'fairlyHigh', 'average', 'low'];
  const tierNames: ValueTier[] = ['high', 'medium', 'low'];
  return {
    scores,
    bands,
    summary: {
      dimensions: dims.map((d, k) => ({ dimension: d.dimension, weight: dimWeights[k], indicators: d.indicators })),
      bands: names.map((band) => {
        const s = scores.filter((_, i) => bands[i] === band);
        return { band, customers: s.length, meanScore: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null };
      }),
      byTier: names.flatMap((band) =>
        tierNames.map((tier) => ({ band, tier, customers: bands.filter((b, i) => b === band && tiers[i] === tier).length }))
      ),
      byStage: null,
      byStageSet: null
    }
  };
}
