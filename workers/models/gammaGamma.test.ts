// Reference: Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (brucehardie.com
// note 025), CDNOW 1/10 sample, the 946 repeat buyers of the 39-week calibration period:
// p = 6.25, q = 3.74, γ = 15.44. Inputs computed from the raw CDNOW_sample.txt. The published
// values are reproduced with purchases on the same day summed into one transaction before
// averaging the repeat transactions (as lifetimes' summary_data_from_transaction_data does);
// averaging the raw file lines instead gives p = 6.10, q = 3.86, γ = 16.15 (checked, not used).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cdnowWeeklySummary,
  loadCdnowMasterTransactions,
  loadCdnowSampleTransactions,
  type CdnowSummaryRow
} from '../../tests/fixtures/models/cdnow.ts';
import { gradientError, newtonStep, relativeDifference } from '../../tests/fixtures/models/mleChecks.ts';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, gammaGammaObjective, type GammaGammaFit } from './gammaGamma.ts';
import { lgamma } from './special.ts';

let rows: CdnowSummaryRow[];
let fit: GammaGammaFit;
beforeAll(() => {
  rows = cdnowWeeklySummary(loadCdnowSampleTransactions());
  fit = fitGammaGamma(rows);
});

describe('fitGammaGamma on the CDNOW sample', () => {
  it('reproduces Fader & Hardie (2013) on the 946 repeat buyers', () => {
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.v).toBeCloseTo(15.44, 2);
    expect(fit.converged).toBe(true);
  });

  it('is the exact optimum, reached in few evaluations', () => {
    const repeat = rows.filter((r) => r.frequency > 0);
    const objective = gammaGammaObjective(
      repeat.map((r) => [r.frequency, r.monetaryValue]),
      repeat.map(() => 1),
      repeat.length
    );
    for (const d of newtonStep(objective, Object.values(fit.params))) expect(Math.abs(d)).toBeLessThan(1e-8);
    expect(fit.unidentified).toEqual([]);
    expect(fit.evaluations).toBeLessThan(40); // 317 with Nelder–Mead + finite-difference BFGS
  });

  it('CDNOW master: the previous optimiser’s parameters (commit d6ca96d) to 1e-6', () => {
    const master = fitGammaGamma(cdnowWeeklySummary(loadCdnowMasterTransactions()));
    const before = { p: 6.275359421851715, q: 3.624449869547618, v: 14.983685396321304 };
    expect(relativeDifference(master.params, before)).toBeLessThan(1e-6);
  });

  it('has the gradient of central differences of eq. 3 summed with gammaGammaLogLikelihood', () => {
    const sample = [
      [1, 20],
      [1, 5.5],
      [2, 40],
      [7, 12.25],
      [30, 18]
    ];
    const weights = [3, 1, 2, 1, 1];
    const objective = gammaGammaObjective(sample, weights, 8);
    const reference = ([p, q, v]: number[]) =>
      -sample.reduce((s, [x, m], i) => s + weights[i] * gammaGammaLogLikelihood({ p, q, v }, x, m), 0) / 8;
    for (const theta of [
      [6.25, 3.74, 15.44],
      [0.5, 1.2, 3],
      [40, 80, 600]
    ]) {
      expect(objective(theta, [0, 0, 0]) / reference(theta)).toBeCloseTo(1, 13);
      expect(gradientError(objective, reference, theta)).toBeLessThan(1e-7);
    }
  });

  it('the density integrates to one over m̄ₓ', () => {
    // ∫ f(m | p, q, γ, x) dm = 1, by Simpson on m = e^u.
    for (const x of [1, 3]) {
      const n = 20_000;
      const lo = Math.log(1e-4),
        hi = Math.log(1e6);
      const h = (hi - lo) / n;
      let sum = 0;
      for (let i = 0; i <= n; i++) {
        const u = lo + i * h;
        const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
        sum += w * Math.exp(gammaGammaLogLikelihood(fit.params, x, Math.exp(u)) + u);
      }
      expect((sum * h) / 3).toBeCloseTo(1, 6);
    }
  });
});

describe('gammaGammaExpectedSpend', () => {
  it('is the population mean pγ/(q−1) without repeats and moves towards m̄ₓ with x', () => {
    const { p, q, v } = fit.params;
    expect(gammaGammaExpectedSpend(fit.params, { frequency: 0, monetaryValue: 0 })).toBeCloseTo((p * v) / (q - 1), 10);
    const few = gammaGammaExpectedSpend(fit.params, { frequency: 1, monetaryValue: 100 });
    const many = gammaGammaExpectedSpend(fit.params, { frequency: 50, monetaryValue: 100 });
    expect(few).toBeLessThan(many);
    expect(Math.abs(many - 100)).toBeLessThan(2);
  });

  it('equals the posterior mean of p/ν computed by integration', () => {
    // ν | data ~ Gamma(px+q, γ + x m̄ₓ), so E[p/ν] = p(γ + x m̄ₓ)/(px+q−1); check by quadrature.
    const { p, q, v } = fit.params;
    const x = 2,
      m = 40;
    const shape = p * x + q,
      rate = v + x * m;
    const n = 20_000,
      hi = 2;
    let num = 0,
      den = 0;
    for (let i = 1; i <= n; i++) {
      const nu = (i / n) * hi;
      const w = i === n ? 1 : i % 2 ? 4 : 2;
      const dens = Math.exp(shape * Math.log(rate) - lgamma(shape) + (shape - 1) * Math.log(nu) - rate * nu);
      num += w * (p / nu) * dens;
      den += w * dens;
    }
    expect(gammaGammaExpectedSpend(fit.params, { frequency: x, monetaryValue: m })).toBeCloseTo(num / den, 6);
  });
});

describe('Gamma–Gamma degenerate input', () => {
  it('leaves out and counts repeat buyers with zero spend (they occur in CDNOW master)', () => {
    const withZero = [...rows, { frequency: 2, monetaryValue: 0, count: 3 }];
    const refit = fitGammaGamma(withZero);
    expect(refit.excludedNonPositiveSpend).toBe(3);
    expect(refit.params.p).toBeCloseTo(fit.params.p, 6);
  });
  it('all spends equal: no finite optimum, not-converged (never NaN)', () => {
    const same = [1, 2, 3, 4, 5, 6].map((x) => ({ frequency: x, monetaryValue: 20 }));
    try {
      const f = fitGammaGamma(same);
      expect(Object.values(f.params).every(Number.isFinite)).toBe(true);
    } catch (error) {
      expect(error).toMatchObject({ code: 'not-converged' });
    }
  });
  it('throws no-repeat-buyers, too-few-customers and invalid-input', () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(expect.objectContaining({ code: 'no-repeat-buyers' }));
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 10 }])).toThrow(expect.objectContaining({ code: 'too-few-customers' }));
    expect(() =>
      fitGammaGamma([
        { frequency: 1.5, monetaryValue: 5 },
        { frequency: 1, monetaryValue: 3 }
      ])
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() =>
      fitGammaGamma([
        { frequency: 2, monetaryValue: NaN },
        { frequency: 1, monetaryValue: 3 }
      ])
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
