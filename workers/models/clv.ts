/**
 * Discounted customer lifetime value from a purchase-count model and a spend model (Fader, Hardie
 * & Lee 2005, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4), §2;
 * discrete-period version as in lifetimes' `customer_lifetime_value`).
 */
import { ModelError } from './errors.ts';

export interface ClvOptions {
  /** Expected cumulative purchases in (0, t], t in model time units, e.g.
   * `(t) => bgNbdConditionalPurchases(params, t, row)`. */
  expectedPurchases: (t: number) => number;
  /** Expected value per purchase, e.g. `gammaGammaExpectedSpend(ggParams, row)`. */
  expectedSpend: number;
  /** Profit margin as a fraction of spend (e.g. 0.3). */
  margin: number;
  /** Discount rate per period (e.g. 0.01 per month). */
  discountRate: number;
  /** Number of periods. */
  horizon: number;
  /** Model time units per period (e.g. 30.4375/7 weeks per month). Default 1. */
  periodLength?: number;
}

export interface ClvResult {
  clv: number;
  periods: { period: number; purchases: number; value: number; discountedValue: number }[];
}

/**
 * CLV = Σ_{i=1}^{H} [E(i·L) − E((i−1)·L)] · spend · margin / (1 + d)^i, cash flows counted at the end
 * of each period.
 * @throws {ModelError} 'invalid-input' for a negative discount rate, non-integer horizon, or a
 *   purchase model returning a non-finite value
 */
export function discountedClv(options: ClvOptions): ClvResult {
  const { expectedPurchases, expectedSpend, margin, discountRate, horizon } = options;
  const periodLength = options.periodLength ?? 1;
  if (!(discountRate >= 0) || !Number.isFinite(discountRate)) throw new ModelError('invalid-input', 'discount rate must be ≥ 0');
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new ModelError('invalid-input', 'horizon must be an integer ≥ 0');
  if (!(periodLength > 0)) throw new ModelError('invalid-input', 'period length must be > 0');
  if (!Number.isFinite(expectedSpend) || !Number.isFinite(margin))
    throw new ModelError('invalid-input', 'spend and margin must be numbers');
  const periods: ClvResult['periods'] = [];
  let previous = 0;
  let clv = 0;
  for (let i = 1; i <= horizon; i++) {
    const cumulative = expectedPurchases(i * periodLength);
    if (!Number.isFinite(cumulative)) throw new ModelError('invalid-input', `expected purchases at period ${i} is not a number`);
    const purchases = cumulative - previous;
    previous = cumulative;
    const value = purchases * expectedSpend * margin;
    const discountedValue = value / Math.pow(1 + discountRate, i);
    clv += discountedValue;
    periods.push({ period: i, purchases, value, discountedValue });
  }
  return { clv, periods };
}
