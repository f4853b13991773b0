/**
 * Classification metrics for churn scores: ROC AUC, lift/gains table, calibration bins and the
 * confusion matrix at a cut-off. Labels are 0/1; ratios that would be 0/0 are `null`, never NaN.
 */
import { ModelError, assertFinite } from './errors.ts';

function checkScores(scores: readonly number[], labels: readonly number[]): { positives: number; negatives: number } {
  if (scores.length !== labels.length) {
    throw new ModelError('dimension-mismatch', `scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
  assertFinite(scores, 'scores');
  let positives = 0;
  labels.forEach((l, i) => {
    if (l !== 0 && l !== 1) throw new ModelError('invalid-input', `label at ${i} must be 0 or 1`, { index: i });
    positives += l;
  });
  return { positives, negatives: labels.length - positives };
}

/** Ranks 1..n of the values, ties given their average rank. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let k = 0; k < order.length;) {
    let end = k;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[k]]) end++;
    const rank = (k + end) / 2 + 1;
    for (let m = k; m <= end; m++) ranks[order[m]] = rank;
    k = end + 1;
  }
  return ranks;
}

/**
 * Area under the ROC curve by the Mann–Whitney statistic (Hanley & McNeil 1982):
 * AUC = (R₁ − n₁(n₁+1)/2) / (n₁n₀), R₁ the sum of the positives' ranks, ties at their average rank
 * (a tied positive/negative pair counts ½).
 * @throws {ModelError} 'dimension-mismatch', 'invalid-input', 'no-variation-in-target'
 *   (AUC needs both classes)
 * @example rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const { positives, negatives } = checkScores(scores, labels);
  if (positives === 0 || negatives === 0) {
    throw new ModelError('no-variation-in-target', 'ROC AUC needs both positive and negative labels');
  }
  const ranks = averageRanks(scores);
  let rankSum = 0;
  for (let i = 0; i < ranks.length; i++) if (labels[i] === 1) rankSum += ranks[i];
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Points of the ROC curve (false positive rate, true positive rate) from (0, 0) to (1, 1), one per
 * distinct score from the highest down (Fawcett 2006, "An introduction to ROC analysis", alg. 2),
 * so tied scores make one diagonal step and the trapezoidal area under the points equals
 * `rocAuc`. Long curves are thinned to about `maxPoints` points, keeping both ends.
 * @throws {ModelError} 'dimension-mismatch', 'invalid-input', 'no-variation-in-target'
 * @example rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // (0,0) (0,.5) (.5,.5) (.5,1) (1,1)
 */
export function rocCurve(scores: readonly number[], labels: readonly number[], maxPoints = 201): { fpr: number; tpr: number }[] {
  const { positives, negatives } = checkScores(scores, labels);
  if (positives === 0 || negatives === 0) {
    throw new ModelError('no-variation-in-target', 'the ROC curve needs both positive and negative labels');
  }
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const points = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] === 1) tp++;
    else fp++;
    if (k + 1 === order.length || scores[order[k + 1]] !== scores[order[k]]) points.push({ fpr: fp / negatives, tpr: tp / positives });
  }
  if (points.length <= maxPoints) return points;
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round(i * step)]);
}

export interface GainsRow {
  /** 1 = highest scores. */
  group: number;
  count: number;
  positives: number;
  /** Positive rate in the group. */
  rate: number;
  /** Group rate / overall rate. */
  lift: number;
  /** Share of all customers in groups 1..group. */
  cumulativeShare: number;
  /** Share of all positives captured in groups 1..group (the gains curve). */
  cumulativeGain: number;
  /** Cumulative positive rate / overall rate. */
  cumulativeLift: number;
}

/**
 * Lift and cumulative gains by score quantile group (Berry & Linoff, "Data Mining Techniques",
 * ch. on model evaluation): customers sorted by score, highest first, cut into `groups` groups of
 * (nearly) equal size; tied scores are kept in one group (assigned by their first position).
 * @throws {ModelError} 'dimension-mismatch', 'invalid-input', 'no-variation-in-target' (no positives)
 */
export function gainsTable(scores: readonly number[], labels: readonly number[], groups = 10): GainsRow[] {
  const { positives } = checkScores(scores, labels);
  if (!(Number.isInteger(groups) && groups >= 1)) throw new ModelError('invalid-input', 'groups must be an integer ≥ 1');
  if (positives === 0) throw new ModelError('no-variation-in-target', 'no positive labels: lift is undefined');
  const n = scores.length;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const groupOf = new Array<number>(n);
  for (let k = 0; k < n;) {
    let end = k;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[k]]) end++;
    const g = Math.min(groups - 1, Math.floor((k * groups) / n));
    for (let m = k; m <= end; m++) groupOf[m] = g;
    k = end + 1;
  }
  const overall = positives / n;
  const rows: GainsRow[] = [];
  let cumCount = 0;
  let cumPositives = 0;
  for (let g = 0; g < groups; g++) {
    let count = 0;
    let pos = 0;
    for (let k = 0; k < n; k++) {
      if (groupOf[k] === g) {
        count++;
        pos += labels[order[k]];
      }
    }
    if (count === 0) continue;
    cumCount += count;
    cumPositives += pos;
    rows.push({
      group: g + 1,
      count,
      positives: pos,
      rate: pos / count,
      lift: pos / count / overall,
      cumulativeShare: cumCount / n,
      cumulativeGain: cumPositives / positives,
      cumulativeLift: cumPositives / cumCount / overall
    });
  }
  return rows;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (null when empty). */
  meanPredicted: number | null;
  /** Observed positive rate in the bin (null when empty). */
  observedRate: number | null;
}

/**
 * Reliability diagram bins: `bins` equal-width bins on [0, 1] of the predicted probability, with the
 * mean prediction and the observed rate in each (DeGroot & Fienberg 1983). The last bin includes 1.
 * @throws {ModelError} 'dimension-mismatch', 'invalid-input' (probabilities outside [0, 1])
 */
export function calibrationBins(probabilities: readonly number[], labels: readonly number[], bins = 10): CalibrationBin[] {
  checkScores(probabilities, labels);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new ModelError('invalid-input', 'bins must be an integer ≥ 1');
  if (probabilities.some((p) => p < 0 || p > 1)) throw new ModelError('invalid-input', 'probabilities must lie in [0, 1]');
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  probabilities.forEach((p, i) => {
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]++;
    sumP[b] += p;
    sumY[b] += labels[i];
  });
  return count.map((c, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: c,
    meanPredicted: c ? sumP[b] / c : null,
    observedRate: c ? sumY[b] / c : null
  }));
}

export interface ConfusionMatrix {
  cutoff: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  accuracy: number;
  /** TP/(TP+FP); null when nothing is predicted positive. */
  precision: number | null;
  /** Sensitivity TP/(TP+FN); null without positives. */
  recall: number | null;
  /** TN/(TN+FP); null without negatives. */
  specificity: number | null;
  /** Harmonic mean of precision and recall; null when either is null or both are 0. */
  f1: number | null;
}

/**
 * Confusion matrix with a customer predicted positive when score ≥ cutoff.
 * @throws {ModelError} 'dimension-mismatch', 'invalid-input', 'too-few-rows' (no rows)
 */
export function confusionMatrix(scores: readonly number[], labels: readonly number[], cutoff: number): ConfusionMatrix {
  checkScores(scores, labels);
  if (scores.length === 0) throw new ModelError('too-few-rows', 'no rows');
  if (!Number.isFinite(cutoff)) throw new ModelError('invalid-input', 'cutoff must be a finite number');
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= cutoff;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
    else tn++;
  });
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return {
    cutoff,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    accuracy: (tp + tn) / scores.length,
    precision,
    recall,
    specificity: ratio(tn, tn + fp),
    f1
  };
}
