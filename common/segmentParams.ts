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
export const DEFAULT_SEGMENT_PARAMS: SegmentParams = {
  frequencyCut: null,
  amountCut: null,
  rfmBins: 5,
  usageMeasure: 'arpu',
  usageBins: 5
};

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
/**
 * The control group's design. 'seed' (seed 004's 对照组): a seeded random share of the conventional
 * list (the usual filters, no value screening) is the control list; the rest is value-screened into
 * the target list; both are marketed, and the comparison is of success rate, high-value share and
 * output per head. 'holdout': a seeded random share of the value-screened list is not contacted,
 * for the uplift of contacting.
 */
export type CampaignDesign = 'seed' | 'holdout';

/**
 * A campaign list as seed 004 builds it: whole-network list (customers on the network in the
 * Customer value assessment's evaluation month, special lines left out) → the usual filters
 * (segment, ARPU, lifecycle stage, churn risk) → the value screening (negative values, the bottom
 * share by value among the assessed, optionally a value tier or loyalty band) → target list.
 */
export interface CampaignParams {
  segment: string | null;
  /** Range of the 3-month ARPU up to the evaluation month (yuan); null = open. */
  arpuMin: number | null;
  arpuMax: number | null;
  /**
   * Lifecycle stage in the evaluation month (Lifecycle tab): a stage code of the rule set that ran
   * (CampaignSources.stageSet), or an A–E letter for the stages that stand for it; null = any.
   */
  stage: string | null;
  /**
   * Churn-risk filter: minimum predicted churn probability (0–1) from the churn tab's model;
   * customers the model did not score are left out when set. null = any.
   */
  minChurnRisk: number | null;
  /** Value screening: value tier (Customer value tab); null = any. */
  valueTier: CampaignTier | null;
  /** Value screening: loyalty band (Customer value tab); null = any. */
  loyalty: CampaignLoyalty | null;
  /** Value screening: share of the assessed customers dropped from the bottom by value rank (seed: 5%). */
  dropBottom: number;
  /** value: by composite value; elasticity: by value elasticity, then value. */
  order: CampaignOrder;
  design: CampaignDesign;
  /** Share of the conventional list (seed design) or of the value-screened list (holdout) drawn as control. */
  controlShare: number;
  seed: number;
}
export const DEFAULT_CAMPAIGN: CampaignParams = {
  segment: null,
  arpuMin: null,
  arpuMax: null,
  stage: null,
  minChurnRisk: null,
  valueTier: null,
  loyalty: null,
  dropBottom: 0.05,
  order: 'value',
  design: 'seed',
  controlShare: 0.1,
  seed: 1
};
