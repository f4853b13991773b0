/**
 * Maximum likelihood over strictly positive parameters, shared by the customer-base models:
 * BFGS (./optimise.ts) on the logarithms u = ln θ with the model's analytic gradient, then the
 * observed information at the optimum (Hessian of −ln L from differences of the gradient)
 * to tell whether the data pin every parameter down.
 *
 * A parameter is *not identified* when its likelihood is flat: the standard error of ln θ exceeds
 * `MAX_LOG_SE` (a one-sigma band wider than a factor e³ ≈ 20 either way), the information is not
 * positive definite, or the search ran into the wall |ln θ| = `LOG_BOUND` (an exploding parameter,
 * e.g. a Pareto/NBD fit drifting to s → ∞, β → ∞ when dropout is the same for every customer).
 * Such a fit may still describe the data (it is the limit of a simpler model) but its parameters
 * mean nothing and its AIC is not comparable; the LTV view says so and does not choose it.
 */
import { ModelError } from './errors.ts';
import { bfgsMinimise, choleskySolve, hessianFromGradient } from './optimise.ts';

/** Standard error of ln θ above which a parameter counts as not identified. */
export const MAX_LOG_SE = 3;
/** The search stays within |ln θ| ≤ LOG_BOUND (θ between 1e-8 and 1e8). */
export const LOG_BOUND = Math.log(1e8);

/**
 * A mean negative log-likelihood over positive parameters θ: returns −ln L / N and writes its
 * gradient with respect to θ into `gradient`. May return Infinity where it cannot be evaluated.
 */
export type NegLogLikelihood = (theta: readonly number[], gradient: number[]) => number;

export interface MleFit {
  params: number[];
  /** Mean negative log-likelihood at the optimum. */
  value: number;
  iterations: number;
  /** Likelihood (value and gradient) evaluations, the Hessian's included. */
  evaluations: number;
  converged: boolean;
  /** Standard errors of ln θ from the observed information (Infinity where it is singular). */
  logStandardErrors: number[];
  /** Indices of the parameters the data do not identify (empty for a well-posed fit). */
  unidentified: number[];
}

/**
 * Maximises the likelihood from `theta0` (positive) on the log scale.
 * @param total the number of customers N (the objective is a mean; the information is N × its Hessian)
 * @throws {ModelError} 'invalid-input' for a non-positive start or a non-finite objective there
 */
export function maximiseLikelihood(negLogLik: NegLogLikelihood, theta0: readonly number[], total: number): MleFit {
  if (theta0.some((v) => !(v > 0))) throw new ModelError('invalid-input', 'maximiseLikelihood: start must be positive');
  const n = theta0.length;
  const gTheta = new Array<number>(n);
  const onLog = (u: readonly number[], g: number[]): number => {
    for (const v of u) if (!(Math.abs(v) <= LOG_BOUND)) return Infinity;
    const theta = u.map(Math.exp);
    const value = negLogLik(theta, gTheta);
    for (let i = 0; i < n; i++) g[i] = theta[i] * gTheta[i];
    return value;
  };
  // Gradient of a mean of N terms, each exact to rounding: 1e-10 leaves ln θ within ~1e-8 of the
  // optimum for any curvature the data can identify.
  const result = bfgsMinimise(onLog, theta0.map(Math.log), { gradientTolerance: 1e-10, maxIterations: 300 });
  // Forward differences from the gradient BFGS ends with: n evaluations, accurate enough for the
  // standard errors the identification check needs.
  const H = hessianFromGradient(onLog, result.x, result.gradient).map((row) => row.map((v) => v * total));
  const logStandardErrors = standardErrors(H);
  const unidentified: number[] = [];
  for (let i = 0; i < n; i++) {
    const atWall = Math.abs(result.x[i]) >= LOG_BOUND - 1;
    if (atWall || !(logStandardErrors[i] <= MAX_LOG_SE)) unidentified.push(i);
  }
  return {
    params: result.x.map(Math.exp),
    value: result.value,
    iterations: result.iterations,
    evaluations: result.evaluations + n,
    converged: result.converged,
    logStandardErrors,
    unidentified
  };
}

/** √diag(H⁻¹) for a positive definite H; Infinity everywhere when H is not (numerically) positive definite. */
function standardErrors(H: number[][]): number[] {
  const n = H.length;
  if (H.some((row) => row.some((v) => !Number.isFinite(v)))) return new Array<number>(n).fill(Infinity);
  try {
    return H.map((_, i) => {
      const e = new Array<number>(n).fill(0);
      e[i] = 1;
      const v = choleskySolve(H, e)[i];
      return v > 0 ? Math.sqrt(v) : Infinity;
    });
  } catch (error) {
    if (error instanceof ModelError) return new Array<number>(n).fill(Infinity);
    throw error;
  }
}

/**
 * A maximum-likelihood fit as a model reports it: the parameters by `names` (in the optimiser's
 * order), the full log-likelihood (the mean objective × `total`), the optimiser's counts and the
 * parameters the data do not identify.
 * @throws {ModelError} 'not-converged' with `failure` when the log-likelihood is not finite or
 *   `usable` rejects the parameters
 */
export function namedFit<K extends string>(
  fit: MleFit,
  total: number,
  names: readonly K[],
  failure: string,
  usable: (params: readonly number[]) => boolean = () => true
): {
  params: Record<K, number>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  unidentified: K[];
} {
  const logLikelihood = -fit.value * total;
  if (!Number.isFinite(logLikelihood) || !usable(fit.params)) throw new ModelError('not-converged', failure);
  return {
    params: Object.fromEntries(names.map((k, i) => [k, fit.params[i]])) as Record<K, number>,
    logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    unidentified: fit.unidentified.map((i) => names[i])
  };
}
