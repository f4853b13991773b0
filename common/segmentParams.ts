/**
 * The parameters of the Segments & campaigns analyses (segment overview, look-alikes, campaign
 * lists) and their defaults: the page's forms and shared links and the engine both use them, so
 * they live here, beside no code of either side. The rest of the protocol is in
 * workers/segments/contract.ts.
 */

export type BaseFeature = 'frequency' | 'monetary' | 'recency_days' | 'arpu' | 'voice' | 'data' | 'sms' | 'vas';
export const BASE_FEATURES: BaseFeature[] = ['arpu', 'frequency', 'monetary', 'recency_days', 'voice', 'data', 'sms', 'vas'];

export interface SegmentParams {
  /** Quadrant thresholds; null = the medians. */
  frequencyCut: number | null;
  amountCut: number | null;
  /** NTILE bins of RFM (default 5). */
  rfmBins: number;
  /** Measure of the usage-volume bands. */
  usageMeasure: BaseFeature;
  usageBins: number;
}
export const DEFAULT_SEGMENT_PARAMS: SegmentParams = { frequencyCut: null, amountCut: null, rfmBins: 5, usageMeasure: 'arpu', usageBins: 5 };

export interface LookalikeOptions {
  /** Cosine similarity (standardised profiles) to the segment's centroid that counts as a match. */
  minSimilarity: number;
  /** Candidates only from this saved segment (e.g. customers not yet using a service); null = everyone else. */
  pool: string | null;
}
export const DEFAULT_LOOKALIKE: LookalikeOptions = { minSimilarity: 0.8, pool: null };

/** How the target list is ordered (seed 004: "put high-value and high-elasticity customers first"). */
export type CampaignOrder = 'value' | 'elasticity';
export type CampaignTier = 'high' | 'medium' | 'low';
export type CampaignLoyalty = 'high' | 'fairlyHigh' | 'average' | 'low';

export interface CampaignParams {
  segment: string | null;
  arpuMin: number | null;
  arpuMax: number | null;
  /**
   * Lifecycle stage of each customer's last month (Lifecycle tab): a stage code of the rule set that
   * ran (CampaignSources.stageSet), or an A–E letter for the stages that stand for it; null = any.
   */
  stage: string | null;
  /** Value tier (Customer value tab's scores); null = any. */
  valueTier: CampaignTier | null;
  /** Loyalty band (Customer value tab's scores); null = any. */
  loyalty: CampaignLoyalty | null;
  /**
   * Churn-risk filter: minimum predicted churn probability (0–1) from the churn tab's model;
   * customers the model did not score are left out when set. null = any.
   */
  minChurnRisk: number | null;
  /** value: by value (composite when assessed, else ARPU); elasticity: by value elasticity, then value. */
  order: CampaignOrder;
  /** Share of the filtered customers dropped from the bottom by value (seed: 5%). */
  dropBottom: number;
  controlShare: number;
  seed: number;
}
export const DEFAULT_CAMPAIGN: CampaignParams = {
  segment: null, arpuMin: null, arpuMax: null, stage: null, valueTier: null, loyalty: null, minChurnRisk: null,
  order: 'value', dropBottom: 0.05, controlShare: 0.1, seed: 1
};
