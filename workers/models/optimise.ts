/**
 * The shared optimiser: minimisation by Nelder–Mead (with restarts), BFGS polishing with a
 * central-difference or analytic gradient, damped Newton for smooth problems with an analytic
 * Hessian, and a log-scale wrapper for parameters that must stay positive.
 *
 * Objective values that are NaN or infinite are treated as +Infinity (a rejected point), so a
 * likelihood may return NaN outside its domain without derailing the search.
 */
import { ModelError } from './errors.ts';

/** A function to minimise. */
export type Objective = (x: readonly number[]) => number;

export interface MinimiseResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

function safe(f: Objective, counter: { n: number }): Objective {
  return (x) => {
    counter.n++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

export interface NelderMeadOptions {
  /** Size of the initial simplex edges (absolute). Default 0.5 (sensible on a log scale). */
  initialStep?: number;
  maxIterations?: number;
  /** Stop when the simplex values agree within this relative tolerance. Default 1e-12. */
  fTolerance?: number;
  /** ... and its vertices lie within this distance of the best. Default 1e-9. */
  xTolerance?: number;
}

/**
 * Nelder–Mead downhill simplex (Nelder & Mead 1965, with the standard coefficients of Lagarias et
 * al. 1998: reflection 1, expansion 2, contraction ½, shrink ½).
 * @throws {ModelError} 'invalid-input' if the objective is not finite at the starting point
 */
export function nelderMead(f: Objective, x0: readonly number[], options: NelderMeadOptions = {}): MinimiseResult {
  const n = x0.length;
  const step = options.initialStep ?? 0.5;
  const maxIterations = options.maxIterations ?? 400 * n;
  const fTol = options.fTolerance ?? 1e-12;
  const xTol = options.xTolerance ?? 1e-9;
  const counter = { n: 0 };
  const g = safe(f, counter);
  const f0 = g(x0);
  if (!Number.isFinite(f0)) {
    throw new ModelError('invalid-input', 'nelderMead: objective is not finite at the starting point');
  }
  const simplex: number[][] = [x0.slice()];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    v[i] += step;
    simplex.push(v);
    values.push(g(v));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    order.sort((i, j) => values[i] - values[j]);
    const best = order[0];
    const worst = order[n];
    const secondWorst = order[n - 1];
    let spreadF = 0;
    let spreadX = 0;
    for (let k = 1; k <= n; k++) {
      const i = order[k];
      spreadF = Math.max(spreadF, Math.abs(values[i] - values[best]));
      for (let d = 0; d < n; d++) spreadX = Math.max(spreadX, Math.abs(simplex[i][d] - simplex[best][d]));
    }
    if (spreadF <= fTol * (Math.abs(values[best]) + 1e-20) && spreadX <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let d = 0; d < n; d++) centroid[d] += simplex[order[k]][d] / n;
    const along = (t: number) => centroid.map((c, d) => c + t * (simplex[worst][d] - c));
    const reflected = along(-1);
    const fr = g(reflected);
    if (fr < values[best]) {
      const expanded = along(-2);
      const fe = g(expanded);
      if (fe < fr) {
        simplex[worst] = expanded;
        values[worst] = fe;
      } else {
        simplex[worst] = reflected;
        values[worst] = fr;
      }
    } else if (fr < values[secondWorst]) {
      simplex[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < values[worst];
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = g(contracted);
      if (fc < (outside ? fr : values[worst])) {
        simplex[worst] = contracted;
        values[worst] = fc;
      } else {
        for (let k = 1; k <= n; k++) {
          const i = order[k];
          simplex[i] = simplex[i].map((v, d) => simplex[best][d] + 0.5 * (v - simplex[best][d]));
          values[i] = g(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best], value: values[best], iterations, evaluations: counter.n, converged };
}

/**
 * Central-difference gradient, step h·max(1, |xᵢ|) (Nocedal & Wright 2006, §8.1).
 */
export function numericalGradient(f: Objective, x: readonly number[], h = 1e-6): number[] {
  const grad = new Array<number>(x.length);
  const xp = x.slice();
  for (let i = 0; i < x.length; i++) {
    const hi = h * Math.max(1, Math.abs(x[i]));
    xp[i] = x[i] + hi;
    const fp = f(xp);
    xp[i] = x[i] - hi;
    const fm = f(xp);
    xp[i] = x[i];
    grad[i] = (fp - fm) / (2 * hi);
  }
  return grad;
}

export interface BfgsOptions {
  /** Analytic gradient; by default central differences. */
  gradient?: (x: readonly number[]) => number[];
  maxIterations?: number;
  /** Stop when max |gradient component| ≤ this × max(1, |f|). Default 1e-9. */
  gradientTolerance?: number;
}

/**
 * Quasi-Newton BFGS with the inverse-Hessian update and a backtracking Armijo line search
 * (Nocedal & Wright 2006, Algorithm 6.1).
 * @throws {ModelError} 'invalid-input' if the objective is not finite at the starting point
 */
export function bfgs(f: Objective, x0: readonly number[], options: BfgsOptions = {}): MinimiseResult {
  const n = x0.length;
  const counter = { n: 0 };
  const g = safe(f, counter);
  const grad = options.gradient ?? ((x: readonly number[]) => numericalGradient(g, x));
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-9;
  let x = x0.slice();
  let fx = g(x);
  if (!Number.isFinite(fx)) throw new ModelError('invalid-input', 'bfgs: objective is not finite at the starting point');
  let gx = grad(x);
  let H = identity(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    if (maxAbs(gx) <= gTol * Math.max(1, Math.abs(fx))) {
      converged = true;
      break;
    }
    iterations++;
    let p = H.map((row) => -dot(row, gx));
    let slope = dot(p, gx);
    if (!(slope < 0)) {
      H = identity(n);
      p = gx.map((v) => -v);
      slope = dot(p, gx);
    }
    let t = 1;
    let xn = x;
    let fn = Infinity;
    for (let k = 0; k < 60; k++) {
      xn = x.map((v, i) => v + t * p[i]);
      fn = g(xn);
      if (fn <= fx + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(fn < fx)) {
      // No decrease possible along the search direction: we are at the minimum within precision.
      converged = maxAbs(gx) <= 1e-4 * Math.max(1, Math.abs(fx));
      break;
    }
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]);
    const y = gn.map((v, i) => v - gx[i]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 1) H = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i][j] += ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
        }
      }
    }
    const decrease = fx - fn;
    x = xn;
    fx = fn;
    gx = gn;
    if (decrease <= 1e-15 * Math.abs(fx) && maxAbs(gx) <= 1e-5 * Math.max(1, Math.abs(fx))) {
      converged = true;
      break;
    }
  }
  return { x, value: fx, iterations, evaluations: counter.n, converged };
}

export interface MinimiseOptions extends NelderMeadOptions {
  /** Number of Nelder–Mead restarts from the best point so far (default 2). */
  restarts?: number;
  gradient?: (x: readonly number[]) => number[];
}

/**
 * Robust minimisation: Nelder–Mead, restarted from its best point (a fresh simplex escapes the
 * premature collapse NM is known for; McKinnon 1998), then BFGS to polish the optimum.
 * @throws {ModelError} 'invalid-input' if the objective is not finite at the starting point
 */
export function minimise(f: Objective, x0: readonly number[], options: MinimiseOptions = {}): MinimiseResult {
  // The simplex only needs to reach the basin; BFGS then converges fast and tightly.
  options = { fTolerance: 1e-7, xTolerance: 1e-3, ...options };
  let best = nelderMead(f, x0, options);
  let evaluations = best.evaluations;
  let iterations = best.iterations;
  for (let r = 0; r < (options.restarts ?? 2); r++) {
    const next = nelderMead(f, best.x, { ...options, initialStep: (options.initialStep ?? 0.5) / 4 });
    evaluations += next.evaluations;
    iterations += next.iterations;
    const improved = next.value < best.value - 1e-12 * Math.abs(best.value);
    if (next.value <= best.value) best = next;
    if (!improved) break;
  }
  const polished = bfgs(f, best.x, { gradient: options.gradient });
  evaluations += polished.evaluations;
  iterations += polished.iterations;
  const result = polished.value <= best.value ? polished : best;
  return { ...result, evaluations, iterations, converged: polished.converged || best.converged };
}

/**
 * Minimise over strictly positive parameters by optimising their logarithms (θ = exp(u)), which
 * removes the bounds and evens out the scales. `p0` must be positive.
 * @throws {ModelError} 'invalid-input' for a non-positive start or a non-finite objective there
 */
export function minimisePositive(f: Objective, p0: readonly number[], options: MinimiseOptions = {}): MinimiseResult {
  if (p0.some((v) => !(v > 0))) throw new ModelError('invalid-input', 'minimisePositive: start must be positive');
  const onLog: Objective = (u) => f(u.map(Math.exp));
  const result = minimise(onLog, p0.map(Math.log), options);
  return { ...result, x: result.x.map(Math.exp) };
}

export interface NewtonProblem {
  /** Value, gradient and Hessian at x (Hessian positive definite near the minimum). */
  evaluate(x: readonly number[]): { value: number; gradient: number[]; hessian: number[][] };
}

export interface NewtonOptions {
  maxIterations?: number;
  /** Stop when the relative decrease of the value is below this (R's glm uses 1e-8). Default 1e-12. */
  tolerance?: number;
}

/**
 * Damped Newton–Raphson: step −H⁻¹g (Cholesky solve), halved until the value decreases
 * (Nocedal & Wright 2006, §3.3). Used for logistic regression (= IRLS, McCullagh & Nelder 1989).
 * @throws {ModelError} 'numerical-failure' if the Hessian is not positive definite
 */
export function newton(problem: NewtonProblem, x0: readonly number[], options: NewtonOptions = {}): MinimiseResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-12;
  let x = x0.slice();
  let current = problem.evaluate(x);
  let evaluations = 1;
  let iterations = 0;
  let converged = false;
  let smallBefore = false;
  while (iterations < maxIterations) {
    iterations++;
    const step = choleskySolve(current.hessian, current.gradient);
    let t = 1;
    let next = current;
    let xn = x;
    for (let k = 0; k < 50; k++) {
      xn = x.map((v, i) => v - t * step[i]);
      next = problem.evaluate(xn);
      evaluations++;
      // Accept rounding-level increases: near the optimum the decrease of a full Newton step
      // (≈ ½ gᵀH⁻¹g) is below the rounding noise of a sum over many rows.
      if (Number.isFinite(next.value) && next.value <= current.value + 1e-13 * Math.abs(current.value)) break;
      t *= 0.5;
    }
    const decrease = current.value - next.value;
    if (!(decrease >= -1e-13 * Math.abs(current.value))) break;
    const stepSize = Math.max(...xn.map((v, i) => Math.abs(v - x[i])));
    x = xn;
    current = next;
    // Newton converges quadratically: a tiny step, or a second tiny decrease in a row, means the
    // gradient is at rounding level (one small decrease alone can leave it at ~1e-6).
    const small = decrease <= tolerance * (Math.abs(current.value) + tolerance);
    if (stepSize <= 1e-11 * (1 + Math.max(...x.map(Math.abs))) || (small && smallBefore)) {
      converged = true;
      break;
    }
    smallBefore = small;
  }
  return { x, value: current.value, iterations, evaluations, converged };
}

/**
 * Solve A x = b for symmetric positive definite A by Cholesky factorisation.
 * @throws {ModelError} 'numerical-failure' if A is not (numerically) positive definite
 */
export function choleskySolve(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i][j];
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(sum > 1e-300)) throw new ModelError('numerical-failure', 'matrix is not positive definite');
        L[i][i] = Math.sqrt(sum);
      } else {
        L[i][j] = sum / L[j][j];
      }
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= L[i][k] * y[k];
    y[i] = sum / L[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= L[k][i] * x[k];
    x[i] = sum / L[i][i];
  }
  return x;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function maxAbs(a: readonly number[]): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
