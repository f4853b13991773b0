/**
 * MBG/NBD model of repeat purchasing (Batislam, Denizel & Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in Marketing
 * 24(3), 201–209, with the erratum of Wagner & Hoppe 2008, IJRM 25(3), 225–226; the same model as
 * Hoppe & Wagner's 2007 "central variant" CBG/NBD).
 *
 * BG/NBD with one more chance to drop out: right after the first purchase, so a customer without
 * repeat purchases may already be gone (BG/NBD counts every such customer alive). While alive a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); at the first purchase and after each
 * one they drop out with probability p ~ Beta(a, b). The likelihood is BG/NBD's with the geometric
 * count shifted by one (./bgNbd.ts `dropAtStart`):
 * L = Γ(r+x)αʳ/Γ(r) · B(a, b+x+1)/B(a, b) · [(α+T)^−(r+x) + a/(b+x) (α+tₓ)^−(r+x)].
 */
import { ModelError } from './errors.ts';
import { bgNbdPurchasesIfAlive, fitBetaGeometric, type BgNbdFit, type BgNbdParams, type RfmRow } from './bgNbd.ts';
import { checkRfmRow } from './rows.ts';
import { lgamma, logAddExp } from './special.ts';

/** The same four parameters as BG/NBD: r, α (purchase rate), a, b (dropout). */
export type MbgNbdParams = BgNbdParams;
export type MbgNbdFit = BgNbdFit;

/** Log-likelihood of one customer, as printed above (for tests and single rows; fits use the shared objective). */
export function mbgNbdLogLikelihood(params: MbgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x + 1) - lgamma(b) - lgamma(a + b + x + 1);
  return head + logAddExp(-(r + x) * Math.log(alpha + T), Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + tx));
}

/**
 * Maximum-likelihood fit (BFGS on the log scale with the analytic gradient, as fitBgNbd).
 * @throws {ModelError} 'invalid-input', 'too-few-customers', 'no-repeat-buyers', 'not-converged'
 * @example fitMbgNbd(rows).params // { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } on CDNOW (BTYDplus)
 */
export function fitMbgNbd(rows: readonly RfmRow[]): MbgNbdFit {
  return fitBetaGeometric(rows, true, 'MBG/NBD');
}

/**
 * P(alive at T | x, tₓ, T) = 1 / [1 + a/(b+x) ((α+T)/(α+tₓ))^(r+x)] (Batislam et al. 2007,
 * appendix A, eq. 5), for x = 0 too (tₓ = 0): a one-time buyer may have dropped out at once.
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function mbgNbdProbAlive(params: MbgNbdParams, row: RfmRow): number {
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in the next t periods of a customer alive at age T with x repeat purchases
 * (Wagner & Hoppe 2008): (a+b+x)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; z)],
 * z = t/(α+T+t), which is BG/NBD's expression with b + 1 in place of b (bgNbdPurchasesIfAlive,
 * after Euler's transformation).
 */
export function mbgNbdPurchasesIfAlive(params: MbgNbdParams, t: number, x: number, T: number): number {
  return bgNbdPurchasesIfAlive({ ...params, b: params.b + 1 }, t, x, T);
}

/**
 * Expected purchases in (0, t] by a new customer: b/(a−1) [1 − (α/(α+t))ʳ ₂F₁(r, b+1; a+b; t/(α+t))],
 * i.e. the x = 0, T = 0 expectation if alive times P(alive at 0) = b/(a+b).
 * @throws {ModelError} 'invalid-input' for t < 0
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  return mbgNbdPurchasesIfAlive(params, t, 0, 0) * mbgNbdProbAlive(params, { frequency: 0, recency: 0, T: 0 });
}

/**
 * Expected purchases in the next t periods by a customer with history (x, tₓ, T):
 * mbgNbdPurchasesIfAlive(x, T) × P(alive | x, tₓ, T).
 * @throws {ModelError} 'invalid-input' for an inconsistent row or t < 0
 */
export function mbgNbdConditionalPurchases(params: MbgNbdParams, t: number, row: RfmRow): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  return mbgNbdPurchasesIfAlive(params, t, row.frequency, row.T) * mbgNbdProbAlive(params, row);
}
