/**
 * Shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1), 76–90). Each customer churns at the
 * end of a period with probability θ ~ Beta(α, β); periods are counted from 1.
 */
import { ModelError } from './errors.ts';
import { minimisePositive } from './optimise.ts';
import { hyp2f1, lbeta } from './special.ts';

export interface SbgParams {
  alpha: number;
  beta: number;
}

export interface SbgFit {
  params: SbgParams;
  /** Full log-likelihood (Fader & Hardie 2007, eq. 5). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Objective evaluations used by the optimiser. */
  evaluations: number;
}

/**
 * P(T = t) = B(α+1, β+t−1)/B(α, β), t = 1, 2, … (Fader & Hardie 2007, eq. 3).
 * @throws {ModelError} 'invalid-input' for t not an integer ≥ 1
 */
export function sbgChurnProbability(params: SbgParams, t: number): number {
  if (!(Number.isInteger(t) && t >= 1)) throw new ModelError('invalid-input', `t must be an integer ≥ 1 (got ${t})`);
  return Math.exp(lbeta(params.alpha + 1, params.beta + t - 1) - lbeta(params.alpha, params.beta));
}

/**
 * Survival S(t) = B(α, β+t)/B(α, β), the share still active after t periods (Fader & Hardie 2007,
 * eq. 4 in closed form).
 * @throws {ModelError} 'invalid-input' for t not an integer ≥ 0
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  if (!(Number.isInteger(t) && t >= 0)) throw new ModelError('invalid-input', `t must be an integer ≥ 0 (got ${t})`);
  return Math.exp(lbeta(params.alpha, params.beta + t) - lbeta(params.alpha, params.beta));
}

/**
 * Retention rate in period t, r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) (Fader & Hardie 2007, eq. 6).
 * @throws {ModelError} 'invalid-input' for t not an integer ≥ 1
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  if (!(Number.isInteger(t) && t >= 1)) throw new ModelError('invalid-input', `t must be an integer ≥ 1 (got ${t})`);
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * Maximum-likelihood fit from the number of customers active at the start of periods 0..n
 * (a cohort: counts non-increasing). LL = Σ_{t=1}^{n} (N_{t−1} − N_t) ln P(T=t) + N_n ln S(n)
 * (Fader & Hardie 2007, eq. 5), shared optimiser on the log scale of (α, β).
 * @throws {ModelError} 'too-few-rows' (fewer than 2 counts), 'invalid-input' (not a cohort),
 *   'no-churn' (nobody left: retention is not identifiable), 'all-churned' (everyone left in
 *   period 1), 'not-converged'
 * @example fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]).params // { alpha: 0.668, beta: 3.806 }
 */
export function fitSbg(activeAtStart: readonly number[]): SbgFit {
  const N = activeAtStart;
  if (N.length < 2) throw new ModelError('too-few-rows', 'need the cohort size and at least one later count');
  for (let t = 0; t < N.length; t++) {
    if (!(Number.isFinite(N[t]) && N[t] >= 0) || (t > 0 && N[t] > N[t - 1])) {
      throw new ModelError('invalid-input', `active counts must be non-negative and non-increasing (index ${t})`, { index: t });
    }
  }
  if (!(N[0] > 0)) throw new ModelError('invalid-input', 'the cohort is empty');
  const n = N.length - 1;
  if (N[n] === N[0]) throw new ModelError('no-churn', 'no customer churned: retention cannot be estimated');
  if (N[1] === 0) throw new ModelError('all-churned', 'every customer churned in the first period');
  const negLL = ([alpha, beta]: readonly number[]) => -sbgLogLikelihood({ alpha, beta }, N) / N[0];
  const result = minimisePositive(negLL, [1, 1]);
  const [alpha, beta] = result.x;
  const logLikelihood = -result.value * N[0];
  if (!Number.isFinite(logLikelihood) || !(alpha < 1e8 && beta < 1e8)) {
    throw new ModelError('not-converged', 'sBG fit did not converge (retention may be constant: try more periods)');
  }
  return {
    params: { alpha, beta },
    logLikelihood,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations
  };
}

/** LL of Fader & Hardie (2007), eq. 5, with P(T=t) and S(t) by their recursions (eq. 7). */
export function sbgLogLikelihood(params: SbgParams, activeAtStart: readonly number[]): number {
  const { alpha, beta } = params;
  let p = alpha / (alpha + beta);
  let s = 1 - p;
  let ll = 0;
  for (let t = 1; t < activeAtStart.length; t++) {
    if (t > 1) {
      p *= (beta + t - 2) / (alpha + beta + t - 1);
      s -= p;
    }
    const lost = activeAtStart[t - 1] - activeAtStart[t];
    if (lost > 0) ll += lost * Math.log(p);
  }
  const last = activeAtStart[activeAtStart.length - 1];
  if (last > 0) ll += last * Math.log(s);
  return ll;
}

/**
 * Discounted expected residual lifetime of a customer who has made `renewalsSoFar` = n−1 renewals,
 * evaluated just before the n-th renewal (Fader & Hardie 2010, "Customer-Base Valuation in a
 * Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1), eq. 6):
 * DERL(d | α, β, n−1) = B(α, β+n)/B(α, β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)).
 * Multiply by the margin per period to get the residual value.
 * @throws {ModelError} 'invalid-input' for d ≤ 0 or a negative/non-integer renewal count
 */
export function sbgDerl(params: SbgParams, discountRate: number, renewalsSoFar: number): number {
  if (!(discountRate > 0)) throw new ModelError('invalid-input', `discount rate must be > 0 (got ${discountRate})`);
  if (!(Number.isInteger(renewalsSoFar) && renewalsSoFar >= 0)) {
    throw new ModelError('invalid-input', `renewals so far must be an integer ≥ 0 (got ${renewalsSoFar})`);
  }
  const { alpha, beta } = params;
  const n = renewalsSoFar + 1;
  const ratio = Math.exp(lbeta(alpha, beta + n) - lbeta(alpha, beta + n - 1));
  return ratio * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
}
