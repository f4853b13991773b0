/**
 * Multiple linear regression by ordinary least squares, for the future-value model of seed 004
 * (Shenzhen Mobile: "未来价值均值 = 常量 + 系数1 × 变量1 + …", fitted per customer group).
 *
 * The columns are centred and scaled before the normal equations are solved with the shared
 * Cholesky solver, so indicators of very different size (data MB beside SMS counts) stay well
 * conditioned; coefficients are returned on the original scale, intercept first, as R's lm() does.
 * Reference: any regression text, e.g. Wikipedia "Ordinary least squares".
 */
import { ModelError, assertFinite } from './errors.ts';
import { choleskySolve } from './optimise.ts';

export interface LinearModel {
  /** Intercept first, then one coefficient per column of X. */
  coefficients: number[];
  /** Standard errors in the same order (null when there are no residual degrees of freedom). */
  standardErrors: (number | null)[];
  /** null when y is constant (R² undefined). */
  rSquared: number | null;
  /** Residual standard error (lm's sigma). */
  sigma: number;
  n: number;
}

/**
 * Fit y = b0 + X b by least squares.
 * @param X rows of predictors (one row per observation)
 * @throws {ModelError} 'dimension-mismatch' | 'too-few-rows' (needs more rows than parameters) |
 *   'constant-feature' (a column without variation; drop it first) | 'numerical-failure' (collinear columns) |
 *   'invalid-input' (non-finite values)
 * @example fitLinearRegression([[1], [2], [3]], [2, 4, 6]).coefficients // ≈ [0, 2]
 */
export function fitLinearRegression(X: readonly (readonly number[])[], y: readonly number[]): LinearModel {
  const n = X.length;
  if (y.length !== n) throw new ModelError('dimension-mismatch', `X has ${n} rows but y has ${y.length}`);
  const p = n > 0 ? X[0].length : 0;
  if (n <= p + 1) throw new ModelError('too-few-rows', `need more than ${p + 1} rows to fit ${p + 1} parameters (got ${n})`, { rows: n });
  assertFinite(y, 'y');
  X.forEach((row, i) => {
    if (row.length !== p) throw new ModelError('dimension-mismatch', `row ${i} has ${row.length} values, expected ${p}`);
    assertFinite(row as number[], `X row ${i}`);
  });
  const mean = new Array<number>(p).fill(0);
  for (const row of X) for (let j = 0; j < p; j++) mean[j] += row[j] / n;
  const scale = new Array<number>(p).fill(0);
  for (const row of X) for (let j = 0; j < p; j++) scale[j] += (row[j] - mean[j]) ** 2;
  for (let j = 0; j < p; j++) {
    scale[j] = Math.sqrt(scale[j] / n);
    if (!(scale[j] > 1e-12 * (1 + Math.abs(mean[j]))))
      throw new ModelError('constant-feature', `column ${j} has no variation`, { column: j });
  }
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  // Normal equations on the standardised predictors (no intercept needed: everything is centred).
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  const z = new Array<number>(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) z[j] = (X[i][j] - mean[j]) / scale[j];
    for (let j = 0; j < p; j++) {
      b[j] += z[j] * (y[i] - yMean);
      for (let k = 0; k <= j; k++) A[j][k] += z[j] * z[k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k][j] = A[j][k];
  let beta: number[];
  let inverse: number[][];
  try {
    beta = choleskySolve(A, b);
    inverse = Array.from({ length: p }, (_, j) =>
      choleskySolve(
        A,
        A.map((_, k) => (k === j ? 1 : 0))
      )
    );
  } catch {
    throw new ModelError('numerical-failure', 'the predictors are collinear: drop one of them');
  }
  // A_jj = n, so n·(A⁻¹)_jj is column j's variance inflation factor; rounding hides exact collinearity.
  if (inverse.some((row, j) => !(row[j] * n < 1e10)))
    throw new ModelError('numerical-failure', 'the predictors are collinear: drop one of them');
  const slopes = beta.map((v, j) => v / scale[j]);
  const intercept = yMean - slopes.reduce((s, v, j) => s + v * mean[j], 0);
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let fit = intercept;
    for (let j = 0; j < p; j++) fit += slopes[j] * X[i][j];
    rss += (y[i] - fit) ** 2;
    tss += (y[i] - yMean) ** 2;
  }
  const df = n - p - 1;
  const sigma2 = rss / df;
  // Var(slope_j) = σ² (Z'Z)⁻¹_jj / scale_j²; Var(intercept) = σ²/n + m' Var(slopes) m.
  const slopeCov = (j: number, k: number) => (sigma2 * inverse[j][k]) / (scale[j] * scale[k]);
  let interceptVar = sigma2 / n;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) interceptVar += mean[j] * mean[k] * slopeCov(j, k);
  const se = [Math.sqrt(interceptVar), ...slopes.map((_, j) => Math.sqrt(slopeCov(j, j)))];
  return {
    coefficients: [intercept, ...slopes],
    standardErrors: se.map((v) => (Number.isFinite(v) ? v : null)),
    rSquared: tss > 0 ? 1 - rss / tss : null,
    sigma: Math.sqrt(sigma2),
    n
  };
}

/** Prediction b0 + x·b of a fitted model for one row of predictors. */
export function predictLinear(model: LinearModel, x: readonly number[]): number {
  let v = model.coefficients[0];
  for (let j = 0; j < x.length; j++) v += model.coefficients[j + 1] * x[j];
  return v;
}
