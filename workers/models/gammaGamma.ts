/**
 * Gamma–Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", brucehardie.com/notes/025; Colombo & Jiang 1999). A customer's transaction
 * values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers (here γ is called `v`, as in
 * lifetimes). Fitted on repeat buyers: x ≥ 1 repeat transactions with mean value m̄ₓ.
 */
import { ModelError } from './errors.ts';
import { maximiseLikelihood, namedFit } from './mle.ts';
import { aggregateRows } from './rows.ts';
import { digamma, lgamma } from './special.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface SpendRow {
  /** Number of repeat transactions x (rows with x = 0 carry no spend information and are skipped). */
  frequency: number;
  /** Mean value of those x transactions, m̄ₓ > 0. */
  monetaryValue: number;
  count?: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Full log-likelihood Σ count·ln f(m̄ₓ | p, q, γ, x). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Likelihood evaluations (value and gradient together) used by the optimiser. */
  evaluations: number;
  /** Parameters the data do not identify (flat likelihood or run away; see ./mle.ts); empty when all are. */
  unidentified: (keyof GammaGammaParams)[];
  /** Number of customers (weighted) used: those with frequency > 0 and positive mean spend. */
  customers: number;
  /** Repeat buyers left out because their mean spend was ≤ 0. */
  excludedNonPositiveSpend: number;
}

/**
 * Log density of a customer's mean spend (Fader & Hardie 2013, eq. 3):
 * f(m̄ₓ | p,q,γ,x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄ₓ^(px−1) x^(px) / (γ + m̄ₓx)^(px+q).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  const px = p * x;
  return (
    lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(v + m * x)
  );
}

/**
 * Maximum-likelihood fit of the Gamma–Gamma spend model (Fader & Hardie 2013): BFGS on the log scale
 * of (p, q, γ) with the analytic gradient (./mle.ts), from method-of-moments starting values. Rows
 * with frequency 0 are skipped; repeat buyers with mean spend ≤ 0 are left out and counted in
 * `excludedNonPositiveSpend`.
 * @throws {ModelError} 'invalid-input' (bad numbers),
 *   'no-repeat-buyers', 'too-few-customers', 'not-converged' (no finite optimum, e.g. all spends equal)
 * @example fitGammaGamma(repeatBuyers).params // { p: 6.25, q: 3.74, v: 15.44 } on CDNOW
 */
export function fitGammaGamma(rows: readonly SpendRow[]): GammaGammaFit {
  // Spend must be positive for a Gamma density; repeat buyers whose mean spend is ≤ 0 (free items,
  // refunds) are left out and counted, so the caller can say so.
  let excludedNonPositiveSpend = 0;
  const repeat = rows.filter((r) => {
    if (r.frequency === 0) return false;
    if (r.monetaryValue <= 0) {
      excludedNonPositiveSpend += r.count ?? 1;
      return false;
    }
    return true;
  });
  const { values, weights } = aggregateRows(repeat, ['frequency', 'monetaryValue']);
  values.forEach(([x], i) => {
    if (!(Number.isInteger(x) && x > 0)) {
      throw new ModelError('invalid-input', `row ${i}: frequency must be a non-negative integer`, { index: i });
    }
  });
  const customers = weights.reduce((s, w) => s + w, 0);
  if (values.length === 0) throw new ModelError('no-repeat-buyers', 'no repeat buyers: spend cannot be modelled');
  if (customers < 2) {
    throw new ModelError('too-few-customers', `need at least 2 repeat buyers (got ${customers})`, { customers });
  }
  const fit = maximiseLikelihood(gammaGammaObjective(values, weights, customers), gammaGammaStart(values, weights, customers), customers);
  const named = namedFit(fit, customers, ['p', 'q', 'v'], 'Gamma–Gamma fit did not converge (spend may not vary across customers)', (p) =>
    p.every((t) => t < 1e8)
  );
  return {
    ...named,
    customers,
    excludedNonPositiveSpend
  };
}

/**
 * Method-of-moments start. With ν ~ Gamma(q, γ): E m̄ = pγ/(q−1) and, x independent of ν,
 * E m̄² = (p² + p·E[1/x]) K and E[x m̄²] = (p²·E x + p) K with K = γ²/((q−1)(q−2)); two of these
 * give p and K, the third q and γ. Where the sample moments do not fit (q ≤ 2, heavy tails), a
 * generic start with the right mean spend.
 */
function gammaGammaStart(values: readonly number[][], weights: readonly number[], total: number): number[] {
  let m1 = 0,
    mx = 0,
    mInvX = 0,
    mm2 = 0,
    mxm2 = 0;
  for (let i = 0; i < values.length; i++) {
    const [x, m] = values[i];
    const w = weights[i] / total;
    m1 += w * m;
    mx += w * x;
    mInvX += w / x;
    mm2 += w * m * m;
    mxm2 += w * x * m * m;
  }
  const pK = (mxm2 - mx * mm2) / (1 - mx * mInvX);
  const p = (mm2 - mInvX * pK) / pK;
  const c = m1 / p; // γ/(q−1)
  const rho = pK / p / (c * c); // (q−1)/(q−2)
  const q = (2 * rho - 1) / (rho - 1);
  const start = [p, q, c * (q - 1)];
  return start.every((v) => Number.isFinite(v) && v > 0) && rho > 1 && q < 1e3 && p < 1e3 ? start : [1, 3, 2 * m1];
}

/**
 * Mean negative log-likelihood of eq. 3 and its gradient in (p, q, γ). Only ln(γ + m̄ₓx) changes per
 * row; the Γ terms are summed once per distinct x with the weights of its rows, and Σ w ln m̄ₓ,
 * Σ w x ln m̄ₓ, Σ w x ln x are constants.
 */
export function gammaGammaObjective(values: readonly number[][], weights: readonly number[], total: number) {
  const byX = new Map<number, number>();
  let sumLogM = 0,
    sumXLogM = 0,
    sumXLogX = 0;
  const spend = new Float64Array(values.length),
    rowX = new Float64Array(values.length),
    rowW = Float64Array.from(weights);
  values.forEach(([x, m], i) => {
    const w = weights[i];
    byX.set(x, (byX.get(x) ?? 0) + w);
    sumLogM += w * Math.log(m);
    sumXLogM += w * x * Math.log(m);
    sumXLogX += w * x * Math.log(x);
    spend[i] = m * x;
    rowX[i] = x;
  });
  const xs = Float64Array.from(byX.keys()),
    xWeight = Float64Array.from(byX.values());
  return (theta: readonly number[], g: number[]): number => {
    const [p, q, v] = theta;
    const logV = Math.log(v);
    let ll = total * (q * logV - lgamma(q)) + p * (sumXLogM + sumXLogX) - sumLogM;
    let gp = sumXLogM + sumXLogX,
      gq = total * (logV - digamma(q)),
      gv = (total * q) / v;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k],
        w = xWeight[k],
        px = p * x;
      const psiPxQ = digamma(px + q);
      ll += w * (lgamma(px + q) - lgamma(px));
      gp += w * x * (psiPxQ - digamma(px));
      gq += w * psiPxQ;
    }
    for (let i = 0; i < spend.length; i++) {
      const w = rowW[i],
        shape = p * rowX[i] + q,
        vm = v + spend[i];
      const L = Math.log(vm);
      ll -= w * shape * L;
      gp -= w * rowX[i] * L;
      gq -= w * L;
      gv -= (w * shape) / vm;
    }
    g[0] = -gp / total;
    g[1] = -gq / total;
    g[2] = -gv / total;
    return -ll / total;
  };
}

/**
 * Expected mean transaction value for a customer (Fader & Hardie 2013, eq. 5):
 * E[M | p,q,γ,m̄ₓ,x] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m̄ₓ = p(γ + x m̄ₓ)/(px+q−1);
 * for x = 0 the population mean pγ/(q−1).
 * @throws {ModelError} 'invalid-input' when q ≤ 1 and x = 0 (the population mean is infinite)
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, row: { frequency: number; monetaryValue: number }): number {
  const { p, q, v } = params;
  const x = row.frequency;
  const m = x > 0 ? row.monetaryValue : 0;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new ModelError('invalid-input', 'expected spend is infinite for q ≤ 1 without repeat transactions');
  }
  return (p * (v + x * m)) / denominator;
}
