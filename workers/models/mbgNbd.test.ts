// Reference: MBG/NBD on the CDNOW 1/10 sample (2,357 customers, weeks, calibration to 1997-09-30):
// r = 0.525, α = 6.183, a = 0.891, b = 1.614, as BTYDplus (Platzer, mbgnbd.EstimateParameters on
// cdnow.sample()) estimates them and lifetimes 0.11 checks them to three decimals
// (tests/test_estimation.py, TestModifiedBetaGeoFitter.test_params_out_is_close_to_BTYDplus).
// Inputs computed from the raw CDNOW_sample.txt. The expectations are checked against integrating
// the model's definition over p ~ Beta(a, b), independently of the closed forms.
import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowWeeklySummary, loadCdnowSampleTransactions, type CdnowSummaryRow } from '../../tests/fixtures/models/cdnow.ts';
import {
  integrateBeta,
  newtonStep,
  objectiveAndReference,
  GRADIENT_SAMPLE,
  expectObjectiveMatches
} from '../../tests/fixtures/models/mleChecks.ts';
import { bgNbdObjective } from './bgNbd.ts';
import {
  fitMbgNbd,
  mbgNbdConditionalPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbAlive,
  type MbgNbdFit
} from './mbgNbd.ts';
import { prepareRfmRows } from './rows.ts';

let rows: CdnowSummaryRow[];
let fit: MbgNbdFit;
beforeAll(() => {
  rows = cdnowWeeklySummary(loadCdnowSampleTransactions());
  fit = fitMbgNbd(rows);
});

describe('fitMbgNbd on the CDNOW sample', () => {
  it('reproduces BTYDplus / lifetimes to three decimals, at the exact optimum', () => {
    expect(fit.params.r).toBeCloseTo(0.525, 3);
    expect(fit.params.alpha).toBeCloseTo(6.183, 3);
    expect(fit.params.a).toBeCloseTo(0.891, 3);
    expect(fit.params.b).toBeCloseTo(1.614, 3);
    expect(fit.converged).toBe(true);
    expect(fit.unidentified).toEqual([]);
    const { values, weights, total } = prepareRfmRows(rows);
    for (const d of newtonStep(bgNbdObjective(values, weights, total, true), Object.values(fit.params)))
      expect(Math.abs(d)).toBeLessThan(1e-8);
  });

  it('reports the printed likelihood summed over every customer', () => {
    const sum = rows.reduce((s, r) => s + mbgNbdLogLikelihood(fit.params, r.frequency, r.recency, r.T), 0);
    expect(fit.logLikelihood).toBeCloseTo(sum, 6);
  });
});

describe('MBG/NBD likelihood gradient', () => {
  it('equals central differences of the printed likelihood, one-time buyers included', () => {
    const { objective, reference } = objectiveAndReference(
      GRADIENT_SAMPLE,
      (values, weights, total) => bgNbdObjective(values, weights, total, true),
      ([r, alpha, a, b], x, tx, T) => mbgNbdLogLikelihood({ r, alpha, a, b }, x, tx, T)
    );
    expectObjectiveMatches(objective, reference, [0.525, 6.183, 0.891, 1.614]);
  });
});

describe('MBG/NBD expectations against the model integrated over p ~ Beta(a, b)', () => {
  // λ is integrated out analytically (Gamma–Poisson). A customer alive after the last of x repeat
  // purchases has passed x + 1 dropout chances; expected purchases of an alive customer in t are
  // (1/p)(1 − e^−λpt).
  it('a new customer: drops at once with probability p, else buys (1/p)(1 − (α/(α+pt))^r) on average', () => {
    const { r, alpha, a, b } = fit.params;
    const norm = integrateBeta(() => 1, a, b);
    for (const t of [1, 10, 39, 78]) {
      const direct =
        integrateBeta((p) => (p === 0 ? (r * t) / alpha : ((1 - p) / p) * (1 - Math.pow(alpha / (alpha + p * t), r))), a, b) / norm;
      expect(mbgNbdExpectedPurchases(fit.params, t)).toBeCloseTo(direct, 6);
    }
    expect(mbgNbdExpectedPurchases(fit.params, 0)).toBe(0);
  });

  it('P(alive) and E[Y(t) | x, tₓ, T], one-time buyers included', () => {
    const { r, alpha, a, b } = fit.params;
    const t = 39;
    for (const row of [
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 5, recency: 20, T: 35 },
      { frequency: 1, recency: 2, T: 38 }
    ]) {
      const { frequency: x, recency: tx, T } = row;
      const alive = integrateBeta((p) => Math.pow(1 - p, x + 1) * Math.pow(alpha + T, -(r + x)), a, b);
      const dropped = integrateBeta((p) => p * Math.pow(1 - p, x) * Math.pow(alpha + tx, -(r + x)), a, b);
      const future = integrateBeta(
        (p) =>
          p === 0
            ? (((r + x) * t) / (alpha + T)) * Math.pow(alpha + T, -(r + x))
            : (Math.pow(1 - p, x + 1) / p) * (Math.pow(alpha + T, -(r + x)) - Math.pow(alpha + T + p * t, -(r + x))),
        a,
        b
      );
      expect(mbgNbdProbAlive(fit.params, row)).toBeCloseTo(alive / (alive + dropped), 7);
      expect(mbgNbdConditionalPurchases(fit.params, t, row)).toBeCloseTo(future / (alive + dropped), 6);
    }
    // Unlike BG/NBD, a one-time buyer is not certainly alive, and less so the longer ago they bought.
    expect(mbgNbdProbAlive(fit.params, { frequency: 0, recency: 0, T: 30 })).toBeLessThan(
      mbgNbdProbAlive(fit.params, { frequency: 0, recency: 0, T: 5 })
    );
  });
});

describe('MBG/NBD degenerate input', () => {
  it('throws no-repeat-buyers when nobody bought twice, and too-few-customers for one customer', () => {
    expect(() => fitMbgNbd(rows.map((r) => ({ frequency: 0, recency: 0, T: r.T })))).toThrow(
      expect.objectContaining({ code: 'no-repeat-buyers' })
    );
    expect(() => fitMbgNbd([{ frequency: 2, recency: 5, T: 10 }])).toThrow(expect.objectContaining({ code: 'too-few-customers' }));
  });
});
