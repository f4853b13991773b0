/**
 * The Segments tab's settings in a shared link (key 'segmentsTab', see $lib/share; 'segments' holds
 * the saved segment definitions per file, written by the workspace): the overview's
 * parameters (quadrant cuts, RFM bins, usage measure and bins) and whether it was built, the rules'
 * minimum support, the clusters' features, k and seed and whether they ran, and the edits to the
 * lever list. The campaign list's parameters and the evaluation's ARPU bands have keys of their own.
 */
import type { BaseFeature } from '$workers/segments/contract';
import { BASE_FEATURES, DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS } from '$common/segmentParams';
import { linked, settings } from '$lib/share/settings.svelte';
import { isLeverEdits, type LeverEdit } from './levers';

const FEATURES: readonly string[] = BASE_FEATURES;
const int = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
const cut = (v: number | null) => v === null || (typeof v === 'number' && Number.isFinite(v));

export const segmentsLink = linked(
  'segmentsTab',
  {
    built: false,
    rfmBins: DEFAULT_SEGMENT_PARAMS.rfmBins,
    usageBins: DEFAULT_SEGMENT_PARAMS.usageBins,
    usageMeasure: DEFAULT_SEGMENT_PARAMS.usageMeasure as BaseFeature,
    /** Quadrant thresholds; null = the medians. */
    freqCut: null as number | null,
    amountCut: null as number | null,
    minSupport: 0.05,
    clustered: false,
    features: ['arpu', 'frequency'] as BaseFeature[],
    k: 4,
    seed: 1,
    levers: [] as LeverEdit[]
  },
  {
    rfmBins: int(2, 10),
    usageBins: int(2, 20),
    usageMeasure: (v) => FEATURES.includes(v),
    freqCut: cut,
    amountCut: cut,
    minSupport: (v) => v > 0 && v < 1,
    features: (v) => v.every((f) => FEATURES.includes(f)),
    k: int(2, 8),
    seed: Number.isInteger,
    levers: isLeverEdits
  }
);

/** A stage code of any rule set (or an A–E letter): short letters and digits; what it names is the engine's check. */
const stageCode = (v: string | null) => v === null || /^[A-Za-z][\w-]{0,31}$/.test(v);
const oneOf = (allowed: readonly string[]) => (v: string | null) => v === null || allowed.includes(v);
const numberOrNull = (lo: number, hi: number) => (v: number | null) => v === null || (typeof v === 'number' && v >= lo && v <= hi);

/**
 * The campaign list's parameters (key 'campaign'), field by field; anything off falls back to the
 * default. They define both arms (the control design, the usual filters, the value screening), so a
 * colleague's browser builds the same two lists from the same data.
 */
export const campaignLink = linked('campaign', DEFAULT_CAMPAIGN, {
  segment: (v) => v === null || typeof v === 'string',
  arpuMin: numberOrNull(-1e12, 1e12),
  arpuMax: numberOrNull(-1e12, 1e12),
  stage: stageCode,
  valueTier: oneOf(['high', 'medium', 'low']),
  loyalty: oneOf(['high', 'fairlyHigh', 'average', 'low']),
  minChurnRisk: numberOrNull(0, 1),
  order: (v) => v === 'value' || v === 'elasticity',
  design: (v) => v === 'seed' || v === 'holdout',
  dropBottom: (v) => v >= 0 && v <= 0.99,
  controlShare: (v) => v >= 0 && v <= 0.99,
  seed: Number.isInteger
});

const DEFAULT_BANDS = '30, 50, 80, 120';

/** The ARPU band bounds of the campaign evaluation (key 'campaignBands'), as typed. */
export const bandsLink = {
  read(): string {
    const v = settings.get<unknown>('campaignBands');
    if (v === undefined) return DEFAULT_BANDS;
    if (typeof v === 'string' && /^[\d.,，\s]{1,80}$/.test(v)) return v;
    settings.drop('campaignBands');
    return DEFAULT_BANDS;
  },
  save(text: string): void {
    settings.set('campaignBands', text === DEFAULT_BANDS ? undefined : text);
  }
};
