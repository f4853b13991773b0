// Reference: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive
// Marketing 21(1), §4: the 'regular' cohort 1000, 631, 468, 382, 326, 289, 262, 241 gives
// α = 0.704, β = 1.182; the 'high end' cohort 1000, 869, 743, 653, 593, 551, 517, 491 gives
// α = 0.668, β = 3.806. (Cohort counts as listed in ../shared/docs/DOMAIN.md §6.) Note: the task
// brief paired the estimates the other way round; the fits here cannot be paired that way (the
// regular cohort loses 36.9% in year 1, and α/(α+β) = 0.373 for (0.704, 1.182) but 0.149 for
// (0.668, 3.806)); each published pair is the MLE of exactly one cohort, as tested here.
// The paper fits years 1–7, i.e. all 8 counts (start of years 0..7, seven churn periods): that
// reproduces the published digits; fitting only the first 7 counts gives α = 0.718, β = 1.208
// (regular) and α = 0.749, β = 4.335 (high end), which do not (third test).
import { describe, expect, it } from 'vitest';
import { fitSbg, sbgChurnProbability, sbgDerl, sbgRetentionRate, sbgSurvival } from './sbg.ts';

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitSbg on the Fader & Hardie (2007) cohorts', () => {
  it('reproduces the regular cohort: α = 0.704, β = 1.182', () => {
    const fit = fitSbg(REGULAR);
    expect(fit.params.alpha).toBeCloseTo(0.704, 3);
    expect(fit.params.beta).toBeCloseTo(1.182, 3);
    expect(fit.converged).toBe(true);
  });
  it('reproduces the high-end cohort: α = 0.668, β = 3.806', () => {
    const fit = fitSbg(HIGH_END);
    expect(fit.params.alpha).toBeCloseTo(0.668, 3);
    expect(fit.params.beta).toBeCloseTo(3.806, 3);
  });
  it('the first 7 counts alone do not reproduce the paper (documents the choice above)', () => {
    expect(fitSbg(REGULAR.slice(0, 7)).params.alpha).not.toBeCloseTo(0.704, 2);
    expect(fitSbg(HIGH_END.slice(0, 7)).params.alpha).not.toBeCloseTo(0.668, 2);
  });
});

describe('sBG survival, retention and DERL', () => {
  const params = fitSbg(REGULAR).params;
  it('S(t) equals 1 − Σ P(T = k) and retention r_t = S(t)/S(t−1)', () => {
    let s = 1;
    for (let t = 1; t <= 12; t++) {
      s -= sbgChurnProbability(params, t);
      expect(sbgSurvival(params, t)).toBeCloseTo(s, 12);
      expect(sbgRetentionRate(params, t)).toBeCloseTo(sbgSurvival(params, t) / sbgSurvival(params, t - 1), 12);
    }
    expect(sbgSurvival(params, 0)).toBe(1);
  });
  it('retention rates increase with tenure (the paper’s sorting effect)', () => {
    for (let t = 2; t <= 12; t++) expect(sbgRetentionRate(params, t)).toBeGreaterThan(sbgRetentionRate(params, t - 1));
  });
  it('DERL equals the discounted sum Σ_{t≥n} S(t)/S(n−1) / (1+d)^(t−n)', () => {
    for (const renewals of [0, 1, 4]) {
      const n = renewals + 1;
      const d = 0.1;
      let sum = 0;
      for (let t = n; t < n + 2000; t++) sum += sbgSurvival(params, t) / sbgSurvival(params, n - 1) / Math.pow(1 + d, t - n);
      expect(sbgDerl(params, d, renewals)).toBeCloseTo(sum, 9);
    }
  });
});

describe('sBG degenerate input', () => {
  it('throws clear codes', () => {
    expect(() => fitSbg([1000])).toThrow(expect.objectContaining({ code: 'too-few-rows' }));
    expect(() => fitSbg([1000, 1000, 1000])).toThrow(expect.objectContaining({ code: 'no-churn' }));
    expect(() => fitSbg([1000, 0, 0])).toThrow(expect.objectContaining({ code: 'all-churned' }));
    expect(() => fitSbg([1000, 1200])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => sbgDerl({ alpha: 1, beta: 1 }, 0, 0)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
  it('a cohort with constant retention gives finite estimates or not-converged, never NaN', () => {
    // 50% churn every period: θ has no heterogeneity, α, β → ∞ along α/(α+β) = 0.5.
    try {
      const fit = fitSbg([1024, 512, 256, 128, 64, 32]);
      expect(Number.isFinite(fit.params.alpha) && Number.isFinite(fit.params.beta)).toBe(true);
      expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeCloseTo(0.5, 2);
    } catch (error) {
      expect(error).toMatchObject({ code: 'not-converged' });
    }
  });
});
