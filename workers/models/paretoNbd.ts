/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), with the likelihood and expressions of
 * Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions"
 * (brucehardie.com/notes/009). While alive a customer buys at Poisson rate λ ~ Gamma(r, α); the
 * lifetime is exponential with rate μ ~ Gamma(s, β). Time is in the unit of the input rows.
 */
import { ModelError } from './errors.ts';
import { minimisePositive } from './optimise.ts';
import { checkRfmRow, prepareRfmRows } from './rows.ts';
import { hyp2f1, lgamma, logAddExp } from './special.ts';
import type { RfmRow } from './bgNbd.ts';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoNbdFit {
  params: ParetoNbdParams;
  /** Full log-likelihood Σ count·ln L. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Objective evaluations used by the optimiser. */
  evaluations: number;
}

/**
 * ln A₀ of Fader & Hardie (2005, eq. 19–20): with m = max(α, β) and the ₂F₁ argument kept in
 * [0, 1) by choosing the form by the sign of α − β,
 * A₀ = ₂F₁(r+s+x, b₁; r+s+x+1; |α−β|/(m+tₓ)) / (m+tₓ)^(r+s+x) − (same at T),
 * b₁ = s+1 if α ≥ β, else r+x. Returns −Infinity when tₓ = T (A₀ = 0).
 */
function logA0(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const a1 = r + s + x;
  const alphaLarger = alpha >= beta;
  const m = alphaLarger ? alpha : beta;
  const b1 = alphaLarger ? s + 1 : r + x;
  const diff = Math.abs(alpha - beta);
  const at = (t: number) => Math.log(hyp2f1(a1, b1, a1 + 1, diff / (m + t))) - a1 * Math.log(m + t);
  if (tx >= T) return -Infinity;
  const l1 = at(tx);
  const l2 = at(T);
  return l1 + Math.log(-Math.expm1(l2 - l1));
}

/**
 * Log-likelihood of one customer (Fader & Hardie 2005, eq. 22):
 * L = Γ(r+x)αʳβˢ/Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ].
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const stillAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const diedBetween = Math.log(s) - Math.log(r + s + x) + logA0(params, x, tx, T);
  return head + logAddExp(stillAlive, diedBetween);
}

/**
 * Maximum-likelihood fit of the Pareto/NBD model on the log scale of (r, α, s, β), shared optimiser.
 * @throws {ModelError} 'invalid-input', 'too-few-customers', 'no-repeat-buyers', 'not-converged'
 * @example fitParetoNbd(rows).params // { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 } on CDNOW
 */
export function fitParetoNbd(rows: readonly RfmRow[]): ParetoNbdFit {
  const { values, weights, total, meanRate } = prepareRfmRows(rows);
  const meanT = values.reduce((s, [, , T], i) => s + weights[i] * T, 0) / total;
  // Per evaluation, the Γ terms are computed once per distinct x and the ₂F₁ terms of A₀ once per
  // distinct (x, t) with t a recency or an age: many customers share them (all x = 0 rows share
  // tₓ = 0, and ages take one value per first-purchase date).
  const distinctX = [...new Set(values.map((v) => v[0]))];
  const slotOfX = new Map(distinctX.map((x, k) => [x, k]));
  const pairs: [number, number][] = [];
  const pairIndex = new Map<string, number>();
  const pairOf = (x: number, t: number) => {
    const key = `${x}|${t}`;
    let k = pairIndex.get(key);
    if (k === undefined) {
      pairIndex.set(key, (k = pairs.length));
      pairs.push([x, t]);
    }
    return k;
  };
  const rowSlots = values.map(([x, tx, T]) => [slotOfX.get(x)!, pairOf(x, tx), pairOf(x, T)]);
  const gammaOfX = new Array<number>(distinctX.length);
  const logF = new Array<number>(pairs.length);
  const negLL = ([r, alpha, s, beta]: readonly number[]) => {
    const base = -lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let k = 0; k < distinctX.length; k++) gammaOfX[k] = base + lgamma(r + distinctX[k]);
    const alphaLarger = alpha >= beta;
    const m = alphaLarger ? alpha : beta;
    const diff = Math.abs(alpha - beta);
    try {
      for (let k = 0; k < pairs.length; k++) {
        const [x, t] = pairs[k];
        const a1 = r + s + x;
        logF[k] = Math.log(hyp2f1(a1, alphaLarger ? s + 1 : r + x, a1 + 1, diff / (m + t))) - a1 * Math.log(m + t);
      }
    } catch (error) {
      if (error instanceof ModelError) return Infinity; // ₂F₁ out of reach: reject the point
      throw error;
    }
    const logS = Math.log(s);
    let ll = 0;
    for (let i = 0; i < values.length; i++) {
      const [x, tx, T] = values[i];
      const [gx, pTx, pT] = rowSlots[i];
      const stillAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
      const logA0 = tx < T ? logF[pTx] + Math.log(-Math.expm1(logF[pT] - logF[pTx])) : -Infinity;
      ll += weights[i] * (gammaOfX[gx] + logAddExp(stillAlive, logS - Math.log(r + s + x) + logA0));
    }
    return -ll / total;
  };
  const start = [1, 1 / Math.max(meanRate, 1e-6), 1, meanT];
  const result = minimisePositive(negLL, start);
  const [r, alpha, s, beta] = result.x;
  const logLikelihood = -result.value * total;
  if (!Number.isFinite(logLikelihood)) {
    throw new ModelError('not-converged', 'Pareto/NBD fit found no finite maximum of the likelihood');
  }
  return { params: { r, alpha, s, beta }, logLikelihood, converged: result.converged, iterations: result.iterations, evaluations: result.evaluations };
}

/**
 * P(alive at T | x, tₓ, T) (Fader & Hardie 2005, eq. 24):
 * 1 / [1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀].
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function paretoNbdProbAlive(params: ParetoNbdParams, row: RfmRow): number {
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  const { r, alpha, s, beta } = params;
  const logOdds =
    Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(params, x, tx, T);
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases of a new customer in (0, t] (Fader & Hardie 2005, eq. 27):
 * E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)] (limit rβ/α · ln(1 + t/β) at s = 1).
 * @throws {ModelError} 'invalid-input' for t < 0
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * lifetimeFactor(s, beta, t);
}

/**
 * Expected purchases in the next t periods by a customer with history (x, tₓ, T) (Fader & Hardie
 * 2005, eq. 28): (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
 * @throws {ModelError} 'invalid-input' for an inconsistent row or t < 0
 */
export function paretoNbdConditionalPurchases(params: ParetoNbdParams, t: number, row: RfmRow): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { r, alpha, s, beta } = params;
  const { frequency: x, T } = row;
  const pAlive = paretoNbdProbAlive(params, row);
  return (((r + x) * (beta + T)) / (alpha + T)) * lifetimeFactor(s, beta + T, t) * pAlive;
}

/** [1 − (b/(b+t))^(s−1)] / (s−1), with its limit ln(1 + t/b) at s = 1. */
function lifetimeFactor(s: number, b: number, t: number): number {
  const logRatio = Math.log1p(t / b);
  if (Math.abs(s - 1) < 1e-10) return logRatio;
  return -Math.expm1(-(s - 1) * logRatio) / (s - 1);
}
