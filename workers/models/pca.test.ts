// Reference values: R 4.2.2, prcomp on three indicators over 10 customers:
//   d <- data.frame(x1=1:10, x2=c(2,1,4,3,6,5,8,9,7,10), x3=c(5,3,4,1,2,6,8,7,9,4))
//   p <- prcomp(d, scale.=TRUE); print(p$rotation, digits=15)
//   print(p$sdev^2/sum(p$sdev^2), digits=15); print(p$sdev^2, digits=15)
// Component signs are arbitrary in R and here, so each column is compared up to sign.
import { describe, expect, it } from 'vitest';
import { pcaWeights, principalComponents, symmetricEigen } from './pca.ts';
import { ModelError } from './errors.ts';

const cols = [
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  [2, 1, 4, 3, 6, 5, 8, 9, 7, 10],
  [5, 3, 4, 1, 2, 6, 8, 7, 9, 4]
];
const R_ROTATION = [
  [0.625008440944034, 0.313449353501988, 0.714922339515204],
  [0.619010937358295, 0.358969855222691, -0.69854570535664],
  [0.47559426844687, -0.879141709754795, -0.030330611433023]
];
const R_EXPLAINED = [0.7700713387500376, 0.2058880589078546, 0.0240406023421078];
const R_EIGEN = [2.3102140162501126, 0.6176641767235636, 0.0721218070263235];

describe('principalComponents', () => {
  const pca = principalComponents(cols);
  it('matches prcomp(scale.=TRUE) loadings up to sign, to 10 digits', () => {
    for (let k = 0; k < 3; k++) {
      const sign = Math.sign(pca.loadings[0][k]) * Math.sign(R_ROTATION[0][k]);
      for (let j = 0; j < 3; j++) expect(sign * pca.loadings[j][k]).toBeCloseTo(R_ROTATION[j][k], 10);
    }
  });
  it('matches the explained variance shares and eigenvalues', () => {
    pca.explainedVariance.forEach((v, k) => expect(v).toBeCloseTo(R_EXPLAINED[k], 10));
    pca.eigenvalues.forEach((v, k) => expect(v).toBeCloseTo(R_EIGEN[k], 10));
  });
  it('orients each component so its loadings sum to ≥ 0', () => {
    for (let k = 0; k < 3; k++) expect(pca.loadings.reduce((s, r) => s + r[k], 0)).toBeGreaterThanOrEqual(0);
  });
  it('weights: components up to 85% of variance, weight ∝ Σ explained × |loading| (hand-checked from R values)', () => {
    const w = pcaWeights(pca);
    const raw = R_ROTATION.map((r) => R_EXPLAINED[0] * Math.abs(r[0]) + R_EXPLAINED[1] * Math.abs(r[1]));
    const total = raw.reduce((s, v) => s + v, 0);
    w.forEach((v, j) => expect(v).toBeCloseTo(raw[j] / total, 10));
    expect(pcaWeights(principalComponents([cols[0]]))).toEqual([1]);
  });
  it('diagonalises a symmetric matrix', () => {
    const { values } = symmetricEigen([
      [2, 1],
      [1, 2]
    ]);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
  });
  it('refuses a constant indicator and a single row with a code', () => {
    expect(() => principalComponents([cols[0], cols[0].map(() => 3)])).toThrow(ModelError);
    try {
      principalComponents([[1], [2]]);
    } catch (e) {
      expect((e as ModelError).code).toBe('too-few-rows');
    }
  });
});
