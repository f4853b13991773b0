/**
 * Gamma–Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", brucehardie.com/notes/025; Colombo & Jiang 1999). A customer's transaction
 * values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers (here γ is called `v`, as in
 * lifetimes). Fitted on repeat buyers: x ≥ 1 repeat transactions with mean value m̄ₓ.
 */
import { ModelError } from './errors.ts';
import { minimisePositive } from './optimise.ts';
import { aggregateRows } from './rows.ts';
import { lgamma } from './special.ts';

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
  /** Objective evaluations used by the optimiser. */
  evaluations: number;
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
    lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) -
    (px + q) * Math.log(v + m * x)
  );
}

/**
 * Maximum-likelihood fit of the Gamma–Gamma spend model (Fader & Hardie 2013), shared optimiser on
 * the log scale of (p, q, γ). Rows with frequency 0 are skipped; repeat buyers with mean spend ≤ 0
 * are left out and counted in `excludedNonPositiveSpend`.
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
  const meanSpend = values.reduce((s, [, m], i) => s + weights[i] * m, 0) / customers;
  const negLL = ([p, q, v]: readonly number[]) => {
    let ll = 0;
    for (let i = 0; i < values.length; i++) ll += weights[i] * gammaGammaLogLikelihood({ p, q, v }, values[i][0], values[i][1]);
    return -ll / customers;
  };
  // Start with E[spend] = p·v/(q−1) equal to the observed mean spend.
  const result = minimisePositive(negLL, [1, 2, meanSpend]);
  const [p, q, v] = result.x;
  const logLikelihood = -result.value * customers;
  if (!Number.isFinite(logLikelihood) || result.x.some((t) => !(t < 1e8))) {
    throw new ModelError(
      'not-converged',
      'Gamma–Gamma fit did not converge (spend may not vary across customers)'
    );
  }
  return { params: { p, q, v }, logLikelihood, converged: result.converged, iterations: result.iterations, evaluations: result.evaluations, customers, excludedNonPositiveSpend };
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
