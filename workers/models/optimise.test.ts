// Test problems: the Rosenbrock function (minimum 0 at (1, 1); Rosenbrock 1960), a convex
// quadratic with known minimiser, and a positive-parameter problem solved on the log scale.
import { describe, expect, it } from 'vitest';
import {
  bfgs,
  bfgsMinimise,
  choleskySolve,
  hessianFromGradient,
  minimise,
  minimisePositive,
  nelderMead,
  newton,
  numericalGradient
} from './optimise.ts';
import { ModelError } from './errors.ts';
import { lgamma } from './special.ts';

const rosenbrock = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
const rosenbrockGradient = (x: readonly number[]) => [-400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]), 200 * (x[1] - x[0] ** 2)];
// f(x) = ½ xᵀAx − bᵀx with A SPD: minimiser A⁻¹b = (1, −2, 0.5)
const A = [
  [4, 1, 0],
  [1, 3, -1],
  [0, -1, 2]
];
const xStar = [1, -2, 0.5];
const b = A.map((row) => row.reduce((s, v, j) => s + v * xStar[j], 0));
const quadratic = (x: readonly number[]) =>
  0.5 * A.reduce((s, row, i) => s + x[i] * row.reduce((t, v, j) => t + v * x[j], 0), 0) - b.reduce((s, v, i) => s + v * x[i], 0);

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum from (−1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
  it('minimises a quadratic', () => {
    const r = nelderMead(quadratic, [0, 0, 0], { maxIterations: 5000 });
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 4));
  });
  it('treats NaN as a rejected point', () => {
    const f = (x: readonly number[]) => (x[0] < 0 ? NaN : (x[0] - 2) ** 2);
    expect(nelderMead(f, [0.1]).x[0]).toBeCloseTo(2, 5);
  });
  it('refuses a non-finite start', () => {
    expect(() => nelderMead(() => NaN, [0])).toThrow(ModelError);
  });
});

describe('bfgs', () => {
  it('finds the Rosenbrock minimum with the analytic gradient', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], { gradient: rosenbrockGradient });
    expect(r.x[0]).toBeCloseTo(1, 7);
    expect(r.x[1]).toBeCloseTo(1, 7);
  });
  it('finds the Rosenbrock minimum with the numerical gradient', () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
  it('minimises a quadratic to high precision', () => {
    const r = bfgs(quadratic, [0, 0, 0]);
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 7));
  });
  it('numericalGradient agrees with the analytic one', () => {
    const g = numericalGradient(rosenbrock, [0.3, 0.7]);
    const ga = rosenbrockGradient([0.3, 0.7]);
    g.forEach((v, i) => expect(v).toBeCloseTo(ga[i], 6));
  });
});

describe('bfgsMinimise (value and gradient together, strong Wolfe line search)', () => {
  const rosenbrockFg = (x: readonly number[], g: number[]) => {
    const d = rosenbrockGradient(x);
    g[0] = d[0];
    g[1] = d[1];
    return rosenbrock(x);
  };
  it('reaches the Rosenbrock minimum to 1e-8 in few evaluations', () => {
    const r = bfgsMinimise(rosenbrockFg, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    // Nocedal & Wright (2006, §6.1) report 34 iterations for BFGS from this start; each Wolfe step here
    // costs one or two evaluations.
    expect(r.evaluations).toBeLessThan(80);
  });
  it('solves a quadratic to rounding', () => {
    const fg = (x: readonly number[], g: number[]) => {
      A.forEach((row, i) => (g[i] = row.reduce((s, v, j) => s + v * x[j], 0) - b[i]));
      return quadratic(x);
    };
    const r = bfgsMinimise(fg, [10, 10, 10], { gradientTolerance: 1e-12 });
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 11));
  });
  it('backs off from points where the objective is not finite (a domain wall)', () => {
    // Minimum at x = 2 just inside a wall at 2.5; the first trial steps land beyond it.
    const fg = (x: readonly number[], g: number[]) => {
      g[0] = 2 * (x[0] - 2);
      return x[0] > 2.5 ? NaN : (x[0] - 2) ** 2;
    };
    const r = bfgsMinimise(fg, [-40], {});
    expect(r.x[0]).toBeCloseTo(2, 8);
  });
  it('hessianFromGradient recovers a quadratic’s matrix', () => {
    const fg = (x: readonly number[], g: number[]) => {
      A.forEach((row, i) => (g[i] = row.reduce((s, v, j) => s + v * x[j], 0) - b[i]));
      return quadratic(x);
    };
    hessianFromGradient(fg, [0.3, -1, 2]).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(A[i][j], 8)));
    const g0 = [0, 0, 0];
    fg([0.3, -1, 2], g0);
    hessianFromGradient(fg, [0.3, -1, 2], g0).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(A[i][j], 6)));
  });
});

describe('minimise and minimisePositive', () => {
  it('minimise (NM restarts + BFGS) reaches the Rosenbrock minimum tightly', () => {
    const r = minimise(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });
  it('minimisePositive keeps parameters positive (gamma MLE of known shape/rate)', () => {
    // Negative gamma log-likelihood of data with mean 2 and mean log ℓ: the MLE satisfies
    // ln k − ψ(k) = ln(mean) − ℓ and θ = k/mean; check the score equations numerically.
    const data = [0.5, 1.2, 2.2, 3.1, 0.9, 4.0, 2.1];
    const mean = data.reduce((s, v) => s + v, 0) / data.length;
    const nll = ([k, rate]: readonly number[]) =>
      -data.reduce((s, x) => s + k * Math.log(rate) + (k - 1) * Math.log(x) - rate * x, 0) + data.length * lgamma(k);
    const r = minimisePositive(nll, [1, 1]);
    expect(r.x.every((v) => v > 0)).toBe(true);
    expect(r.x[0] / r.x[1]).toBeCloseTo(mean, 5); // score for the rate: k/rate = mean
  });
});

describe('newton and choleskySolve', () => {
  it('solves an SPD system', () => {
    choleskySolve(A, b).forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 12));
  });
  it('rejects a non-positive-definite matrix', () => {
    expect(() =>
      choleskySolve(
        [
          [1, 2],
          [2, 1]
        ],
        [1, 1]
      )
    ).toThrow(ModelError);
  });
  it('newton minimises a quadratic in one step', () => {
    const r = newton(
      {
        evaluate: (x) => ({
          value: quadratic(x),
          gradient: A.map((row, i) => row.reduce((s, v, j) => s + v * x[j], 0) - b[i]),
          hessian: A
        })
      },
      [0, 0, 0]
    );
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 12));
  });
});
