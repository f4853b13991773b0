/**
 * The shared optimiser: BFGS with a strong-Wolfe line search on an objective that returns its value
 * and analytic gradient together, the Hessian from the gradient, damped Newton for problems with an
 * analytic Hessian, and Nelder–Mead restarts polished by BFGS (`minimise`, `minimisePositive`) for
 * small problems without a gradient. Non-finite objective values are rejected points.
 */
import { ModelError } from './errors.ts';
import { nelderMead, numericalGradient, safe, type MinimiseResult, type NelderMeadOptions, type Objective } from './nelderMead.ts';

export { nelderMead, numericalGradient, type MinimiseResult, type NelderMeadOptions, type Objective } from './nelderMead.ts';

/**
 * An objective with its gradient: returns f(x) and writes ∇f(x) into `gradient` (length n). Computing
 * both in one pass lets a likelihood share its per-row terms between the value and the gradient.
 */
export type ValueAndGradient = (x: readonly number[], gradient: number[]) => number;

export interface BfgsOptions {
  /** Analytic gradient for `bfgs(f, …)`; by default central differences. */
  gradient?: (x: readonly number[]) => number[];
  maxIterations?: number;
  /** Stop when max |gradient component| ≤ this (absolute). Default 1e-9. */
  gradientTolerance?: number;
}

export interface BfgsResult extends MinimiseResult {
  /** The gradient at x (stationarity can be checked by the caller). */
  gradient: number[];
}

/**
 * Quasi-Newton BFGS with the inverse-Hessian update and a line search satisfying the strong Wolfe
 * conditions (Nocedal & Wright 2006, Algorithms 6.1, 3.5 and 3.6, cubic interpolation), on an
 * objective that returns its value and gradient together. Near the optimum the decrease of f falls
 * below its rounding noise, so a step is also accepted when f rises by at most that noise while the
 * slope condition holds (the "approximate Wolfe" rule of Hager & Zhang 2005), or when the gradient
 * there already meets the tolerance.
 * @throws {ModelError} 'invalid-input' if the objective or its gradient is not finite at the start
 */
export function bfgsMinimise(fg: ValueAndGradient, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-9;
  let evaluations = 0;
  const evaluate = (x: readonly number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };
  let x = x0.slice();
  let gx = new Array<number>(n).fill(0);
  let fx = evaluate(x, gx);
  if (!Number.isFinite(fx)) throw new ModelError('invalid-input', 'bfgs: objective is not finite at the starting point');
  let H: number[][] | null = null;
  let iterations = 0;
  let converged = false;
  let flat = 0;
  while (iterations < maxIterations) {
    if (maxAbs(gx) <= gTol) {
      converged = true;
      break;
    }
    iterations++;
    let p = H ? H.map((row) => -dot(row, gx)) : gx.map((v) => -v);
    let slope = dot(p, gx);
    if (!(slope < 0)) {
      H = null;
      p = gx.map((v) => -v);
      slope = dot(p, gx);
    }
    // First step: a unit move of the largest component; afterwards the quasi-Newton step t = 1.
    const step = wolfeLineSearch(evaluate, x, fx, p, slope, H ? 1 : Math.min(1, 1 / maxAbs(gx)), gTol);
    if (!step) break; // no acceptable point along p: f is at its minimum within rounding
    const s = p.map((v) => v * step.t);
    const y = step.g.map((v, i) => v - gx[i]);
    const sy = dot(s, y);
    const decrease = fx - step.f;
    x = step.x;
    fx = step.f;
    gx = step.g;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (!H) H = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) H[i][j] += ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
      }
    }
    // Two steps in a row that change neither f nor x beyond rounding: nothing more to gain.
    flat = decrease <= 1e-15 * Math.abs(fx) && maxAbs(s) <= 1e-12 * (1 + maxAbs(x)) ? flat + 1 : 0;
    if (flat >= 2) break;
  }
  if (!converged) converged = maxAbs(gx) <= Math.sqrt(gTol) * 1e-2;
  return { x, value: fx, gradient: gx, iterations, evaluations, converged };
}

/**
 * Line search for the strong Wolfe conditions along p from x (Nocedal & Wright 2006, Alg. 3.5 with
 * the zoom of Alg. 3.6): c₁ = 1e-4, c₂ = 0.9. Returns null when no acceptable point is found.
 */
function wolfeLineSearch(
  evaluate: (x: readonly number[], g: number[]) => number,
  x: readonly number[],
  f0: number,
  p: readonly number[],
  slope0: number,
  t1: number,
  gTol: number
): { t: number; x: number[]; f: number; g: number[] } | null {
  const c1 = 1e-4,
    c2 = 0.9;
  // A sum over many customers is exact to ~1e-13 relative at best: below that f cannot rank points.
  const noise = 1e-11 * Math.abs(f0);
  const at = (t: number) => {
    const xt = x.map((v, i) => v + t * p[i]);
    const g = new Array<number>(x.length);
    const f = evaluate(xt, g);
    return { t, x: xt, f, g, slope: Number.isFinite(f) ? dot(g, p) : NaN };
  };
  type Point = ReturnType<typeof at>;
  const armijo = (q: Point) => q.f <= f0 + c1 * q.t * slope0;
  // Strong Wolfe, or its approximate form where f is flat within rounding (Hager & Zhang 2005).
  // ... and a point where the gradient already meets the tolerance ends the search.
  const accept = (q: Point) =>
    Number.isFinite(q.f) && (armijo(q) || q.f <= f0 + noise) && (Math.abs(q.slope) <= -c2 * slope0 || maxAbs(q.g) <= gTol);
  const zoom = (lo: Point, hi: Point): Point | null => {
    for (let k = 0; k < 20 && Math.abs(hi.t - lo.t) > 1e-12 * Math.max(1, lo.t); k++) {
      const q = at(interpolate(lo, hi));
      if (accept(q)) return q;
      if (!Number.isFinite(q.f) || !armijo(q) || q.f >= lo.f) {
        hi = q;
      } else {
        if (q.slope * (hi.t - lo.t) >= 0) hi = lo;
        lo = q;
      }
    }
    return lo.t > 0 && lo.f <= f0 ? lo : null;
  };
  let prev: Point = { t: 0, x: x.slice(), f: f0, g: [], slope: slope0 };
  let t = t1;
  for (let k = 0; k < 60; k++) {
    const q = at(t);
    if (accept(q)) return q;
    // Too far (no sufficient decrease, or outside the objective's domain): the point lies between.
    if (!Number.isFinite(q.f) || !armijo(q) || (k > 0 && q.f >= prev.f)) return zoom(prev, q);
    if (q.slope >= 0) return zoom(q, prev);
    prev = q;
    t *= 2;
  }
  return prev.t > 0 ? prev : null;
}

/** Minimiser of the cubic through two points with values and slopes, kept inside the interval. */
function interpolate(a: { t: number; f: number; slope: number }, b: { t: number; f: number; slope: number }): number {
  const lo = Math.min(a.t, b.t),
    hi = Math.max(a.t, b.t);
  if (Number.isFinite(b.f) && Number.isFinite(b.slope)) {
    const d1 = a.slope + b.slope - (3 * (a.f - b.f)) / (a.t - b.t);
    const disc = d1 * d1 - a.slope * b.slope;
    if (disc >= 0) {
      const d2 = Math.sign(b.t - a.t) * Math.sqrt(disc);
      const t = b.t - ((b.t - a.t) * (b.slope + d2 - d1)) / (b.slope - a.slope + 2 * d2);
      // Stay clear of the ends so that the interval shrinks.
      const margin = 0.1 * (hi - lo);
      if (Number.isFinite(t) && t >= lo + margin && t <= hi - margin) return t;
    }
  }
  return (lo + hi) / 2;
}

/**
 * BFGS on an objective given as a plain function, with an analytic gradient (`options.gradient`) or
 * central differences: `bfgsMinimise` with the two put together.
 * @throws {ModelError} 'invalid-input' if the objective is not finite at the starting point
 */
export function bfgs(f: Objective, x0: readonly number[], options: BfgsOptions = {}): MinimiseResult {
  const counter = { n: 0 };
  const g = safe(f, counter);
  const grad = options.gradient ?? ((x: readonly number[]) => numericalGradient(g, x));
  const result = bfgsMinimise(
    (x, out) => {
      const v = g(x);
      const d = grad(x);
      for (let i = 0; i < d.length; i++) out[i] = d[i];
      return v;
    },
    x0,
    { ...options, gradientTolerance: options.gradientTolerance ?? 1e-9 * Math.max(1, Math.abs(g(x0))) }
  );
  return { x: result.x, value: result.value, iterations: result.iterations, evaluations: counter.n, converged: result.converged };
}

/**
 * The Hessian of a smooth objective at x from differences of its analytic gradient, symmetrised:
 * central differences (2n gradient evaluations, error O(h²)), or forward differences from the
 * gradient `g0` already known at x (n evaluations, error O(h); enough for standard errors)
 * (Nocedal & Wright 2006, §8.1).
 */
export function hessianFromGradient(fg: ValueAndGradient, x: readonly number[], g0?: readonly number[], h = 1e-5): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const gp = new Array<number>(n),
    gm = new Array<number>(n);
  const xp = x.slice();
  for (let j = 0; j < n; j++) {
    const hj = (g0 ? 1e-6 : h) * Math.max(1, Math.abs(x[j]));
    xp[j] = x[j] + hj;
    fg(xp, gp);
    if (g0) {
      for (let i = 0; i < n; i++) H[i][j] = (gp[i] - g0[i]) / hj;
    } else {
      xp[j] = x[j] - hj;
      fg(xp, gm);
      for (let i = 0; i < n; i++) H[i][j] = (gp[i] - gm[i]) / (2 * hj);
    }
    xp[j] = x[j];
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
  return H;
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
