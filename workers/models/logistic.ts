/**
 * L2-regularised logistic regression fitted by Newton–Raphson (= iteratively reweighted least
 * squares; McCullagh & Nelder 1989, §4.4; Hastie, Tibshirani & Friedman 2009, §4.4.1) through the
 * shared optimiser's `newton`.
 */
import { ModelError } from './errors.ts';
import { newton } from './optimise.ts';

export interface LogisticOptions {
  /** Ridge penalty λ in −ℓ(β) + (λ/2) Σⱼ βⱼ² (intercept not penalised). Default 0 (plain MLE, as R glm). */
  l2?: number;
  maxIterations?: number;
  /** Relative decrease of the objective below which Newton stops. Default 1e-14. */
  tolerance?: number;
}

export interface LogisticModel {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Maximised log-likelihood ℓ(β) (without the penalty). */
  logLikelihood: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** ln(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Fit P(y = 1 | x) = 1/(1 + exp(−(b₀ + xᵀb))) by maximising the (penalised) log-likelihood
 * ℓ(β) = Σ yᵢηᵢ − ln(1 + e^ηᵢ). Features are used as given (standardise them first if a penalty
 * should treat them alike).
 * @throws {ModelError} 'invalid-input' (non-finite values, y not 0/1), 'dimension-mismatch',
 *   'too-few-rows' (rows ≤ parameters), 'no-variation-in-target' (all 0 or all 1),
 *   'constant-feature' (details.column), 'perfect-separation' (unpenalised fit diverges: use l2 > 0),
 *   'not-converged'
 * @example fitLogisticRegression([[0], [1], [2], [3]], [0, 1, 0, 1]).coefficients
 */
export function fitLogisticRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {}
): LogisticModel {
  const l2 = options.l2 ?? 0;
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new ModelError('invalid-input', 'l2 must be a finite number ≥ 0');
  const n = X.length;
  if (y.length !== n) throw new ModelError('dimension-mismatch', `X has ${n} rows but y has ${y.length}`);
  const p = n > 0 ? X[0].length : 0;
  X.forEach((row, i) => {
    if (row.length !== p) throw new ModelError('dimension-mismatch', `row ${i} has ${row.length} features, expected ${p}`, { index: i });
    for (const v of row) if (!Number.isFinite(v)) throw new ModelError('invalid-input', `row ${i} has a non-finite feature`, { index: i });
  });
  y.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new ModelError('invalid-input', `target at row ${i} must be 0 or 1`, { index: i });
  });
  if (n <= p + 1) throw new ModelError('too-few-rows', `need more rows (${n}) than parameters (${p + 1})`, { rows: n, parameters: p + 1 });
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === n) {
    throw new ModelError('no-variation-in-target', `the target is always ${positives === 0 ? 0 : 1}`);
  }
  for (let j = 0; j < p; j++) {
    if (X.every((row) => row[j] === X[0][j])) {
      throw new ModelError('constant-feature', `feature ${j} is constant`, { column: j });
    }
  }

  const dim = p + 1;
  const evaluate = (beta: readonly number[]) => {
    let value = 0;
    const gradient = new Array<number>(dim).fill(0);
    const hessian = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
    for (let i = 0; i < n; i++) {
      const row = X[i];
      let eta = beta[0];
      for (let j = 0; j < p; j++) eta += beta[j + 1] * row[j];
      const mu = sigmoid(eta);
      value += softplus(eta) - y[i] * eta;
      const r = mu - y[i];
      const w = mu * (1 - mu);
      gradient[0] += r;
      hessian[0][0] += w;
      for (let j = 0; j < p; j++) {
        gradient[j + 1] += r * row[j];
        const wj = w * row[j];
        hessian[j + 1][0] += wj;
        for (let k = 0; k <= j; k++) hessian[j + 1][k + 1] += wj * row[k];
      }
    }
    for (let j = 1; j < dim; j++) {
      value += 0.5 * l2 * beta[j] * beta[j];
      gradient[j] += l2 * beta[j];
      hessian[j][j] += l2;
    }
    for (let j = 0; j < dim; j++) for (let k = j + 1; k < dim; k++) hessian[j][k] = hessian[k][j];
    return { value, gradient, hessian };
  };

  // Start from the intercept-only MLE.
  const start = new Array<number>(dim).fill(0);
  start[0] = Math.log(positives / (n - positives));
  let result;
  try {
    result = newton({ evaluate }, start, { maxIterations: options.maxIterations ?? 100, tolerance: options.tolerance ?? 1e-14 });
  } catch (error) {
    if (error instanceof ModelError && error.code === 'numerical-failure') {
      throw l2 === 0
        ? new ModelError('perfect-separation', 'the classes are (almost) perfectly separated or features are collinear: add an L2 penalty')
        : new ModelError('not-converged', 'logistic regression failed: the features may be collinear');
    }
    throw error;
  }
  const beta = result.x;
  if (!beta.every(Number.isFinite)) throw new ModelError('not-converged', 'logistic regression diverged');
  if (l2 === 0 && result.value < 1e-6 * n) {
    throw new ModelError('perfect-separation', 'the features separate the classes perfectly: add an L2 penalty');
  }
  const penalty = 0.5 * l2 * beta.slice(1).reduce((s, b) => s + b * b, 0);
  return {
    intercept: beta[0],
    coefficients: beta.slice(1),
    iterations: result.iterations,
    converged: result.converged,
    logLikelihood: -(result.value - penalty)
  };
}

/**
 * Predicted probabilities 1/(1 + exp(−(b₀ + xᵀb))) for each row of X.
 * @throws {ModelError} 'dimension-mismatch' when a row's length differs from the coefficients
 */
export function predictLogistic(model: Pick<LogisticModel, 'intercept' | 'coefficients'>, X: readonly (readonly number[])[]): number[] {
  return X.map((row, i) => {
    if (row.length !== model.coefficients.length) {
      throw new ModelError('dimension-mismatch', `row ${i} has ${row.length} features, the model ${model.coefficients.length}`, {
        index: i
      });
    }
    let eta = model.intercept;
    for (let j = 0; j < row.length; j++) eta += model.coefficients[j] * row[j];
    return sigmoid(eta);
  });
}
