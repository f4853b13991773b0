/** Validation of the assessment parameters, before any work: clear messages, never NaN downstream. */
import { engineError } from '../engine/errors.ts';
import { COMPOSITE_BASES, HISTORY_BASES } from '../../common/valueParams.ts';
import type { ValueParams } from './contract.ts';

const ascending = (v: readonly number[]) => v.every((x, i) => i === 0 || x > v[i - 1]);
const descending = (v: readonly number[]) => v.every((x, i) => i === 0 || x < v[i - 1]);
const finite = (v: readonly number[]) => v.every(Number.isFinite);

/** The weights' problem, or null: each in [0, 1] and summing to 1 (within 0.001, for typed-in decimals). */
export function weightsProblem(weights: ValueParams['weights']): string | null {
  const w = Object.values(weights);
  if (!finite(w) || w.some((x) => x < 0 || x > 1)) return 'Each weight must be between 0 and 1.';
  const sum = w.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > 1e-3) return `The weights must sum to 1 (they sum to ${sum.toFixed(3)}).`;
  return null;
}

/** @throws EngineError 'value-bad-weights' | 'value-bad-params' */
export function checkParams(p: ValueParams): void {
  const weights = weightsProblem(p.weights);
  if (weights) throw engineError('value-bad-weights', weights);
  const bad = (message: string) => engineError('value-bad-params', message);
  if (!(p.decay > 0 && p.decay <= 1)) throw bad('The decay Q must be in (0, 1].');
  const shares = p.valueTierShares;
  if (!finite(shares) || !(shares[0] > 0 && shares[0] < shares[1] && shares[1] < 1))
    throw bad('Tier cut points must satisfy 0 < high < medium < 1.');
  if (!(Number.isInteger(p.groups) && p.groups >= 1 && p.groups <= 5)) throw bad('Groups must be 1 to 5.');
  if (p.creditCuts.length !== 6 || !finite(p.creditCuts) || !descending(p.creditCuts))
    throw bad('Credit cut points must be six decreasing scores.');
  if (!finite(p.loyaltyCuts) || !ascending([0, ...p.loyaltyCuts, 1])) throw bad('Loyalty cut points must increase between 0 and 1.');
  const layers = p.elasticityLayerShares;
  if (!(finite(layers) && layers.length === 2 && layers[0] > 0 && layers[0] < layers[1] && layers[1] < 1))
    throw bad('Elasticity layer shares must satisfy 0 < layer 1 < layer 2 < 1.');
  if (!HISTORY_BASES.includes(p.historyBasis)) throw bad('Unknown historical value basis.');
  if (!COMPOSITE_BASES.includes(p.compositeBasis)) throw bad('Unknown composite basis.');
  const rule = p.mapStrategy;
  if (!(
    finite([rule.careSpend, rule.careTenure, rule.nurtureTenure]) &&
    rule.careSpend >= 0 &&
    rule.careTenure >= 0 &&
    rule.nurtureTenure >= 0
  ))
    throw bad('The value map strategy needs non-negative spend and tenure bounds.');
  for (const bands of [p.spendBands, p.tenureBands])
    if (bands.length === 0 || bands.length > 10 || !finite(bands) || !ascending(bands) || bands[0] <= 0)
      throw bad('Map bands must be 1–10 increasing positive bounds.');
  for (const month of [p.evaluationMonth, p.elasticityBase])
    if (month != null && !/^\d{4}-\d{2}$/.test(month)) throw bad('Months must look like 2024-12.');
}
