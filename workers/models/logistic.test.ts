// Reference values: R 4.2.2 (Debian), glm on the raw IBM telco file:
//   d$Contract <- factor(d$Contract, levels = c("Month-to-month", "One year", "Two year"))
//   g <- glm(Churn == "Yes" ~ tenure + MonthlyCharges + SeniorCitizen + Contract, data = d, family = binomial)
//   format(coef(g), digits = 12); format(logLik(g), digits = 12); format(fitted(g)[1:5], digits = 12)
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTelco, telcoDesign } from '../../tests/fixtures/models/telco.ts';
import { fitLogisticRegression, predictLogistic, type LogisticModel } from './logistic.ts';

const R_COEF = {
  intercept: -1.6012522999524,
  tenure: -0.0367806734504,
  monthlyCharges: 0.0274123169455,
  seniorCitizen: 0.4623725620315,
  oneYear: -1.0050277501494,
  twoYear: -1.9280579148287
};
const R_LOGLIK = -3056.36026763;
const R_FITTED_1_5 = [0.3058113568762, 0.0914804184983, 0.4504976030899, 0.0430302119694, 0.5654318905622];

let X: number[][];
let y: number[];
let model: LogisticModel;
beforeAll(() => {
  ({ X, y } = telcoDesign(loadTelco()));
  model = fitLogisticRegression(X, y);
});

function relativeDigits(actual: number, expected: number): number {
  return -Math.log10(Math.abs(actual - expected) / Math.abs(expected));
}

describe('fitLogisticRegression on the telco file (vs R glm binomial)', () => {
  it('matches R coefficients to at least 8 significant digits', () => {
    const ours = [model.intercept, ...model.coefficients];
    const theirs = Object.values(R_COEF);
    ours.forEach((v, i) => expect(relativeDigits(v, theirs[i])).toBeGreaterThan(8));
    expect(model.converged).toBe(true);
    expect(model.logLikelihood).toBeCloseTo(R_LOGLIK, 6);
  });
  it('predictLogistic matches R fitted values', () => {
    predictLogistic(model, X.slice(0, 5)).forEach((p, i) => expect(p).toBeCloseTo(R_FITTED_1_5[i], 10));
  });
  it('with an L2 penalty, the penalised score equations hold and coefficients shrink', () => {
    const l2 = 50;
    const ridge = fitLogisticRegression(X, y, { l2 });
    const p = predictLogistic(ridge, X);
    // ∂/∂b₀: Σ(pᵢ − yᵢ) = 0 (intercept unpenalised); ∂/∂bⱼ: Σ(pᵢ − yᵢ)xᵢⱼ + λbⱼ = 0
    const residual = p.map((v, i) => v - y[i]);
    expect(Math.abs(residual.reduce((s, v) => s + v, 0))).toBeLessThan(1e-7);
    ridge.coefficients.forEach((b, j) => {
      const score = residual.reduce((s, r, i) => s + r * X[i][j], 0) + l2 * b;
      expect(Math.abs(score)).toBeLessThan(1e-6);
    });
    const norm = (m: LogisticModel) => m.coefficients.reduce((s, b) => s + b * b, 0);
    expect(norm(ridge)).toBeLessThan(norm(model));
  });
});

describe('fitLogisticRegression degenerate input', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return 'no error';
  };
  it('gives clear codes, never NaN', () => {
    expect(code(() => fitLogisticRegression([[1], [2], [3], [4]], [0, 0, 0, 0]))).toBe('no-variation-in-target');
    expect(code(() => fitLogisticRegression([[1], [2], [3], [4]], [1, 1, 1, 1]))).toBe('no-variation-in-target');
    expect(
      code(() =>
        fitLogisticRegression(
          [
            [1, 5],
            [2, 5]
          ],
          [0, 1]
        )
      )
    ).toBe('too-few-rows');
    expect(
      code(() =>
        fitLogisticRegression(
          [
            [1, 5],
            [2, 5],
            [3, 5],
            [4, 5]
          ],
          [0, 1, 0, 1]
        )
      )
    ).toBe('constant-feature');
    expect(code(() => fitLogisticRegression([[1], [2], [3], [4]], [0, 0, 1, 1]))).toBe('perfect-separation');
    expect(code(() => fitLogisticRegression([[1], [2]], [0]))).toBe('dimension-mismatch');
    expect(code(() => fitLogisticRegression([[1], [NaN], [3], [4]], [0, 1, 0, 1]))).toBe('invalid-input');
    expect(code(() => fitLogisticRegression([[1], [2], [3], [4]], [0, 2, 0, 1]))).toBe('invalid-input');
  });
  it('a penalty makes separable data fit with finite coefficients', () => {
    const m = fitLogisticRegression([[1], [2], [3], [4]], [0, 0, 1, 1], { l2: 0.1 });
    expect(Number.isFinite(m.coefficients[0])).toBe(true);
    expect(m.coefficients[0]).toBeGreaterThan(0);
  });
});
