// Reference: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science
// 24(2), §4 (CDNOW 1/10 sample, 2,357 customers, weeks, calibration to 1997-09-30): r = 0.243,
// α = 4.414, a = 0.793, b = 2.426, LL = −9582.4. Inputs computed from the raw CDNOW_sample.txt.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cdnowWeeklySummary,
  loadCdnowMasterTransactions,
  loadCdnowSampleTransactions,
  type CdnowSummaryRow
} from '../../tests/fixtures/models/cdnow.ts';
import {
  integrateBeta,
  newtonStep,
  relativeDifference,
  objectiveAndReference,
  GRADIENT_SAMPLE,
  expectObjectiveMatches
} from '../../tests/fixtures/models/mleChecks.ts';
import {
  bgNbdConditionalPurchases,
  bgNbdLogLikelihood,
  bgNbdObjective,
  bgNbdExpectedPurchases,
  bgNbdProbAlive,
  bgNbdPurchasesIfAlive,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdParams
} from './bgNbd.ts';
import { hyp2f1 } from './special.ts';
import { ModelError } from './errors.ts';
import { prepareRfmRows } from './rows.ts';

let rows: CdnowSummaryRow[];
let fit: BgNbdFit;
beforeAll(() => {
  rows = cdnowWeeklySummary(loadCdnowSampleTransactions());
  fit = fitBgNbd(rows);
});

describe('fitBgNbd on the CDNOW sample', () => {
  it('reproduces Fader, Hardie & Lee (2005) §4 to the published digits', () => {
    expect(rows.length).toBe(2357);
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.converged).toBe(true);
  });

  it('gives the same fit from weighted (aggregated) rows', () => {
    const byKey = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
    for (const r of rows) {
      const key = `${r.frequency}|${r.recency}|${r.T}`;
      const row = byKey.get(key) ?? { frequency: r.frequency, recency: r.recency, T: r.T, count: 0 };
      row.count++;
      byKey.set(key, row);
    }
    const weighted = fitBgNbd([...byKey.values()]);
    expect(weighted.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(weighted.params.r).toBeCloseTo(fit.params.r, 5);
  });

  it('is the exact optimum: the Newton step left is below 1e-8 (relative)', () => {
    const { values, weights, total } = prepareRfmRows(rows);
    const step = newtonStep(bgNbdObjective(values, weights, total), Object.values(fit.params));
    for (const d of step) expect(Math.abs(d)).toBeLessThan(1e-8);
    expect(fit.unidentified).toEqual([]);
    // BFGS with the analytic gradient (the Nelder–Mead + finite-difference BFGS before it took 414).
    expect(fit.evaluations).toBeLessThan(45);
  });
});

describe('fitBgNbd on CDNOW master (23,570 customers)', () => {
  it('gives the parameters of the previous optimiser (Nelder–Mead + BFGS, commit d6ca96d) to 1e-6', () => {
    const master = fitBgNbd(cdnowWeeklySummary(loadCdnowMasterTransactions()));
    // Printed by that code at full precision; it stopped ≤ 9.4e-7 (relative) from the optimum.
    const before = { r: 0.25162392922402455, alpha: 4.788942071926879, a: 0.7234341601303761, b: 2.1610903915757453 };
    expect(relativeDifference(master.params, before)).toBeLessThan(1e-6);
    expect(master.converged).toBe(true);
  });
});

describe('BG/NBD likelihood gradient', () => {
  it('equals central differences of eq. 6 summed with bgNbdLogLikelihood', () => {
    const { objective, reference } = objectiveAndReference(GRADIENT_SAMPLE, bgNbdObjective, ([r, alpha, a, b], x, tx, T) =>
      bgNbdLogLikelihood({ r, alpha, a, b }, x, tx, T)
    );
    expectObjectiveMatches(objective, reference, [0.243, 4.414, 0.793, 2.426]);
  });
});

describe('BG/NBD expectations', () => {
  it('E[X(t)] agrees with direct integration over p ~ Beta(a, b)', () => {
    // E[X(t)] = ∫ (1/p)(1 − (α/(α+pt))^r) Beta(p; a, b) dp (λ integrated out analytically);
    // Simpson's rule after p = u^(1/a) removes the p^(a−1) singularity.
    const { r, alpha, a, b } = fit.params;
    const logBeta = lgammaRef(a) + lgammaRef(b) - lgammaRef(a + b);
    for (const t of [1, 10, 39, 78]) {
      const integrand = (p: number) => (p === 0 ? (r * t) / alpha : (1 / p) * (1 - Math.pow(alpha / (alpha + p * t), r)));
      const expected = integrateBeta(integrand, a, b) / Math.exp(logBeta);
      expect(bgNbdExpectedPurchases(fit.params, t)).toBeCloseTo(expected, 6);
    }
    expect(bgNbdExpectedPurchases(fit.params, 0)).toBe(0);
  });

  it('E[Y(t) | x, tx, T] and P(alive) agree with integrating the posterior over p', () => {
    // λ integrated out analytically (Gamma–Poisson); p numerically. Alive-part of the likelihood:
    // (1−p)^x (α+T)^−(r+x); dropped-after-last-purchase part: p(1−p)^(x−1) (α+tx)^−(r+x).
    const { r, alpha, a, b } = fit.params;
    for (const row of [rows[0], { frequency: 5, recency: 20, T: 35 }, { frequency: 1, recency: 2, T: 38 }]) {
      const { frequency: x, recency: tx, T } = row;
      const alive = integrateBeta((p) => Math.pow(1 - p, x) * Math.pow(alpha + T, -(r + x)), a, b);
      const dead = integrateBeta((p) => p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -(r + x)), a, b);
      const t = 39;
      const future = integrateBeta(
        (p) =>
          p === 0
            ? (((r + x) * t) / (alpha + T)) * Math.pow(alpha + T, -(r + x))
            : (Math.pow(1 - p, x) / p) * (Math.pow(alpha + T, -(r + x)) - Math.pow(alpha + T + p * t, -(r + x))),
        a,
        b
      );
      expect(bgNbdProbAlive(fit.params, row)).toBeCloseTo(alive / (alive + dead), 7);
      expect(bgNbdConditionalPurchases(fit.params, t, row)).toBeCloseTo(future / (alive + dead), 6);
    }
  });

  it('E[Y(t)] after Euler’s transformation equals eq. 10 as printed, and stays finite where that overflows', () => {
    const printed = (p: BgNbdParams, t: number, x: number, T: number) => {
      const { r, alpha, a, b } = p;
      return (
        ((a + b + x - 1) / (a - 1)) *
        (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)))
      );
    };
    for (const p of [fit.params, { r: 1.41, alpha: 5.26, a: 1.87, b: 68.3 }, { r: 0.5, alpha: 30, a: 0.3, b: 0.4 }]) {
      for (const [x, T, t] of [
        [0, 1, 1],
        [1, 30, 39],
        [5, 300, 52],
        [30, 30, 365],
        [150, 300, 39]
      ]) {
        expect(bgNbdPurchasesIfAlive(p, t, x, T) / printed(p, t, x, T)).toBeCloseTo(1, 10);
      }
    }
    // (α+T)/(α+T+t) to the power r+x underflows times a ₂F₁ that overflows: −∞ as printed.
    const extreme = { r: 3, alpha: 2, a: 5, b: 1.2 };
    expect(printed(extreme, 365, 150, 1)).toBe(-Infinity);
    expect(bgNbdPurchasesIfAlive(extreme, 365, 150, 1)).toBeCloseTo(38.8, 6);
  });

  it('P(alive) is 1 without repeats and falls with time since the last purchase', () => {
    expect(bgNbdProbAlive(fit.params, { frequency: 0, recency: 0, T: 30 })).toBe(1);
    const recent = bgNbdProbAlive(fit.params, { frequency: 3, recency: 30, T: 32 });
    const lapsed = bgNbdProbAlive(fit.params, { frequency: 3, recency: 5, T: 32 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
    expect(recent).toBeLessThan(1);
  });

  it('a brand-new customer’s conditional expectation tends to E[X(t)]', () => {
    const cond = bgNbdConditionalPurchases(fit.params, 20, { frequency: 0, recency: 0, T: 1e-9 });
    expect(cond).toBeCloseTo(bgNbdExpectedPurchases(fit.params, 20), 6);
  });
});

describe('BG/NBD degenerate input', () => {
  it('throws no-repeat-buyers when nobody bought twice', () => {
    const none = rows.map((r) => ({ frequency: 0, recency: 0, T: r.T }));
    expect(() => fitBgNbd(none)).toThrow(expect.objectContaining({ code: 'no-repeat-buyers' }));
  });
  it('keeps a customer whose first purchase is on the calibration end (T = 0): likelihood 1', () => {
    const withNewcomer = fitBgNbd([...rows, { frequency: 0, recency: 0, T: 0 }]);
    expect(withNewcomer.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(() => fitBgNbd([{ frequency: 1, recency: 0, T: 0 }, ...rows])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
  it('throws too-few-customers for one customer', () => {
    expect(() => fitBgNbd([{ frequency: 2, recency: 5, T: 10 }])).toThrow(expect.objectContaining({ code: 'too-few-customers' }));
  });
  it('throws invalid-input for recency beyond T or NaN', () => {
    expect(() =>
      fitBgNbd([
        { frequency: 1, recency: 12, T: 10 },
        { frequency: 0, recency: 0, T: 3 }
      ])
    ).toThrow(ModelError);
    expect(() => fitBgNbd([{ frequency: NaN, recency: 0, T: 10 }])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

function lgammaRef(x: number): number {
  // Independent of special.ts: Stirling series after shifting x above 20.
  let shift = 0;
  while (x < 20) {
    shift -= Math.log(x);
    x += 1;
  }
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}
