// Reference: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
// Noncontractual Setting", Marketing Science 29(6), §3 (annual donations, 11,104 donors of the
// 1995 cohort, n = 6 opportunities 1996–2001): α = 1.204, β = 0.750, γ = 0.657, δ = 2.783,
// LL = −33,225.6. Input: the raw ../shared/data/cdnow/donations.csv.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDonations, type DonationRow } from '../../tests/fixtures/models/cdnow.ts';
import { bgBbConditionalTransactions, bgBbExpectedTransactions, bgBbLogLikelihood, bgBbProbAlive, fitBgBb, type BgBbFit } from './bgBb.ts';
import { lgamma, lbeta } from './special.ts';

let rows: DonationRow[];
let fit: BgBbFit;
beforeAll(() => {
  rows = loadDonations();
  fit = fitBgBb(rows);
});

describe('fitBgBb on the donations data', () => {
  it('reproduces Fader, Hardie & Shang (2010) to the published digits', () => {
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(11104);
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(fit.converged).toBe(true);
  });

  it('the likelihood is a probability: all 2⁶ histories sum to one', () => {
    // Histories with x transactions, the last at tₓ: C(tₓ−1, x−1) sequences each (1 for x = 0).
    const n = 6;
    const choose = (a: number, b: number) => Math.round(Math.exp(lgamma(a + 1) - lgamma(b + 1) - lgamma(a - b + 1)));
    let total = Math.exp(bgBbLogLikelihood(fit.params, 0, 0, n));
    for (let tx = 1; tx <= n; tx++) {
      for (let x = 1; x <= tx; x++) total += choose(tx - 1, x - 1) * Math.exp(bgBbLogLikelihood(fit.params, x, tx, n));
    }
    expect(total).toBeCloseTo(1, 12);
  });
});

describe('BG/BB expectations', () => {
  it('conditional expectation equals the closed form of eq. 13', () => {
    const { alpha, beta, gamma, delta } = fit.params;
    for (const row of rows.slice(0, 22)) {
      const { frequency: x, recency: tx, n } = row;
      const nStar = 5;
      const L = Math.exp(bgBbLogLikelihood(fit.params, x, tx, n));
      const closed =
        (1 / L) *
        Math.exp(lbeta(alpha + x + 1, beta + n - x) - lbeta(alpha, beta)) *
        (delta / (gamma - 1)) *
        Math.exp(lgamma(gamma + delta) - lgamma(1 + delta)) *
        (Math.exp(lgamma(1 + delta + n) - lgamma(gamma + delta + n)) -
          Math.exp(lgamma(1 + delta + n + nStar) - lgamma(gamma + delta + n + nStar)));
      expect(bgBbConditionalTransactions(fit.params, nStar, row)).toBeCloseTo(closed, 10);
    }
  });

  it('expected transactions of a new customer: closed form = finite sum, also at γ = 1', () => {
    const { alpha, beta, gamma, delta } = fit.params;
    const sum = (g: number) =>
      (alpha / (alpha + beta)) * [1, 2, 3, 4, 5, 6].reduce((s, k) => s + Math.exp(lbeta(g, delta + k) - lbeta(g, delta)), 0);
    expect(bgBbExpectedTransactions(fit.params, 6)).toBeCloseTo(sum(gamma), 10);
    expect(bgBbExpectedTransactions({ ...fit.params, gamma: 1 }, 6)).toBeCloseTo(sum(1), 10);
    expect(bgBbExpectedTransactions(fit.params, 0)).toBe(0);
  });

  it('P(alive) is higher for a donor who gave recently', () => {
    const recent = bgBbProbAlive(fit.params, { frequency: 3, recency: 6, n: 6 });
    const lapsed = bgBbProbAlive(fit.params, { frequency: 3, recency: 3, n: 6 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(recent).toBeLessThan(1);
    // Never-gave donors: alive part over the likelihood, in (0, 1).
    const never = bgBbProbAlive(fit.params, { frequency: 0, recency: 0, n: 6 });
    expect(never).toBeGreaterThan(0);
    expect(never).toBeLessThan(1);
  });
});

describe('BG/BB degenerate input', () => {
  it('throws with clear codes', () => {
    expect(() => fitBgBb([{ frequency: 0, recency: 0, n: 6, count: 100 }])).toThrow(expect.objectContaining({ code: 'no-repeat-buyers' }));
    expect(() => fitBgBb([{ frequency: 2, recency: 4, n: 6 }])).toThrow(expect.objectContaining({ code: 'too-few-customers' }));
    expect(() => fitBgBb([{ frequency: 5, recency: 4, n: 6, count: 3 }])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
