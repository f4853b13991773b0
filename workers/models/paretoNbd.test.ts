// Reference: Pareto/NBD (Schmittlein, Morrison & Colombo 1987) on the CDNOW 1/10 sample (2,357
// customers, weeks, calibration to 1997-09-30) as reported by Fader, Hardie & Lee (2005), §4, and
// reproduced by lifetimes (ParetoNBDFitter) and R BTYD: r = 0.553, α = 10.578, s = 0.606,
// β = 11.669, LL ≈ −9595.0. Inputs computed from the raw CDNOW_sample.txt.
import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowWeeklySummary, loadCdnowSampleTransactions, type CdnowSummaryRow } from '../../tests/fixtures/models/cdnow.ts';
import {
  fitParetoNbd,
  paretoNbdConditionalPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbAlive,
  type ParetoNbdFit
} from './paretoNbd.ts';
import { lgamma } from './special.ts';

let rows: CdnowSummaryRow[];
let fit: ParetoNbdFit;
beforeAll(() => {
  rows = cdnowWeeklySummary(loadCdnowSampleTransactions());
  fit = fitParetoNbd(rows);
});

/** Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (t: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

describe('fitParetoNbd on the CDNOW sample', () => {
  it('reproduces the published estimates (Fader, Hardie & Lee 2005; lifetimes/BTYD)', () => {
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 2);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    // The likelihood is flat along a ridge in (s, β): BTYD reports 11.656, lifetimes 11.669.
    expect(fit.params.beta).toBeCloseTo(11.669, 1);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(fit.converged).toBe(true);
  });

  it('the ₂F₁ likelihood equals the integral form Γ(r+x)αʳβˢ/Γ(r)[(α+T)^−(r+x)(β+T)^−s + s∫(α+τ)^−(r+x)(β+τ)^−(s+1)dτ]', () => {
    const cases = [
      { p: fit.params, row: { x: 2, tx: 30.43, T: 38.86 } },
      { p: fit.params, row: { x: 12, tx: 5, T: 35 } },
      { p: { r: 0.5, alpha: 3, s: 1.2, beta: 20 }, row: { x: 4, tx: 10, T: 30 } }, // α < β branch
      { p: { r: 0.5, alpha: 20, s: 1.2, beta: 3 }, row: { x: 4, tx: 10, T: 30 } } // α > β branch
    ];
    for (const { p, row } of cases) {
      const { r, alpha, s, beta } = p;
      const { x, tx, T } = row;
      const integral = simpson((tau) => Math.pow(alpha + tau, -(r + x)) * Math.pow(beta + tau, -(s + 1)), tx, T);
      const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
      const expected = head + Math.log(Math.pow(alpha + T, -(r + x)) * Math.pow(beta + T, -s) + s * integral);
      expect(paretoNbdLogLikelihood(p, x, tx, T)).toBeCloseTo(expected, 8);
      const alive = Math.pow(alpha + T, -(r + x)) * Math.pow(beta + T, -s);
      expect(paretoNbdProbAlive(p, { frequency: x, recency: tx, T })).toBeCloseTo(alive / (alive + s * integral), 9);
    }
  });
});

describe('Pareto/NBD expectations', () => {
  it('E[X(t)] matches ∫₀ᵗ E[λ] P(alive at u) du = (r/α) ∫₀ᵗ (β/(β+u))ˢ du', () => {
    const { r, alpha, s, beta } = fit.params;
    for (const t of [5, 39, 78]) {
      const expected = (r / alpha) * simpson((u) => Math.pow(beta / (beta + u), s), 0, t);
      expect(paretoNbdExpectedPurchases(fit.params, t)).toBeCloseTo(expected, 9);
    }
  });

  it('conditional expectation = P(alive) · E[λ | data] ∫ ((β+T)/(β+T+u))^(s) du', () => {
    const { r, alpha, s, beta } = fit.params;
    const row = { frequency: 3, recency: 20, T: 35 };
    const expected =
      paretoNbdProbAlive(fit.params, row) *
      ((r + row.frequency) / (alpha + row.T)) *
      simpson((u) => Math.pow((beta + row.T) / (beta + row.T + u), s), 0, 39);
    expect(paretoNbdConditionalPurchases(fit.params, 39, row)).toBeCloseTo(expected, 9);
  });

  it('P(alive) is higher for a recent buyer and never NaN at recency = T', () => {
    const recent = paretoNbdProbAlive(fit.params, { frequency: 4, recency: 30, T: 31 });
    const lapsed = paretoNbdProbAlive(fit.params, { frequency: 4, recency: 2, T: 31 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(paretoNbdProbAlive(fit.params, { frequency: 4, recency: 31, T: 31 })).toBe(1);
  });
});

describe('Pareto/NBD degenerate input', () => {
  it('throws no-repeat-buyers and too-few-customers', () => {
    expect(() => fitParetoNbd(rows.map((r) => ({ frequency: 0, recency: 0, T: r.T })))).toThrow(
      expect.objectContaining({ code: 'no-repeat-buyers' })
    );
    expect(() => fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }])).toThrow(
      expect.objectContaining({ code: 'too-few-customers' })
    );
  });
});
