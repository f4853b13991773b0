/**
 * Derivative-free minimisation: Nelder–Mead and the central-difference gradient. Kept for small
 * problems without an analytic gradient (sBG, BG/BB); the customer-base likelihoods use BFGS with
 * analytic gradients (./optimise.ts, ./mle.ts).
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

export function safe(f: Objective, counter: { n: number }): Objective {
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
