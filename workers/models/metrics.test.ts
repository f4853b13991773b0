// Reference for rocAuc: R 4.2.2 on the raw IBM telco file, the Mann–Whitney formula on glm fitted
// values (see logistic.test.ts for the glm call):
//   p <- fitted(g); y <- d$Churn == "Yes"; r <- rank(p); n1 <- sum(y); n0 <- sum(!y)
//   format((sum(r[y]) - n1 * (n1 + 1) / 2) / (n1 * n0), digits = 12)   # 0.829105398582
import { describe, expect, it } from 'vitest';
import { loadTelco, telcoDesign } from '../../tests/fixtures/models/telco.ts';
import { fitLogisticRegression, predictLogistic } from './logistic.ts';
import { calibrationBins, confusionMatrix, gainsTable, rocAuc, rocCurve } from './metrics.ts';

describe('rocAuc', () => {
  it('matches R on the telco glm fitted values', () => {
    const { X, y } = telcoDesign(loadTelco());
    const p = predictLogistic(fitLogisticRegression(X, y), X);
    expect(rocAuc(p, y)).toBeCloseTo(0.829105398582, 9);
  });
  it('counts ties as one half (Mann–Whitney)', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([1, 2, 2, 3], [0, 0, 1, 1])).toBe(0.875); // pairs: 1 tie (½) of 4
    expect(rocAuc([3, 2, 1], [0, 1, 1])).toBe(0);
  });
  it('needs both classes', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(expect.objectContaining({ code: 'no-variation-in-target' }));
    expect(() => rocAuc([0.1], [1, 0])).toThrow(expect.objectContaining({ code: 'dimension-mismatch' }));
    expect(() => rocAuc([NaN, 0.2], [1, 0])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('rocCurve', () => {
  /** Trapezoidal area under (fpr, tpr) points. */
  const area = (pts: { fpr: number; tpr: number }[]) =>
    pts.slice(1).reduce((a, p, i) => a + ((p.fpr - pts[i].fpr) * (p.tpr + pts[i].tpr)) / 2, 0);
  it('runs from (0,0) to (1,1) through one point per distinct score (Fawcett 2006, alg. 2)', () => {
    expect(rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 }
    ]);
    // Tied scores step diagonally, worth one half like the Mann–Whitney AUC.
    expect(rocCurve([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 1, tpr: 1 }
    ]);
  });
  it('its area is the AUC, on the telco glm fitted values too (R: 0.829105398582)', () => {
    for (const [s, y] of [
      [
        [1, 2, 2, 3],
        [0, 0, 1, 1]
      ],
      [
        [3, 2, 1],
        [0, 1, 1]
      ]
    ] as const)
      expect(area(rocCurve(s, y))).toBeCloseTo(rocAuc(s, y), 12);
    const { X, y } = telcoDesign(loadTelco());
    const p = predictLogistic(fitLogisticRegression(X, y), X);
    expect(area(rocCurve(p, y, Infinity))).toBeCloseTo(0.829105398582, 9);
    // Thinned to 201 points, the curve keeps its ends and its area to three digits.
    const thin = rocCurve(p, y);
    expect(thin).toHaveLength(201);
    expect(thin[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(thin.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(area(thin)).toBeCloseTo(0.829105398582, 3);
  });
  it('needs both classes', () => {
    expect(() => rocCurve([0.1, 0.2], [0, 0])).toThrow(expect.objectContaining({ code: 'no-variation-in-target' }));
  });
});

describe('gainsTable', () => {
  it('computes lift and cumulative gains by decile', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    const labels = scores.map((s) => (s >= 80 ? 1 : 0)); // top 20% all positive
    const table = gainsTable(scores, labels, 10);
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ group: 1, count: 10, positives: 10, rate: 1, lift: 5, cumulativeGain: 0.5 });
    expect(table[1].cumulativeGain).toBe(1);
    expect(table[9].cumulativeLift).toBeCloseTo(1, 12);
    expect(table[9].cumulativeShare).toBe(1);
  });
  it('keeps tied scores in one group', () => {
    const table = gainsTable([1, 1, 1, 1, 0], [1, 0, 1, 0, 0], 5);
    expect(table[0].count).toBe(4);
    expect(table.reduce((s, r) => s + r.count, 0)).toBe(5);
  });
});

describe('calibrationBins and confusionMatrix', () => {
  it('bins probabilities with mean prediction and observed rate', () => {
    const bins = calibrationBins([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1], 10);
    expect(bins[0]).toMatchObject({ count: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(bins[1].count).toBe(2);
    expect(bins[1].observedRate).toBe(0.5);
    expect(bins[9].count).toBe(2); // 1.0 falls in the last bin
    expect(bins[5]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
    expect(() => calibrationBins([1.2], [1])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
  it('counts the confusion matrix at a cut-off, with null for 0/0', () => {
    const m = confusionMatrix([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0], 0.5);
    expect(m).toMatchObject({ truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1, accuracy: 0.5 });
    expect(m.precision).toBe(0.5);
    expect(m.f1).toBe(0.5);
    const none = confusionMatrix([0.1, 0.2], [0, 0], 0.5);
    expect(none.precision).toBeNull();
    expect(none.recall).toBeNull();
    expect(none.specificity).toBe(1);
  });
});
