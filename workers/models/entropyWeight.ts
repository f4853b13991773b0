/**
 * The entropy-weight method (熵值法), which seed 004 uses to weight the loyalty dimensions
 * ("用熵值法确定各维度权重"): an indicator whose values differ more across customers carries more
 * information and gets more weight.
 *
 * Standard form (e.g. Zou, Yun & Sun 2006, "Entropy method for determination of weight of evaluating
 * indicators in fuzzy synthetic evaluation"): min–max normalise each column, p_ij = x_ij / Σ_i x_ij,
 * e_j = −(1/ln n) Σ_i p_ij ln p_ij (0 ln 0 = 0), d_j = 1 − e_j, w_j = d_j / Σ_j d_j.
 * A constant column carries no information: e_j = 1, weight 0.
 */
import { ModelError, assertFinite } from './errors.ts';

/**
 * Weights (summing to 1) of indicator columns, each an array over customers.
 * @throws {ModelError} 'too-few-rows' (fewer than 2 customers) | 'dimension-mismatch' |
 *   'constant-feature' (every column constant: nothing to weigh) | 'invalid-input'
 * @example entropyWeights([[1, 2, 3], [0, 0, 9]]) // the skewed second column weighs more
 */
export function entropyWeights(columns: readonly (readonly number[])[]): number[] {
  if (columns.length === 0) throw new ModelError('invalid-input', 'no indicators');
  const n = columns[0].length;
  if (n < 2) throw new ModelError('too-few-rows', `need at least 2 rows (got ${n})`, { rows: n });
  const divergence = columns.map((col, j) => {
    if (col.length !== n) throw new ModelError('dimension-mismatch', `indicator ${j} has ${col.length} values, expected ${n}`);
    assertFinite(col as number[], `indicator ${j}`);
    let min = Infinity;
    let max = -Infinity;
    for (const v of col) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!(max > min)) return 0;
    let total = 0;
    for (const v of col) total += (v - min) / (max - min);
    let h = 0;
    for (const v of col) {
      const p = (v - min) / (max - min) / total;
      if (p > 0) h -= p * Math.log(p);
    }
    return 1 - h / Math.log(n);
  });
  const sum = divergence.reduce((s, d) => s + d, 0);
  if (!(sum > 0)) throw new ModelError('constant-feature', 'every indicator is constant: no weights can be derived');
  return divergence.map((d) => d / sum);
}
