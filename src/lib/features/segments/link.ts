/**
 * The Segments tab's settings in a shared link (key 'segmentsTab', see $lib/share; 'segments' holds
 * the saved segment definitions per file, written by the workspace): the overview's
 * parameters (quadrant cuts, RFM bins, usage measure and bins) and whether it was built, the rules'
 * minimum support, the clusters' features, k and seed and whether they ran, and the edits to the
 * lever list. Campaign parameters are not here (Campaign.svelte keeps its own).
 */
import type { BaseFeature } from '$workers/segments/contract';
import { BASE_FEATURES, DEFAULT_SEGMENT_PARAMS } from '$common/segmentParams';
import { linked } from '$lib/share/settings.svelte';
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
