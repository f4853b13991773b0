/**
 * The Customer value tab's settings in a shared link (key 'value', see $lib/share): the
 * assessment's ValueParams (only what differs from DEFAULT_VALUE_PARAMS is stored), the value map's
 * measure, the group monitor's grouping and measure, and the results table's sort. The tab assesses
 * on open, so a link reproduces the screen.
 */
import type { ValueParams, ValueRowKey } from '$workers/value/contract';
import { COMPOSITE_BASES, DEFAULT_VALUE_PARAMS, HISTORY_BASES, VALUE_ROW_KEYS } from '$common/valueParams';
import { linked } from '$lib/share/settings.svelte';

export const MAP_MEASURES = ['customers', 'revenue', 'meanValue', 'churnRate', 'investment', 'revenuePerInvestment', 'roi'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const MONITOR_DIMENSIONS = ['tier', 'stage', 'segment'] as const;
export type MonitorDimension = (typeof MONITOR_DIMENSIONS)[number];
export const MONITOR_METRICS = ['profit', 'perCustomer', 'revenue', 'customers'] as const;
export type MonitorMetric = (typeof MONITOR_METRICS)[number];

const month = (v: string | null) => v === null || /^\d{4}-\d{2}$/.test(v);
const share = (v: number) => v > 0 && v < 1;
const ascending = (v: number[]) => v.every((x, i) => i === 0 || x > v[i - 1]);

export const valueLink = linked(
  'value',
  {
    params: DEFAULT_VALUE_PARAMS as ValueParams,
    /** Colour of the value map. */
    measure: 'meanValue' as MapMeasure,
    /** Grouping and measure of the group value monitor. */
    monitorBy: 'tier' as MonitorDimension,
    monitorMetric: 'profit' as MonitorMetric,
    sortBy: 'composite' as ValueRowKey,
    descending: true
  },
  {
    params: {
      evaluationMonth: month,
      elasticityBase: month,
      decay: (v) => v >= 0.05 && v <= 1,
      historyBasis: (v) => HISTORY_BASES.includes(v),
      compositeBasis: (v) => COMPOSITE_BASES.includes(v),
      weights: (w) => Object.values(w).every((x) => x >= 0 && x <= 1) && Math.abs(Object.values(w).reduce((s, x) => s + x, 0) - 1) <= 1e-3,
      valueTierShares: (v) => v.length === 2 && v.every(share) && v[0] < v[1],
      groups: (v) => Number.isInteger(v) && v >= 1 && v <= 5,
      creditCuts: (v) => v.length === 6 && v.every((x) => x >= 0 && x <= 100),
      loyaltyCuts: (v) => v.length === 3 && v.every(share) && ascending(v),
      elasticityLayerShares: (v) => v.length === 2 && v.every(share) && v[0] < v[1],
      mapStrategy: { careSpend: (v) => v >= 0, careTenure: (v) => v >= 0, nurtureTenure: (v) => v >= 0 },
      spendBands: (v) => v.length > 0 && v.length <= 20 && ascending(v),
      tenureBands: (v) => v.length > 0 && v.length <= 20 && ascending(v)
    },
    measure: (v) => (MAP_MEASURES as readonly string[]).includes(v),
    monitorBy: (v) => (MONITOR_DIMENSIONS as readonly string[]).includes(v),
    monitorMetric: (v) => (MONITOR_METRICS as readonly string[]).includes(v),
    sortBy: (v) => (VALUE_ROW_KEYS as readonly string[]).includes(v)
  }
);
