/**
 * Principal component analysis of standardised indicators (the correlation matrix), as R's
 * `prcomp(x, scale. = TRUE)`. Seed 004 uses it for the loyalty score: "利用主成份分析确定各指标权重"
 * (the weights of the indicators inside each dimension come from the principal components).
 *
 * The eigen-decomposition is the cyclic Jacobi method (Golub & Van Loan, §8.5), exact enough for
 * the handful of indicators per dimension. Signs of components are arbitrary (as in R); each is
 * oriented so that its loadings sum to a non-negative number, which makes them stable across runs.
 */
import { ModelError, assertFinite } from './errors.ts';

export interface PrincipalComponents {
  /** loadings[j][k]: weight of indicator j in component k (unit-length columns, R's `rotation`). */
  loadings: number[][];
  /** Share of the total variance explained by each component, decreasing, summing to 1. */
  explainedVariance: number[];
  /** Variance of each component (eigenvalues of the correlation matrix, R's `sdev^2`). */
  eigenvalues: number[];
}

/** Eigenvalues and unit eigenvectors (as columns) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(S: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = S.length;
  const a = S.map((r) => r.slice());
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: v.map((row) => order.map((i) => row[i])) };
}

/**
 * PCA of indicator columns (each an array over customers) after standardising each to mean 0, sd 1.
 * @throws {ModelError} 'too-few-rows' (fewer than 2 customers) | 'dimension-mismatch' |
 *   'constant-feature' (an indicator without variation cannot be standardised) | 'invalid-input'
 * @example principalComponents([[1, 2, 3], [2, 4, 7]]).explainedVariance[0] // ≈ 0.99
 */
export function principalComponents(columns: readonly (readonly number[])[]): PrincipalComponents {
  const p = columns.length;
  if (p === 0) throw new ModelError('invalid-input', 'no indicators');
  const n = columns[0].length;
  if (n < 2) throw new ModelError('too-few-rows', `need at least 2 rows (got ${n})`, { rows: n });
  const z = columns.map((col, j) => {
    if (col.length !== n) throw new ModelError('dimension-mismatch', `indicator ${j} has ${col.length} values, expected ${n}`);
    assertFinite(col as number[], `indicator ${j}`);
    const mean = col.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    if (!(sd > 1e-12 * (1 + Math.abs(mean)))) throw new ModelError('constant-feature', `indicator ${j} has no variation`, { column: j });
    return col.map((v) => (v - mean) / sd);
  });
  const R = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => z[i].reduce((s, v, k) => s + v * z[j][k], 0) / (n - 1))
  );
  const { values, vectors } = symmetricEigen(R);
  for (let k = 0; k < p; k++) {
    const sum = vectors.reduce((s, row) => s + row[k], 0);
    if (sum < 0) for (const row of vectors) row[k] = -row[k];
  }
  const eigenvalues = values.map((v) => Math.max(0, v));
  const total = eigenvalues.reduce((s, v) => s + v, 0);
  return { loadings: vectors, explainedVariance: eigenvalues.map((v) => v / total), eigenvalues };
}

/**
 * Indicator weights from a PCA, as Chinese scoring practice does it: over the components needed to
 * explain `coverage` of the variance, weight_j ∝ Σ_k explained_k × |loading_jk|, normalised to sum 1.
 */
export function pcaWeights(pca: PrincipalComponents, coverage = 0.85): number[] {
  let used = 0;
  let cumulative = 0;
  while (used < pca.explainedVariance.length && cumulative < coverage - 1e-12) cumulative += pca.explainedVariance[used++];
  const raw = pca.loadings.map((row) => row.slice(0, used).reduce((s, l, k) => s + pca.explainedVariance[k] * Math.abs(l), 0));
  const total = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / total);
}
