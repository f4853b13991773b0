/**
 * The segments feature's part of the engine protocol (DOMAIN.md §4–§5; seeds 001–004):
 * segmentation breakdowns, usage bands with churn, the activity quadrant of seed 003, RFM scores,
 * k-means clusters, association rules of services held together, look-alikes, saved segments and
 * campaign target lists with a control group (seed 004). Everything crossing is plain data.
 */
import type { DerivedDataset, ProgressFn, RejectReason } from '../contract.ts';
import type { AssociationRule, WelchResult } from '../models/index.ts';
import type { StageSet } from '../lifecycle/contract.ts';
import type { BaseFeature, CampaignLoyalty, CampaignOrder, CampaignParams, CampaignTier, LookalikeOptions, SegmentParams } from '../../common/segmentParams.ts';

export type { BaseFeature, CampaignLoyalty, CampaignOrder, CampaignParams, CampaignTier, LookalikeOptions, SegmentParams };

/**
 * Why a segments or campaign call can fail; the UI translates the code. `segments-needs-*`: a
 * campaign filter needs a result another tab computes (Lifecycle, Customer value, Churn): run it first.
 */
export type SegmentsErrorCode =
  | 'segments-needs-customers' | 'segments-not-built' | 'segments-bad-input' | 'segments-too-few-customers'
  | 'segments-model-failed' | 'segments-needs-lifecycle' | 'segments-needs-value' | 'segments-needs-churn';

export interface BreakdownRow { value: string; customers: number; revenue: number; arpu: number; churnRate: number | null }
/** Business customers in size terciles (seed 001), by a size column when the file has one, else by ARPU. */
export interface SizeBreakdown {
  basis: 'column' | 'arpu';
  column: string | null;
  rows: (BreakdownRow & { low: number; high: number })[];
}
export interface BandRow { band: number; low: number; high: number; customers: number; churnRate: number | null }
export type QuadrantKey = 'highHigh' | 'highLow' | 'lowHigh' | 'lowLow';
export interface QuadrantRow { quadrant: QuadrantKey; highFrequency: boolean; highAmount: boolean; customers: number; revenue: number }
export interface RfmCell { r: number; f: number; customers: number; monetary: number }

export interface SegmentOverview {
  customers: number;
  features: BaseFeature[];
  byType: BreakdownRow[];
  byIndustry: BreakdownRow[];
  /** Business customers by size; null when no customer type marks businesses. */
  bySize: SizeBreakdown | null;
  /** Customers by leading use (value 'voice' | 'data' | 'sms' | 'none'); empty with fewer than two usage columns. */
  byUsage: BreakdownRow[];
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
/**
 * Look-alikes of a segment (seed 002: prospects matching existing users' profiles numbered 90–180%
 * of those users): `matched` candidates reach `minSimilarity`; `ratio` = matched / segment size.
 */
export interface LookalikeResult { segment: string; segmentSize: number; candidates: number; matched: number; ratio: number | null; minSimilarity: number; top: LookalikeRow[] }

/** Which other tabs' per-customer results exist for the dataset (so which filters can be used). */
export interface CampaignSources {
  stages: boolean;
  /**
   * The stages Lifecycle computed (rule set, stage codes, their A–E analogs), null when it has not
   * run: the stage filter takes one of these codes, or an A–E letter for the stages standing for it.
   */
  stageSet: StageSet | null;
  value: boolean;
  churn: boolean;
}

export interface CampaignRow {
  customer_id: string;
  /** 1 = first in the list's order. */
  rank: number;
  arpu: number;
  /** Composite value (Customer value tab); null when not assessed. */
  value: number | null;
  tier: string | null;
  loyalty: string | null;
  elasticity: number | null;
  churn_probability: number | null;
  customer_type: string | null;
  region: string | null;
  plan: string | null;
  stage: string | null;
  arm: 'target' | 'control';
}
export interface CampaignList {
  eligible: number; dropped: number; target: number; control: number;
  hasStages: boolean;
  sources: CampaignSources;
  /** What "value" meant for the drop and the order. */
  valueBasis: 'composite' | 'arpu';
  order: CampaignOrder;
  preview: CampaignRow[];
}

export interface ArmSummary { customers: number; successRate: number; arpuBefore: number; arpuAfter: number; highValueShare: number }
export interface OutcomeRow { customer_id: string; responded: boolean; arpu_before: number; arpu_after: number; subsidy?: number | null; arm?: 'target' | 'control' | null }
export type OutcomeField = 'customer_id' | 'responded' | 'arpu_before' | 'arpu_after' | 'subsidy' | 'arm';

/** An outcome file read through the engine's ingest (encoding, quoting, number formats, rejects). */
export interface OutcomeLoad {
  fileName: string;
  rowsInFile: number;
  loaded: number;
  rejected: number;
  reasons: RejectReason[];
  /** The file's header matched to each field (null: not found). */
  columns: Record<OutcomeField, string | null>;
  /** Required fields without a column; when any, nothing was kept. */
  missing: OutcomeField[];
  /** Loaded rows whose customer is on the current list, and those that are not. */
  matched: number;
  unmatched: number;
}

/** One subsidy-rate point of the conversion curve (rates rounded to the nearest 5%). */
export interface SubsidyPoint { rate: number; customers: number; responders: number; conversion: number; fitted: number | null }
/**
 * Net gain per targeted customer in an ARPU band (yuan / month):
 * take-up × (ARPU change of takers − ARPU change of non-takers − subsidy per taker).
 */
export interface BandGain {
  low: number; high: number | null; customers: number; responders: number; takeUp: number;
  takerChange: number | null; otherChange: number | null; subsidyPerTaker: number | null; net: number | null;
}
export type SubsidyProblem = 'no-subsidy' | 'no-responders' | 'few-rates' | 'no-peak' | 'one-band';
export interface SubsidyAnalysis {
  hasSubsidy: boolean;
  curve: SubsidyPoint[];
  /** Subsidy rate where the fitted conversion curve peaks (seed 004: 20%); null when it does not. */
  controlPoint: number | null;
  bands: BandGain[];
  /** Index into bands of the band with the highest net gain; null when fewer than two bands can be judged. */
  best: number | null;
  problems: SubsidyProblem[];
}
export interface CampaignEvaluation { target: ArmSummary; control: ArmSummary; uplift: WelchResult; source: 'simulated' | 'file'; subsidy: SubsidyAnalysis }

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
  lookalikes(datasetId: string, slug: string, features: BaseFeature[], topN: number, options?: LookalikeOptions): Promise<LookalikeResult>;
  campaignSources(datasetId: string): Promise<CampaignSources>;
  /** Filters, drops the bottom share by value, orders and splits the list (table `campaign_<id>`). */
  buildCampaign(datasetId: string, params: CampaignParams): Promise<CampaignList>;
  /** One arm of the list in its order as CSV (UTF-8 BOM), with the score columns the list used. */
  campaignCsv(datasetId: string, arm: 'target' | 'control'): Promise<string>;
  /** Reads an outcome file through the ingest and keeps its rows as `campout_<id>`. */
  loadOutcomes(datasetId: string, file: Blob, name: string): Promise<OutcomeLoad>;
  /**
   * Evaluates the list from the loaded outcome file ('file') or from outcomes simulated with a
   * planted response (null), with the subsidy curve and the ARPU bands (upper bounds, yuan).
   */
  evaluateCampaign(datasetId: string, source: 'file' | null, seed: number, arpuBands?: number[]): Promise<CampaignEvaluation>;
}
