/**
 * The churn early-warning model: design from the training rows, the shared L2 logistic regression
 * (workers/models fitLogisticRegression), and its judgement on the holdout — ROC AUC, gains/lift by
 * decile, calibration by decile of predicted risk, confusion tables at cut-offs 0.01 … 0.99 — then
 * scores with reason codes for the customers still active (DOMAIN.md §2, seed 000's 离网预警).
 */
import { fitLogisticRegression, gainsTable, predictLogistic, rocAuc, rocCurve } from '../models/index.ts';
import type { ArpuTier, ArpuTierCuts, ChurnModelResult, RiskRow } from './contract.ts';
import { buildDesign, columnLabel, encodeRow, reasonCodes, type FeatureSpec } from './design.ts';
import { churnError } from './errors.ts';

type FeatureRow = Record<string, unknown>;

/** Training, holdout and scoring rows of a churn model, as the feature builders (features.ts) make them. */
export interface ModelSplit {
  train: FeatureRow[];
  trainY: number[];
  test: FeatureRow[];
  testY: number[];
  /** Active customers to score: rows with `customer_id` and `arpu`. */
  score: FeatureRow[];
  specs: FeatureSpec[];
}

export interface ModelInput extends ModelSplit {
  l2: number;
  arpuTiers: ArpuTierCuts;
  header: (name: string) => string;
}

export type ModelCore = Omit<ChurnModelResult, 'holdout' | 'trainMonth' | 'testMonth' | 'scoreMonth' | 'riskCount' | 'winBackCount'>;

export function arpuTierOf(arpu: number | null, tiers: ArpuTierCuts): ArpuTier | null {
  if (arpu === null || !Number.isFinite(arpu)) return null;
  return arpu < tiers.low ? 'low' : arpu >= tiers.high ? 'high' : 'mid';
}

function checkTarget(y: readonly number[], where: 'train' | 'test'): void {
  const positives = y.reduce((s, v) => s + v, 0);
  if (y.length === 0) throw churnError('churn-too-few-rows', `no ${where} rows`);
  if (positives === 0) throw churnError('churn-no-churners', `no churners in the ${where} rows`);
  if (positives === y.length) throw churnError('churn-all-churned', `every ${where} row churned`);
}

export function fitChurn(input: ModelInput): { core: ModelCore; risk: RiskRow[] } {
  checkTarget(input.trainY, 'train');
  checkTarget(input.testY, 'test');
  const design = buildDesign(input.train, input.specs);
  if (design.columns.length === 0) throw churnError('churn-no-features', 'no feature varies in the training rows');
  const X = input.train.map((r) => encodeRow(design, r));
  const model = fitLogisticRegression(X, input.trainY, { l2: input.l2 });
  const testScores = predictLogistic(
    model,
    input.test.map((r) => encodeRow(design, r))
  );
  const auc = rocAuc(testScores, input.testY);
  const gains = gainsTable(testScores, input.testY, 10).map((g) => ({
    group: g.group,
    count: g.count,
    positives: g.positives,
    lift: g.lift,
    cumulativeShare: g.cumulativeShare,
    cumulativeGain: g.cumulativeGain
  }));
  const risk = input.score.map((row) => {
    const z = encodeRow(design, row);
    const [score] = predictLogistic(model, [z]);
    const arpu = typeof row.arpu === 'number' && Number.isFinite(row.arpu) ? row.arpu : null;
    return {
      customerId: String(row.customer_id),
      score,
      arpu,
      arpuTier: arpuTierOf(arpu, input.arpuTiers),
      reasons: reasonCodes(design, model.coefficients, z, row).map((r) => ({ ...r, feature: input.header(r.feature) }))
    };
  });
  risk.sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId));
  return {
    core: {
      trainRows: X.length,
      testRows: testScores.length,
      trainChurners: input.trainY.reduce((s, v) => s + v, 0),
      testChurners: input.testY.reduce((s, v) => s + v, 0),
      auc,
      coefficients: design.columns.map((c, j) => ({ feature: columnLabel(c, input.header), coefficient: model.coefficients[j] })),
      intercept: model.intercept,
      dropped: design.dropped.map(input.header),
      converged: model.converged,
      gains,
      calibration: calibrationDeciles(testScores, input.testY),
      roc: rocCurve(testScores, input.testY),
      confusion: confusionByCutoff(testScores, input.testY)
    },
    risk
  };
}

/** Mean predicted risk against the observed churn rate in deciles of predicted risk. */
export function calibrationDeciles(scores: readonly number[], labels: readonly number[], groups = 10): ModelCore['calibration'] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const out: ModelCore['calibration'] = [];
  for (let g = 0; g < groups; g++) {
    const slice = order.slice(Math.floor((g * order.length) / groups), Math.floor(((g + 1) * order.length) / groups));
    if (slice.length === 0) continue;
    out.push({
      group: g + 1,
      count: slice.length,
      meanPredicted: slice.reduce((s, i) => s + scores[i], 0) / slice.length,
      observedRate: slice.reduce((s, i) => s + labels[i], 0) / slice.length
    });
  }
  return out;
}

/** Confusion counts at cut-offs 0.01 … 0.99 (predicted churner when score ≥ cut-off). */
export function confusionByCutoff(scores: readonly number[], labels: readonly number[]): ModelCore['confusion'] {
  const out: ModelCore['confusion'] = [];
  for (let c = 1; c <= 99; c++) {
    const cutoff = c / 100;
    let tp = 0,
      fp = 0,
      tn = 0,
      fn = 0;
    scores.forEach((s, i) => {
      if (s >= cutoff) {
        if (labels[i] === 1) tp++;
        else fp++;
      } else if (labels[i] === 1) fn++;
      else tn++;
    });
    out.push({ cutoff, tp, fp, tn, fn });
  }
  return out;
}
