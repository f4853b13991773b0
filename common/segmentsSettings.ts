/**
 * The Segments tab's saved settings. Key 'segmentsTab' ('segments' holds the saved segment
 * definitions per file, written by the workspace): the overview's parameters (quadrant cuts, RFM
 * bins, usage measure and bins) and whether it was built, the rules' minimum support, the
 * clusters' features, k and seed and whether they ran, and the edits to the lever list (checked by
 * the page, which shows the levers). Key 'campaign': the campaign list's parameters. The page's
 * links and the command line's campaign list read both.
 */
import { intBetween, nullOr, oneOf, type TabSettings } from './settings.ts';
import { BASE_FEATURES, DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS, type BaseFeature, type CampaignParams } from './segmentParams.ts';

export interface SegmentsSettings {
  built: boolean;
  rfmBins: number;
  usageBins: number;
  usageMeasure: BaseFeature;
  /** Quadrant thresholds; null = the medians. */
  freqCut: number | null;
  amountCut: number | null;
  minSupport: number;
  clustered: boolean;
  features: BaseFeature[];
  k: number;
  seed: number;
  /** The page's edits to the lever list (src/lib/features/segments/levers.ts checks them). */
  levers: unknown[];
}

const feature = oneOf(BASE_FEATURES);
const cut = (v: number | null) => v === null || (typeof v === 'number' && Number.isFinite(v));

export const SEGMENTS_SETTINGS: TabSettings<SegmentsSettings> = {
  key: 'segmentsTab',
  defaults: {
    built: false,
    rfmBins: DEFAULT_SEGMENT_PARAMS.rfmBins,
    usageBins: DEFAULT_SEGMENT_PARAMS.usageBins,
    usageMeasure: DEFAULT_SEGMENT_PARAMS.usageMeasure,
    freqCut: null,
    amountCut: null,
    minSupport: 0.05,
    clustered: false,
    features: ['arpu', 'frequency'],
    k: 4,
    seed: 1,
    levers: []
  },
  checks: {
    rfmBins: intBetween(2, 10),
    usageBins: intBetween(2, 20),
    usageMeasure: feature,
    freqCut: cut,
    amountCut: cut,
    minSupport: (v) => v > 0 && v < 1,
    features: (v) => v.every(feature),
    k: intBetween(2, 8),
    seed: Number.isInteger
  }
};

const numberOrNull = (lo: number, hi: number) => (v: number | null) => v === null || (typeof v === 'number' && v >= lo && v <= hi);

/**
 * The campaign list's parameters, field by field; anything off falls back to the default. They
 * define both arms (the control design, the usual filters, the value screening), so a colleague's
 * browser (or the command line) builds the same two lists from the same data.
 */
export const CAMPAIGN_SETTINGS: TabSettings<CampaignParams> = {
  key: 'campaign',
  defaults: DEFAULT_CAMPAIGN,
  checks: {
    segment: (v) => v === null || typeof v === 'string',
    arpuMin: numberOrNull(-1e12, 1e12),
    arpuMax: numberOrNull(-1e12, 1e12),
    // A stage code of any rule set (or an A–E letter): short letters and digits; what it names is the engine's check.
    stage: (v) => v === null || /^[A-Za-z][\w-]{0,31}$/.test(v),
    valueTier: nullOr(oneOf(['high', 'medium', 'low'])),
    loyalty: nullOr(oneOf(['high', 'fairlyHigh', 'average', 'low'])),
    minChurnRisk: numberOrNull(0, 1),
    order: oneOf(['value', 'elasticity']),
    design: oneOf(['seed', 'holdout']),
    dropBottom: (v) => v >= 0 && v <= 0.99,
    controlShare: (v) => v >= 0 && v <= 0.99,
    seed: Number.isInteger
  }
};
