/**
 * The Customer value tab's saved settings (key 'value'): the assessment's ValueParams (only what
 * differs from DEFAULT_VALUE_PARAMS is stored), the value map's measure, the group monitor's
 * grouping and measure, and the results table's sort. The tab assesses on open, so a link
 * reproduces the screen; the command line assesses with the same parameters.
 */
import { ascending, intBetween, oneOf, share, type TabSettings } from './settings.ts';
import { COMPOSITE_BASES, DEFAULT_VALUE_PARAMS, HISTORY_BASES, VALUE_ROW_KEYS, type ValueParams, type ValueRowKey } from './valueParams.ts';

export const MAP_MEASURES = ['customers', 'revenue', 'meanValue', 'churnRate', 'investment', 'revenuePerInvestment', 'roi'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const MONITOR_DIMENSIONS = ['tier', 'stage', 'segment'] as const;
export type MonitorDimension = (typeof MONITOR_DIMENSIONS)[number];
export const MONITOR_METRICS = ['profit', 'perCustomer', 'revenue', 'customers'] as const;
export type MonitorMetric = (typeof MONITOR_METRICS)[number];

export interface ValueSettings {
  params: ValueParams;
  /** Colour of the value map. */
  measure: MapMeasure;
  /** Grouping and measure of the group value monitor. */
  monitorBy: MonitorDimension;
  monitorMetric: MonitorMetric;
  sortBy: ValueRowKey;
  descending: boolean;
}

const month = (v: string | null) => v === null || /^\d{4}-\d{2}$/.test(v);
const twoShares = (v: number[]) => v.length === 2 && v.every(share) && v[0] < v[1];
const bands = (v: number[]) => v.length > 0 && v.length <= 20 && ascending(v);

export const VALUE_SETTINGS: TabSettings<ValueSettings> = {
  key: 'value',
  defaults: {
    params: DEFAULT_VALUE_PARAMS,
    measure: 'meanValue',
    monitorBy: 'tier',
    monitorMetric: 'profit',
    sortBy: 'composite',
    descending: true
  },
  checks: {
    params: {
      evaluationMonth: month,
      elasticityBase: month,
      decay: (v) => v >= 0.05 && v <= 1,
      historyBasis: oneOf(HISTORY_BASES),
      compositeBasis: oneOf(COMPOSITE_BASES),
      weights: (w) => Object.values(w).every((x) => x >= 0 && x <= 1) && Math.abs(Object.values(w).reduce((s, x) => s + x, 0) - 1) <= 1e-3,
      valueTierShares: twoShares,
      groups: intBetween(1, 5),
      creditCuts: (v) => v.length === 6 && v.every((x) => x >= 0 && x <= 100),
      loyaltyCuts: (v) => v.length === 3 && v.every(share) && ascending(v),
      elasticityLayerShares: twoShares,
      mapStrategy: { careSpend: (v) => v >= 0, careTenure: (v) => v >= 0, nurtureTenure: (v) => v >= 0 },
      spendBands: bands,
      tenureBands: bands
    },
    measure: oneOf(MAP_MEASURES),
    monitorBy: oneOf(MONITOR_DIMENSIONS),
    monitorMetric: oneOf(MONITOR_METRICS),
    sortBy: oneOf(VALUE_ROW_KEYS)
  }
};
