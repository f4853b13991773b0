// Reference values: R 4.2.2, lm() on the 10-row data below:
//   d <- data.frame(x1=1:10, x2=c(2,1,4,3,6,5,8,9,7,10), x3=c(5,3,4,1,2,6,8,7,9,4),
//                   y=c(3.1,4.2,7.9,8.1,12.5,12.2,16.8,18.9,18.1,22.4))
//   m <- lm(y ~ x1 + x2 + x3, data = d)
//   print(coef(m), digits=15); print(summary(m)$coefficients[,2], digits=15)
//   print(summary(m)$r.squared, digits=15); print(summary(m)$sigma, digits=15)
import { describe, expect, it } from 'vitest';
import { fitLinearRegression, predictLinear } from './linearRegression.ts';
import { ModelError } from './errors.ts';

const x1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const x2 = [2, 1, 4, 3, 6, 5, 8, 9, 7, 10];
const x3 = [5, 3, 4, 1, 2, 6, 8, 7, 9, 4];
const y = [3.1, 4.2, 7.9, 8.1, 12.5, 12.2, 16.8, 18.9, 18.1, 22.4];
const X = x1.map((_, i) => [x1[i], x2[i], x3[i]]);

const R_COEF = [0.4033654026480604, 1.2426324969055926, 0.97890364202393, -0.0411865646449871];
const R_SE = [0.2197598749763236, 0.0840737228008145, 0.0825021127687477, 0.0419380672299849];
const R_R2 = 0.998779504189087;
const R_SIGMA = 0.280435140579717;

describe('fitLinearRegression', () => {
  const m = fitLinearRegression(X, y);
  it('matches R lm() coefficients, standard errors, R² and sigma to 10 digits', () => {
    m.coefficients.forEach((c, i) => expect(c).toBeCloseTo(R_COEF[i], 10));
    m.standardErrors.forEach((s, i) => expect(s).toBeCloseTo(R_SE[i], 10));
    expect(m.rSquared).toBeCloseTo(R_R2, 10);
    expect(m.sigma).toBeCloseTo(R_SIGMA, 10);
    expect(m.n).toBe(10);
  });
  it('is invariant to the scale of a predictor (data MB beside SMS counts)', () => {
    const big = fitLinearRegression(
      X.map((r) => [r[0] * 1e6, r[1], r[2]]),
      y
    );
    expect(big.coefficients[1] * 1e6).toBeCloseTo(R_COEF[1], 8);
    expect(big.coefficients[0]).toBeCloseTo(R_COEF[0], 8);
  });
  it('predicts b0 + x·b', () => {
    expect(predictLinear(m, [1, 2, 5])).toBeCloseTo(R_COEF[0] + R_COEF[1] + 2 * R_COEF[2] + 5 * R_COEF[3], 12);
  });
  it('refuses a constant column, too few rows and collinear columns with a code', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ModelError).code;
      }
      return 'none';
    };
    expect(
      code(() =>
        fitLinearRegression(
          X.map((r) => [r[0], 7]),
          y
        )
      )
    ).toBe('constant-feature');
    expect(code(() => fitLinearRegression(X.slice(0, 4), y.slice(0, 4)))).toBe('too-few-rows');
    expect(
      code(() =>
        fitLinearRegression(
          X.map((r) => [r[0], 2 * r[0] + 1]),
          y
        )
      )
    ).toBe('numerical-failure');
    expect(code(() => fitLinearRegression(X, y.slice(1)))).toBe('dimension-mismatch');
  });
  it('gives R² null, not NaN, for a constant target', () => {
    expect(
      fitLinearRegression(
        X,
        y.map(() => 5)
      ).rSquared
    ).toBeNull();
  });
});
