/**
 * The Lifetime value tab's settings in a shared link (key 'ltv', see $lib/share), one part per
 * panel: the teaching table's inputs; the BTYD split, CLV options and sort; BG/BB's horizon; sBG's
 * counts and options. `fitted` records that the user fitted that panel, so a link opened on the
 * same data fits it again with these settings and the same screen appears.
 */
import type { LtvSortKey, LtvUnit, PurchaseModelId } from '$workers/ltv/contract';
import { linked } from '$lib/share/settings.svelte';
import { DEFAULTS } from './ltvTable';

const between = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;
const int = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
const isoDate = (v: string) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
const SORT_KEYS: readonly string[] = [
  'customerId',
  'frequency',
  'recency',
  'T',
  'monetaryValue',
  'pAlive',
  'expectedPurchases',
  'expectedSpend',
  'clv'
];

export const ltvLink = linked(
  'ltv',
  {
    teach: {
      acquired: DEFAULTS.acquired,
      mode: 'perYear' as 'constant' | 'perYear',
      constantPct: 70,
      perYearPct: (DEFAULTS.retention as number[]).map((r) => r * 100),
      revenue: DEFAULTS.revenuePerCustomer,
      directPct: DEFAULTS.directCostRate * 100,
      acquisition: DEFAULTS.acquisitionCost,
      discountPct: DEFAULTS.discountRate * 100,
      years: DEFAULTS.years,
      /** The retention-vs-acquisition comparison: illustrative (1,000 customers at the default cost). */
      budget: 250_000,
      upliftPts: 10
    },
    btyd: {
      fitted: false,
      unit: 'week' as LtvUnit,
      /** '' = half-way through the data. */
      calibrationEnd: '',
      /** '' = the end of the data. */
      observationEnd: '',
      model: 'bgNbd' as PurchaseModelId,
      /** Periods ahead; 0 = the holdout's length (what a fit sets). */
      t: 0,
      marginPct: 30,
      discountPct: 10,
      horizon: 12,
      topN: 20,
      sort: 'clv' as LtvSortKey,
      descending: true
    },
    bgbb: { fitted: false, horizon: 5 },
    sbg: { fitted: false, text: '1000, 631, 468, 382, 326, 289, 262, 241', projectTo: 12, discountPct: 10 }
  },
  {
    teach: {
      acquired: between(0, 1e9),
      mode: (v) => v === 'constant' || v === 'perYear',
      constantPct: between(0, 100),
      perYearPct: (v) => v.length >= 1 && v.length <= 30 && v.every(between(0, 100)),
      revenue: between(0, 1e9),
      directPct: between(0, 100),
      acquisition: between(0, 1e9),
      discountPct: between(0, 100),
      years: int(1, 30),
      budget: between(0, 1e12),
      upliftPts: between(0, 100)
    },
    btyd: {
      unit: (v) => v === 'day' || v === 'week' || v === 'month',
      calibrationEnd: isoDate,
      observationEnd: isoDate,
      // Any model id: the worker scores with the anchor model when this one is unknown or did not fit.
      model: (v) => /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(v),
      t: between(0, 1e4),
      marginPct: between(0, 100),
      discountPct: between(0, 100),
      horizon: int(1, 240),
      topN: int(1, 1000),
      sort: (v) => SORT_KEYS.includes(v)
    },
    bgbb: { horizon: int(0, 100) },
    sbg: { text: (v) => v.length <= 2000, projectTo: int(1, 100), discountPct: between(0.5, 100) }
  }
);
