/**
 * BG/BB model for discrete-time non-contractual settings (Fader, Hardie & Shang 2010,
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6)).
 * While alive a customer transacts at each opportunity with probability p ~ Beta(α, β); before each
 * opportunity they die with probability θ ~ Beta(γ, δ). A history is (x transactions, last one at
 * opportunity tₓ, n opportunities); `count` customers share it.
 */
import { ModelError } from './errors.ts';
import { minimisePositive } from './optimise.ts';
import { aggregateRows } from './rows.ts';
import { lbeta, lgamma, logSumExp } from './special.ts';

export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

export interface BgBbRow {
  frequency: number;
  recency: number;
  n: number;
  count?: number;
}

export interface BgBbFit {
  params: BgBbParams;
  /** Full log-likelihood Σ count·ln L. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Objective evaluations used by the optimiser. */
  evaluations: number;
}

function checkRow(x: number, tx: number, n: number, index: number): void {
  const ok = [x, tx, n].every(Number.isInteger) && x >= 0 && tx >= x && tx <= n && n >= 1 && (x > 0 || tx === 0);
  if (!ok) {
    throw new ModelError('invalid-input', `row ${index}: need integers 0 ≤ x ≤ tₓ ≤ n, n ≥ 1, tₓ = 0 when x = 0`, { index });
  }
}

/**
 * Log-likelihood of one history (Fader, Hardie & Shang 2010, eq. 5):
 * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ).
 */
export function bgBbLogLikelihood(params: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const base = -lbeta(alpha, beta) - lbeta(gamma, delta);
  const terms = [lbeta(alpha + x, beta + n - x) + lbeta(gamma, delta + n)];
  for (let i = 0; i <= n - tx - 1; i++) {
    terms.push(lbeta(alpha + x, beta + tx - x + i) + lbeta(gamma + 1, delta + tx + i));
  }
  return base + logSumExp(terms);
}

/**
 * Maximum-likelihood fit of the BG/BB model, shared optimiser on the log scale of (α, β, γ, δ).
 * @throws {ModelError} 'invalid-input', 'too-few-customers', 'no-repeat-buyers', 'not-converged'
 * @example fitBgBb(donations).params // { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 */
export function fitBgBb(rows: readonly BgBbRow[]): BgBbFit {
  const { values, weights } = aggregateRows(rows, ['frequency', 'recency', 'n']);
  values.forEach(([x, tx, n], i) => checkRow(x, tx, n, i));
  const customers = weights.reduce((s, w) => s + w, 0);
  if (customers < 2) throw new ModelError('too-few-customers', `need at least 2 customers (got ${customers})`, { customers });
  if (!values.some(([x]) => x > 0)) throw new ModelError('no-repeat-buyers', 'no customer transacted: the model cannot be fitted');
  const negLL = ([alpha, beta, gamma, delta]: readonly number[]) => {
    let ll = 0;
    for (let i = 0; i < values.length; i++) {
      const [x, tx, n] = values[i];
      ll += weights[i] * bgBbLogLikelihood({ alpha, beta, gamma, delta }, x, tx, n);
    }
    return -ll / customers;
  };
  const result = minimisePositive(negLL, [1, 1, 1, 1]);
  const [alpha, beta, gamma, delta] = result.x;
  const logLikelihood = -result.value * customers;
  if (!Number.isFinite(logLikelihood)) throw new ModelError('not-converged', 'BG/BB fit found no finite maximum');
  return {
    params: { alpha, beta, gamma, delta },
    logLikelihood,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations
  };
}

/**
 * P(alive at opportunity n+1 | x, tₓ, n) (Fader, Hardie & Shang 2010, eq. 11):
 * B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L.
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function bgBbProbAlive(params: BgBbParams, row: BgBbRow): number {
  const { frequency: x, recency: tx, n } = row;
  checkRow(x, tx, n, 0);
  const { alpha, beta, gamma, delta } = params;
  const alive = lbeta(alpha + x, beta + n - x) - lbeta(alpha, beta) + lbeta(gamma, delta + n + 1) - lbeta(gamma, delta);
  return Math.exp(alive - bgBbLogLikelihood(params, x, tx, n));
}

/**
 * Expected transactions in the next n* opportunities, n+1 … n+n* (Fader, Hardie & Shang 2010, eq. 13):
 * (1/L) · B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *   · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)],
 * evaluated as the equivalent finite sum Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ,δ), which stays exact at γ = 1.
 * @throws {ModelError} 'invalid-input' for an inconsistent row or n* not a non-negative integer
 */
export function bgBbConditionalTransactions(params: BgBbParams, nStar: number, row: BgBbRow): number {
  if (!(Number.isInteger(nStar) && nStar >= 0)) throw new ModelError('invalid-input', `n* must be an integer ≥ 0 (got ${nStar})`);
  const { frequency: x, recency: tx, n } = row;
  checkRow(x, tx, n, 0);
  const { alpha, beta, gamma, delta } = params;
  const logL = bgBbLogLikelihood(params, x, tx, n);
  const logP = lbeta(alpha + x + 1, beta + n - x) - lbeta(alpha, beta);
  let sum = 0;
  for (let k = 1; k <= nStar; k++) sum += Math.exp(lbeta(gamma, delta + n + k) - lbeta(gamma, delta));
  return Math.exp(logP - logL) * sum;
}

/**
 * Expected transactions of a new customer in the first n opportunities (Fader, Hardie & Shang
 * 2010, eq. 7): α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))];
 * at γ = 1, where that form is 0/0, the equivalent finite sum α/(α+β) Σ_{k=1}^{n} B(γ, δ+k)/B(γ,δ).
 * @throws {ModelError} 'invalid-input' for n not a non-negative integer
 */
export function bgBbExpectedTransactions(params: BgBbParams, n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new ModelError('invalid-input', `n must be an integer ≥ 0 (got ${n})`);
  const { alpha, beta, gamma, delta } = params;
  if (n === 0) return 0;
  if (Math.abs(gamma - 1) > 1e-8) {
    const ratio = Math.exp(lgamma(gamma + delta) + lgamma(1 + delta + n) - lgamma(gamma + delta + n) - lgamma(1 + delta));
    return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * (1 - ratio);
  }
  let sum = 0;
  for (let k = 1; k <= n; k++) sum += Math.exp(lbeta(gamma, delta + k) - lbeta(gamma, delta));
  return (alpha / (alpha + beta)) * sum;
}
