/**
 * The segments feature's part of the engine protocol (DOMAIN.md §4–§5; seeds 001–004):
 * segmentation breakdowns, usage bands with churn, the activity quadrant of seed 003, RFM scores,
 * k-means clusters, association rules of services held together, look-alikes, saved segments and
 * campaign target lists with a control group (seed 004). Everything crossing is plain data.
 */
import type { DerivedDataset, ProgressFn } from '../contract.ts';
import type { AssociationRule, WelchResult } from '../models/index.ts';

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

export interface BreakdownRow { value: string; customers: number; revenue: number; arpu: number; churnRate: number | null }
export interface BandRow { band: number; low: number; high: number; customers: number; churnRate: number | null }
export type QuadrantKey = 'highHigh' | 'highLow' | 'lowHigh' | 'lowLow';
export interface QuadrantRow { quadrant: QuadrantKey; highFrequency: boolean; highAmount: boolean; customers: number; revenue: number }
export interface RfmCell { r: number; f: number; customers: number; monetary: number }

export interface SegmentOverview {
  customers: number;
  features: BaseFeature[];
  byType: BreakdownRow[];
  byIndustry: BreakdownRow[];
  byRegion: BreakdownRow[];
  bands: BandRow[];
  frequencyCut: number;
  amountCut: number;
  quadrants: QuadrantRow[];
  /** R × F grid (customers and mean monetary score). */
  rfm: RfmCell[];
}

export interface ElbowPoint { k: number; inertia: number; silhouette: number }
export interface ClusterProfile { cluster: number; customers: number; means: Record<string, number> }
export interface ClusterResult { features: BaseFeature[]; sampled: number; elbow: ElbowPoint[]; k: number; profiles: ClusterProfile[] }

export interface RulesResult { items: string[]; customers: number; rules: AssociationRule[] }

/** A saved segment's definition: equality/range conditions on the segmentation base. */
export interface SegmentFilter {
  customerType?: string | null;
  industry?: string | null;
  region?: string | null;
  quadrant?: QuadrantKey | null;
  cluster?: number | null;
  /** Minimum RFM scores. */
  minR?: number | null;
  minF?: number | null;
  minM?: number | null;
  arpuMin?: number | null;
  arpuMax?: number | null;
}
/**
 * Everything needed to rebuild a saved segment on the same data: after an engine restart, or from a
 * shared link (the UI keeps definitions, the worker keeps only the member tables).
 */
export interface SegmentDefinition {
  name: string;
  filter: SegmentFilter;
  /** RFM bins of the base the scores refer to. */
  rfmBins: number;
  /** The quadrant cuts in force when the segment was saved (resolved numbers, not "median"). */
  frequencyCut: number;
  amountCut: number;
  /** The k-means run whose labels a cluster filter refers to (seeded, so it can be re-run). */
  clusters: { features: BaseFeature[]; k: number; seed: number } | null;
}
export interface SavedSegment { slug: string; name: string; customers: number; filter: SegmentFilter; definition: SegmentDefinition }

export interface LookalikeRow { customer_id: string; similarity: number }
export interface LookalikeResult { segment: string; segmentSize: number; candidates: number; top: LookalikeRow[] }

export interface CampaignParams {
  segment: string | null;
  arpuMin: number | null;
  arpuMax: number | null;
  /** Lifecycle stage letter from `lifecycle_<id>`, last month; null = any. */
  stage: string | null;
  dropBottom: number;
  controlShare: number;
  seed: number;
}
export const DEFAULT_CAMPAIGN: CampaignParams = { segment: null, arpuMin: null, arpuMax: null, stage: null, dropBottom: 0.05, controlShare: 0.1, seed: 1 };

export interface CampaignRow { customer_id: string; arpu: number; customer_type: string | null; region: string | null; plan: string | null; stage: string | null; arm: 'target' | 'control' }
export interface CampaignList { eligible: number; dropped: number; target: number; control: number; hasStages: boolean; preview: CampaignRow[] }

export interface ArmSummary { customers: number; successRate: number; arpuBefore: number; arpuAfter: number; highValueShare: number }
export interface CampaignEvaluation { target: ArmSummary; control: ArmSummary; uplift: WelchResult; source: 'simulated' | 'file' }
export interface OutcomeRow { customer_id: string; responded: boolean; arpu_before: number; arpu_after: number }

export interface SegmentsApi {
  segmentOverview(datasetId: string, params: SegmentParams, onProgress?: ProgressFn): Promise<SegmentOverview>;
  segmentClusters(datasetId: string, features: BaseFeature[], k: number, seed: number): Promise<ClusterResult>;
  segmentRules(datasetId: string, minSupport: number): Promise<RulesResult>;
  /** Saves a filter on the current base as a segment (member table `segment_<slug>_<id>`). */
  saveSegment(datasetId: string, name: string, filter: SegmentFilter): Promise<SavedSegment>;
  /** Rebuilds a saved segment from its definition (building the base and clusters it needs). */
  restoreSegment(datasetId: string, definition: SegmentDefinition): Promise<SavedSegment>;
  listSegments(datasetId: string): Promise<SavedSegment[]>;
  /**
   * The dataset's rows of a saved segment's customers as a dataset of its own (`ds_<new id>`), so
   * every other tab can analyse the segment; dropped with its parent.
   */
  segmentDataset(datasetId: string, slug: string): Promise<DerivedDataset>;
  lookalikes(datasetId: string, slug: string, features: BaseFeature[], topN: number): Promise<LookalikeResult>;
  buildCampaign(datasetId: string, params: CampaignParams): Promise<CampaignList>;
  campaignCsv(datasetId: string, arm: 'target' | 'control'): Promise<string>;
  evaluateCampaign(datasetId: string, outcomes: OutcomeRow[] | null, seed: number): Promise<CampaignEvaluation>;
}
