// Scoring per (x, T) pair and per history must give each customer exactly what the per-customer
// formulas give (Fader, Hardie & Lee 2005, eq. 10 and 11; Fader & Hardie 2005, eq. 24 and 28;
// Fader & Hardie 2013, eq. 5; discounted CLV as workers/models/clv.ts): checked on every CDNOW sample
// customer for every purchase model of the registry, and the calibration-vs-holdout table likewise.
import { beforeAll, describe, expect, it } from 'vitest';
import { cdnowWeeklySummary, loadCdnowSampleTransactions } from '../../tests/fixtures/models/cdnow.ts';
import {
  bgNbdConditionalPurchases,
  bgNbdProbAlive,
  discountedClv,
  gammaGammaExpectedSpend,
  mbgNbdConditionalPurchases,
  mbgNbdProbAlive,
  paretoNbdConditionalPurchases,
  paretoNbdProbAlive
} from '../models/index.ts';
import type { LtvClvSettings, LtvFitResult, LtvRfmRow, PurchaseModelId } from './contract.ts';
import { monthlyRate, scoreCustomers, sortCustomers } from './customers.ts';
import { calibrationHoldout, fitModels, fittedPurchaseModels } from './fit.ts';
import { paramsOf } from './results.ts';

let rows: LtvRfmRow[];
let fit: LtvFitResult;
beforeAll(() => {
  rows = cdnowWeeklySummary(loadCdnowSampleTransactions());
  fit = { ...fitModels(rows), unit: 'week' } as LtvFitResult;
});

const settings = (model: PurchaseModelId): LtvClvSettings => ({
  model,
  t: 39,
  margin: 0.3,
  annualDiscount: 0.1,
  horizonMonths: 12,
  sort: 'clv',
  descending: true,
  topN: 20
});

describe('scoreCustomers', () => {
  for (const model of ['bgNbd', 'paretoNbd', 'mbgNbd'] as const) {
    it(`${model}: every customer's P(alive), purchases, spend and CLV equal the per-customer formulas`, () => {
      const s = settings(model);
      const bg = paramsOf(fit, 'bgNbd'),
        pn = paramsOf(fit, 'paretoNbd'),
        mbg = paramsOf(fit, 'mbgNbd'),
        gg = paramsOf(fit, 'gammaGamma');
      if (!bg || !pn || !mbg || !gg) throw new Error('a model did not fit');
      const formulas = {
        bgNbd: [(t: number, r: LtvRfmRow) => bgNbdConditionalPurchases(bg, t, r), (r: LtvRfmRow) => bgNbdProbAlive(bg, r)],
        paretoNbd: [(t: number, r: LtvRfmRow) => paretoNbdConditionalPurchases(pn, t, r), (r: LtvRfmRow) => paretoNbdProbAlive(pn, r)],
        mbgNbd: [(t: number, r: LtvRfmRow) => mbgNbdConditionalPurchases(mbg, t, r), (r: LtvRfmRow) => mbgNbdProbAlive(mbg, r)]
      } as const;
      const [purchases, alive] = formulas[model];
      const scored = scoreCustomers(rows, fit, s);
      expect(scored).toHaveLength(rows.length);
      scored.forEach((c, i) => {
        const r = rows[i];
        expect(c.customerId).toBe(r.customerId);
        expect(c.pAlive).toBeCloseTo(alive(r), 12);
        expect(c.expectedPurchases).toBeCloseTo(purchases(39, r), 11);
        const spend = gammaGammaExpectedSpend(gg, r);
        expect(c.expectedSpend).toBe(spend);
        const clv = discountedClv({
          expectedPurchases: (t) => purchases(t, r),
          expectedSpend: spend,
          margin: 0.3,
          discountRate: monthlyRate(0.1),
          horizon: 12,
          periodLength: 365.25 / 12 / 7
        }).clv;
        expect(c.clv! / clv).toBeCloseTo(1, 12);
      });
    });
  }
  it('the calibration-vs-holdout table equals the per-customer sums', () => {
    const bg = paramsOf(fit, 'bgNbd')!,
      pn = paramsOf(fit, 'paretoNbd')!,
      mbg = paramsOf(fit, 'mbgNbd')!;
    const table = calibrationHoldout(rows, 39, fittedPurchaseModels(fit.models));
    for (const bin of table) {
      const members = rows.filter((r) => (bin.frequency === '7+' ? r.frequency >= 7 : r.frequency === Number(bin.frequency)));
      expect(bin.customers).toBe(members.length);
      expect(bin.expected.bgNbd!).toBeCloseTo(members.reduce((s, r) => s + bgNbdConditionalPurchases(bg, 39, r), 0) / members.length, 11);
      expect(bin.expected.paretoNbd!).toBeCloseTo(
        members.reduce((s, r) => s + paretoNbdConditionalPurchases(pn, 39, r), 0) / members.length,
        11
      );
      expect(bin.expected.mbgNbd!).toBeCloseTo(
        members.reduce((s, r) => s + mbgNbdConditionalPurchases(mbg, 39, r), 0) / members.length,
        11
      );
    }
  });
});

describe('sortCustomers', () => {
  it('sorts by a number with missing values last in both directions, ties in input order, and by ID', () => {
    const base = scoreCustomers(rows.slice(0, 6), fit, settings('bgNbd'));
    const withNull = base.map((r, i) => ({ ...r, clv: i === 2 ? null : i === 4 ? base[0].clv : r.clv }));
    for (const descending of [true, false]) {
      const sorted = sortCustomers(withNull, 'clv', descending);
      expect(sorted.at(-1)!.clv).toBeNull();
      const values = sorted.slice(0, -1).map((r) => r.clv!);
      values.slice(1).forEach((v, i) => expect(descending ? values[i] >= v : values[i] <= v).toBe(true));
      const ties = sorted.filter((r) => r.clv === base[0].clv).map((r) => r.customerId);
      expect(ties).toEqual([withNull[0].customerId, withNull[4].customerId]);
    }
    const byId = sortCustomers(withNull, 'customerId', false).map((r) => r.customerId);
    expect(byId).toEqual([...byId].sort((a, b) => a.localeCompare(b)));
  });
});
