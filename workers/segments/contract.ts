/**
 * The segments feature's part of the engine protocol (DOMAIN.md §4–§5; seeds 001–004):
 * segmentation breakdowns, usage bands with churn, the activity quadrant of seed 003, RFM scores,
 * k-means clusters, association rules of services held together, look-alikes, saved segments and
 * campaign target lists with a control group (seed 004). Everything crossing is plain data.
 */
import type { DerivedDataset, ProgressFn, RejectReason } from '../contract.ts';
import type {
  AnnualisedBenefitInput,
  AssociationRule,
  RetentionRoi,
  RetentionRoiInput,
  ValueFilterSavingInput,
  WelchResult
} from '../models/index.ts';
import type { StageSet } from '../lifecycle/contract.ts';
import type { CampaignColumn } from '../../common/campaignExport.ts';
import type {
  BaseFeature,
  CampaignDesign,
  CampaignLoyalty,
  CampaignOrder,
  CampaignParams,
  CampaignTier,
  LookalikeOptions,
  SegmentParams
} from '../../common/segmentParams.ts';

export type { BaseFeature, CampaignDesign, CampaignLoyalty, CampaignOrder, CampaignParams, CampaignTier, LookalikeOptions, SegmentParams };
export type { AnnualisedBenefitInput, RetentionRoi, RetentionRoiInput, ValueFilterSavingInput };

/**
 * Why a segments or campaign call can fail; the UI translates the code. `segments-needs-*`: a
 * campaign list or filter needs a result another tab computes (Lifecycle, Customer value, Churn): run it first.
 */
export type SegmentsErrorCode =
  | 'segments-needs-customers'
  | 'segments-not-built'
  | 'segments-bad-input'
  | 'segments-too-few-customers'
  | 'segments-model-failed'
  | 'segments-needs-lifecycle'
  | 'segments-needs-value'
  | 'segments-needs-churn';

export interface BreakdownRow {
  value: string;
  customers: number;
  revenue: number;
  arpu: number;
  churnRate: number | null;
}
/** Business customers in size terciles (seed 001), by a size column when the file has one, else by ARPU. */
export interface SizeBreakdown {
  basis: 'column' | 'arpu';
  column: string | null;
  rows: (BreakdownRow & { low: number; high: number })[];
}
export interface BandRow {
  band: number;
  low: number;
  high: number;
  customers: number;
  churnRate: number | null;
}
/** Frequency first: 'highLow' = frequent but small (the seed's quadrant II), 'lowHigh' = rare but large (IV). */
export type QuadrantKey = 'highHigh' | 'highLow' | 'lowHigh' | 'lowLow';
export interface QuadrantRow {
  quadrant: QuadrantKey;
  highFrequency: boolean;
  highAmount: boolean;
  customers: number;
  yearlyAmount: number;
}
/**
 * What seed 003's activity figures are (信用卡交易的频次和年刷卡总金额), over the 12 months up to the
 * data's last month, per year of the months each customer was observed: 'transactions', the yearly
 * number of transactions (a transaction log); 'activeMonths', the months with revenue a year (a
 * monthly panel has no event counts, so the seed's readings of the quadrants do not apply).
 */
export interface ActivityBasis {
  basis: 'transactions' | 'activeMonths';
  /** First and last month of the window, `YYYY-MM`. */
  from: string;
  to: string;
  /** Customers without activity figures (a panel's customers with no row in the window). */
  outside: number;
  /** A fixed sample of at most 1,000 customers for the scatter: yearly amount and frequency. */
  points: { amount: number; frequency: number }[];
}
export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  monetary: number;
}

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
  /** Quadrant thresholds in force (yearly frequency, yearly amount in yuan). */
  frequencyCut: number;
  amountCut: number;
  activity: ActivityBasis;
  quadrants: QuadrantRow[];
  /** R × F grid (customers and mean monetary score). */
  rfm: RfmCell[];
}

export interface ElbowPoint {
  k: number;
  inertia: number;
  silhouette: number;
}
export interface ClusterProfile {
  cluster: number;
  customers: number;
  means: Record<string, number>;
}
export interface ClusterResult {
  features: BaseFeature[];
  sampled: number;
  elbow: ElbowPoint[];
  k: number;
  profiles: ClusterProfile[];
}

export interface RulesResult {
  items: string[];
  customers: number;
  rules: AssociationRule[];
}

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
export interface SavedSegment {
  slug: string;
  name: string;
  customers: number;
  filter: SegmentFilter;
  definition: SegmentDefinition;
}

export interface LookalikeRow {
  customer_id: string;
  similarity: number;
}
/**
 * Look-alikes of a segment (seed 002: prospects matching existing users' profiles numbered 90–180%
 * of those users): `matched` candidates reach `minSimilarity`; `ratio` = matched / segment size.
 */
export interface LookalikeResult {
  segment: string;
  segmentSize: number;
  candidates: number;
  matched: number;
  ratio: number | null;
  minSimilarity: number;
  top: LookalikeRow[];
}

/** Which other tabs' per-customer results exist for the dataset (so which filters can be used). */
export interface CampaignSources {
  stages: boolean;
  /**
   * The stages Lifecycle computed (rule set, stage codes, their A–E analogs), null when it has not
   * run: the stage filter takes one of these codes, or an A–E letter for the stages standing for it.
   */
  stageSet: StageSet | null;
  /** Customer value has assessed the dataset: a list needs it (value, tiers, credit grade X). */
  value: boolean;
  /** The assessment's evaluation month (`YYYY-MM`), which is the list's; null before it ran. */
  evaluationMonth: string | null;
  churn: boolean;
}

/**
 * A step of seed 004's flow (全网名单 → 常规筛选 → 客户价值筛选 → 目标名单) and what it removes:
 * offNetwork: no row in the evaluation month, or the churn row of that month; special: credit grade
 * X (test, official, labour-service and secondary lines: never marketing targets); segment, arpu,
 * stage, churnRisk: the usual filters that were set; controlDrawn: the seed design's control list,
 * drawn from the conventional list before the value screening; negativeValue, bottomValue,
 * valueTier, loyalty: the value screening; holdoutDrawn: the holdout design's uncontacted control.
 */
export type CampaignStep =
  | 'offNetwork'
  | 'special'
  | 'segment'
  | 'arpu'
  | 'stage'
  | 'churnRisk'
  | 'controlDrawn'
  | 'negativeValue'
  | 'bottomValue'
  | 'valueTier'
  | 'loyalty'
  | 'holdoutDrawn';
export interface FunnelStep {
  step: CampaignStep;
  removed: number;
  remaining: number;
}
export interface CampaignFunnel {
  /** Every customer in the data: where the funnel starts. */
  customers: number;
  /** In order; the last step's `remaining` is the target list. */
  steps: FunnelStep[];
  /** Customers passing the usual filters (the conventional list). */
  conventional: number;
}
/** What an arm of the list holds, before any outcome is known. */
export interface ArmProfile {
  customers: number;
  /** Share in the Customer value tab's high value tier; null for an empty arm. */
  highValueShare: number | null;
  meanValue: number | null;
  meanArpu: number | null;
  /** Customers Customer value did not assess (kept by the value screening, listed last). */
  notAssessed: number;
}

export interface CampaignRow {
  customer_id: string;
  /** Position in its arm's list, 1 = first. */
  rank: number;
  /** Mean monthly revenue of the 3 months up to the evaluation month (months on the network). */
  arpu: number | null;
  /** Composite value (Customer value tab); null when not assessed. */
  value: number | null;
  tier: string | null;
  credit: string | null;
  loyalty: string | null;
  elasticity: number | null;
  elasticity_layer: string | null;
  churn_probability: number | null;
  /** Lifecycle stage in the evaluation month; null without the Lifecycle tab. */
  stage: string | null;
  customer_type: string | null;
  region: string | null;
  plan: string | null;
  arm: 'target' | 'control';
}
export interface CampaignList {
  evaluationMonth: string;
  /** The parameters the list was built with: both arms' definitions. */
  params: CampaignParams;
  funnel: CampaignFunnel;
  target: number;
  control: number;
  arms: Record<'target' | 'control', ArmProfile>;
  sources: CampaignSources;
  /** The target arm's first rows. */
  preview: CampaignRow[];
}

/** Columns of a list export (common/campaignExport.ts, where the worker, the page and the CLI read their order). */
export type { CampaignColumn };
/** The export's words in the UI language, from the page's messages: the worker only fills them in. */
export interface CampaignCsvLabels {
  headers: Record<CampaignColumn, string>;
  /** Code → text for the coded columns; a code without a text is written as it is. */
  codes: Record<'tier' | 'loyalty' | 'elasticity_layer' | 'arm' | 'stage', Record<string, string>>;
  /** The recommended lever or offer for each stage code. */
  levers: Record<string, string>;
}

export interface ArmSummary {
  customers: number;
  /** Offered the campaign (both arms in the seed design; the holdout is not). */
  marketed: boolean;
  successRate: number;
  arpuBefore: number;
  /** Mean ARPU after the campaign: the seed's output per head (人均产出). */
  arpuAfter: number;
  /** Share in the Customer value tab's high value tier. */
  highValueShare: number;
}
/**
 * The ARPU difference of the retention ROI (seed 004: "挽留成功的客户产出的效益提升 … 按高客户价值客户的ARPU和对照组的
 * ARPU值之差估算"): mean monthly ARPU after the campaign of the value-screened list's successes minus
 * that of the control group's successes; null when either arm has none. (Read as the successes of
 * the two lists, it gives the seed's order of magnitude: 216万 ÷ (12,000 × 12) ≈ 15 yuan.)
 */
export interface RetainedArpu {
  targetSuccesses: number;
  targetArpu: number | null;
  controlSuccesses: number;
  controlArpu: number | null;
  difference: number | null;
}
/** ARPU before and after by elasticity layer of the marketed customers (seed 004: high +15.7%, low −4.4%). */
export interface LayerChange {
  layer: string;
  customers: number;
  arpuBefore: number;
  arpuAfter: number;
  change: number | null;
}
export interface OutcomeRow {
  customer_id: string;
  responded: boolean;
  arpu_before: number;
  arpu_after: number;
  subsidy?: number | null;
  arm?: 'target' | 'control' | null;
}
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
export interface SubsidyPoint {
  rate: number;
  customers: number;
  responders: number;
  conversion: number;
  fitted: number | null;
}
/**
 * Net gain per targeted customer in an ARPU band (yuan / month):
 * take-up × (ARPU change of takers − ARPU change of non-takers − subsidy per taker).
 */
export interface BandGain {
  low: number;
  high: number | null;
  customers: number;
  responders: number;
  takeUp: number;
  takerChange: number | null;
  otherChange: number | null;
  subsidyPerTaker: number | null;
  net: number | null;
}
export type SubsidyProblem = 'no-subsidy' | 'no-responders' | 'few-rates' | 'no-peak' | 'one-band';
export interface SubsidyAnalysis {
  hasSubsidy: boolean;
  /** Computed from the loaded outcome file's subsidy and response columns, or from the simulation. */
  curve: SubsidyPoint[];
  /** Customers on no point: no subsidy, or no ARPU before to rate it against. */
  withoutRate: number;
  /** Subsidy rate where the fitted conversion curve peaks (seed 004: 20%); null when it does not. */
  controlPoint: number | null;
  bands: BandGain[];
  /** Index into bands of the band with the highest net gain; null when fewer than two bands can be judged. */
  best: number | null;
  problems: SubsidyProblem[];
}
export interface CampaignEvaluation {
  design: CampaignDesign;
  target: ArmSummary;
  control: ArmSummary;
  /** ARPU change target − control with a Welch 95% interval (seed design: of value screening; holdout: of contacting). */
  uplift: WelchResult;
  source: 'simulated' | 'file';
  subsidy: SubsidyAnalysis;
  arpuDifference: RetainedArpu;
  byLayer: LayerChange[];
}

/** The seed's campaign arithmetic in one call: the retention ROI, per channel, the value filter's saving, the top-up case. */
export interface CampaignArithmeticInput {
  retention: RetentionRoiInput;
  /**
   * Channel success rates (seed: outbound calls 7%, SMS/e-mail 0.5%) and each channel's cost per name
   * contacted: the retention case run through each channel (its list, cost per success, ARPU
   * difference and months), the contact cost paid for every name.
   */
  channels: { channel: string; successRate: number; costPerContact: number }[];
  saving: ValueFilterSavingInput;
  topUp: AnnualisedBenefitInput;
}
export interface CampaignArithmetic {
  retention: RetentionRoi;
  channels: { channel: string; successRate: number; costPerContact: number; roi: RetentionRoi }[];
  saving: { dropped: number; saving: number };
  topUp: { successes: number; monthly: number; total: number };
}

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
  /**
   * Whole-network list → usual filters → value screening → target list, with the control arm of the
   * chosen design (table `campaign_<id>`). Needs the Customer value assessment.
   */
  buildCampaign(datasetId: string, params: CampaignParams): Promise<CampaignList>;
  /** One arm of the list in its order as CSV (UTF-8 BOM, cents), headers and codes in the caller's words. */
  campaignCsv(datasetId: string, arm: 'target' | 'control', labels: CampaignCsvLabels): Promise<string>;
  /** Reads an outcome file through the ingest and keeps its rows as `campout_<id>`. */
  loadOutcomes(datasetId: string, file: Blob, name: string): Promise<OutcomeLoad>;
  /**
   * Evaluates the list from the loaded outcome file ('file') or from outcomes simulated with a
   * planted response (null), with the subsidy curve and the ARPU bands (upper bounds, yuan).
   */
  evaluateCampaign(datasetId: string, source: 'file' | null, seed: number, arpuBands?: number[]): Promise<CampaignEvaluation>;
  /** retentionRoi and the seed's other cases (workers/models/campaign.ts), for the calculator and the teaching tour. */
  campaignArithmetic(input: CampaignArithmeticInput): Promise<CampaignArithmetic>;
}
