/**
 * BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284).
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Time is in the unit of the input rows.
 */
import { ModelError } from './errors.ts';
import { minimisePositive } from './optimise.ts';
import { checkRfmRow, prepareRfmRows } from './rows.ts';
import { hyp2f1, lgamma, logAddExp } from './special.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration summary; `count` (default 1) weights identical customers. */
export interface RfmRow {
  frequency: number;
  recency: number;
  T: number;
  count?: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Full log-likelihood Σ count·ln L (eq. 6 of the paper), as the paper reports it. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Objective evaluations used by the optimiser. */
  evaluations: number;
}

/**
 * Log-likelihood of one customer (Fader, Hardie & Lee 2005, eq. 6):
 * ln L = ln[Γ(r+x)αʳ/Γ(r)] + ln[B(a, b+x)/B(a, b)]
 *      + ln[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x)].
 */
export function bgNbdLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const A1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const A2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const A3 = -(r + x) * Math.log(alpha + T);
  const A4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return A1 + A2 + logAddExp(A3, A4);
}

/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, §3), optimised on the log
 * scale of (r, α, a, b) by the shared optimiser.
 * @throws {ModelError} 'invalid-input' (bad rows), 'too-few-customers', 'no-repeat-buyers',
 *   'not-converged' (no finite optimum found)
 * @example fitBgNbd(rows).params // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 */
export function fitBgNbd(rows: readonly RfmRow[]): BgNbdFit {
  const { values, weights, total, meanRate } = prepareRfmRows(rows);
  // The Γ and B terms depend on a row only through x: evaluate them once per distinct x.
  const distinctX = [...new Set(values.map((v) => v[0]))];
  const slotOfX = new Map(distinctX.map((x, k) => [x, k]));
  const slot = values.map(([x]) => slotOfX.get(x)!);
  const termOfX = new Array<number>(distinctX.length);
  const negLL = ([r, alpha, a, b]: readonly number[]) => {
    const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
    for (let k = 0; k < distinctX.length; k++) {
      const x = distinctX[k];
      termOfX[k] = base + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    }
    const logA = Math.log(a);
    let ll = 0;
    for (let i = 0; i < values.length; i++) {
      const [x, tx, T] = values[i];
      const A3 = -(r + x) * Math.log(alpha + T);
      const A4 = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
      ll += weights[i] * (termOfX[slot[i]] + logAddExp(A3, A4));
    }
    return -ll / total;
  };
  // Start: r = 1 with α matching the mean purchase rate; a = 1, b = 1.
  const start = [1, 1 / Math.max(meanRate, 1e-6), 1, 1];
  const result = minimisePositive(negLL, start);
  const [r, alpha, a, b] = result.x;
  const logLikelihood = -result.value * total;
  if (!Number.isFinite(logLikelihood) || result.x.some((v) => !Number.isFinite(v))) {
    throw new ModelError('not-converged', 'BG/NBD fit found no finite maximum of the likelihood');
  }
  return { params: { r, alpha, a, b }, logLikelihood, converged: result.converged, iterations: result.iterations, evaluations: result.evaluations };
}

/**
 * Expected number of purchases by a new customer in (0, t] (Fader, Hardie & Lee 2005, eq. 9):
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))].
 * @throws {ModelError} 'invalid-input' for t < 0
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  if (Math.abs(a - 1) < 1e-9) return bgNbdExpectedPurchases({ ...params, a: 1 + 1e-7 }, t);
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/**
 * Expected purchases in the next t periods by a customer with history (x, tₓ, T) (Fader, Hardie &
 * Lee 2005, eq. 10):
 * E[Y(t) | x, tₓ, T] = [(a+b+x−1)/(a−1)] [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                      / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)].
 * @throws {ModelError} 'invalid-input' for an inconsistent row or t < 0
 */
export function bgNbdConditionalPurchases(params: BgNbdParams, t: number, row: RfmRow): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  if (Math.abs(a - 1) < 1e-9) return bgNbdConditionalPurchases({ ...params, a: 1 + 1e-7 }, t, row);
  const z = t / (alpha + T + t);
  const numerator =
    ((a + b + x - 1) / (a - 1)) *
    (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return numerator * bgNbdProbAlive(params, row);
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive at T (Fader, Hardie & Lee
 * 2005, appendix / eq. 11): P = 1 / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)].
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function bgNbdProbAlive(params: BgNbdParams, row: RfmRow): number {
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}
