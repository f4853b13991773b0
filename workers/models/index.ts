/**
 * The numeric model library: plain TypeScript, no DOM, importable in Node and in the engine worker.
 * Every function returns plain data; failures throw ModelError with a stable `code`.
 */
export { ModelError, type ModelErrorCode } from './errors.ts';
export { digamma, hyp2f1, lbeta, lgamma, logAddExp, logSumExp } from './special.ts';
export {
  bfgs,
  choleskySolve,
  minimise,
  minimisePositive,
  nelderMead,
  newton,
  numericalGradient,
  type MinimiseResult,
  type Objective
} from './optimise.ts';
export { kaplanMeier, medianSurvival, survivalAt, type KaplanMeierResult } from './kaplanMeier.ts';
export { fitLogisticRegression, predictLogistic, type LogisticModel, type LogisticOptions } from './logistic.ts';
export {
  calibrationBins,
  confusionMatrix,
  gainsTable,
  rocAuc,
  rocCurve,
  type CalibrationBin,
  type ConfusionMatrix,
  type GainsRow
} from './metrics.ts';
export { rfmSummary, type RfmOptions, type RfmSummaryRow, type Transaction } from './rfm.ts';
export {
  bgNbdConditionalPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbAlive,
  bgNbdPurchasesIfAlive,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdParams,
  type RfmRow
} from './bgNbd.ts';
export {
  fitMbgNbd,
  mbgNbdConditionalPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbAlive,
  mbgNbdPurchasesIfAlive,
  type MbgNbdParams
} from './mbgNbd.ts';
export {
  fitParetoNbd,
  paretoNbdConditionalPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbAlive,
  paretoNbdProbAliveFor,
  paretoNbdPurchasesIfAlive,
  type ParetoNbdFit,
  type ParetoNbdParams
} from './paretoNbd.ts';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  type GammaGammaFit,
  type GammaGammaParams,
  type SpendRow
} from './gammaGamma.ts';
export {
  bgBbConditionalTransactions,
  bgBbExpectedTransactions,
  bgBbLogLikelihood,
  bgBbProbAlive,
  fitBgBb,
  type BgBbFit,
  type BgBbParams,
  type BgBbRow
} from './bgBb.ts';
export {
  fitSbg,
  sbgChurnProbability,
  sbgDerl,
  sbgLogLikelihood,
  sbgRetentionRate,
  sbgSurvival,
  type SbgFit,
  type SbgParams
} from './sbg.ts';
export { discountedClv, type ClvOptions, type ClvResult } from './clv.ts';
export { fitLinearRegression, predictLinear, type LinearModel } from './linearRegression.ts';
export { pcaWeights, principalComponents, symmetricEigen, type PrincipalComponents } from './pca.ts';
export { entropyWeights } from './entropyWeight.ts';
export {
  compositeShares,
  decayedMonths,
  loyaltyBand,
  marginalReturn,
  percentileRanks,
  rankLayers,
  seedHistoricalValue,
  valueElasticity,
  yearsAndMonths,
  type LoyaltyBand
} from './valueScores.ts';
export { kmeans, kmeansPlusPlus, lloyd, silhouette, standardise, type KMeansResult } from './kmeans.ts';
export { associationRules, type AssociationRule } from './associationRules.ts';
export {
  annualisedBenefit,
  retentionRoi,
  splitControl,
  studentTCdf,
  studentTQuantile,
  valueFilterSaving,
  welchInterval,
  type AnnualisedBenefitInput,
  type RetentionRoi,
  type RetentionRoiInput,
  type ValueFilterSavingInput,
  type WelchResult
} from './campaign.ts';
