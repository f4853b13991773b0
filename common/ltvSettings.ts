/**
 * The saved settings of the Lifetime value tab's BTYD panel (key 'ltv', field 'btyd'): the split,
 * the CLV options and the sort of the customer table, read by the page's link (with the tab's other
 * panels, teaching tools of the page, in src/lib/features/ltv/link.ts) and by the command line.
 */
import { between, intBetween, isoDateOrEmpty, oneOf, type TabSettings } from './settings.ts';

export type LtvUnit = 'day' | 'week' | 'month';

/** The columns the customer table sorts by. */
export const LTV_SORT_KEYS = [
  'customerId',
  'frequency',
  'recency',
  'T',
  'monetaryValue',
  'pAlive',
  'expectedPurchases',
  'expectedSpend',
  'clv'
] as const;
export type LtvSortKey = (typeof LTV_SORT_KEYS)[number];

export interface BtydSettings {
  fitted: boolean;
  unit: LtvUnit;
  /** '' = half-way through the data. */
  calibrationEnd: string;
  /** '' = the end of the data. */
  observationEnd: string;
  /** A purchase model's id (workers/ltv/models.ts); any id is kept, see its check. */
  model: string;
  /** Periods ahead; 0 = the holdout's length (what a fit sets). */
  t: number;
  marginPct: number;
  discountPct: number;
  horizon: number;
  topN: number;
  sort: LtvSortKey;
  descending: boolean;
}

export const BTYD_SETTINGS: Omit<TabSettings<BtydSettings>, 'key'> = {
  defaults: {
    fitted: false,
    unit: 'week',
    calibrationEnd: '',
    observationEnd: '',
    model: 'bgNbd',
    t: 0,
    marginPct: 30,
    discountPct: 10,
    horizon: 12,
    topN: 20,
    sort: 'clv',
    descending: true
  },
  checks: {
    unit: oneOf(['day', 'week', 'month'] satisfies LtvUnit[]),
    calibrationEnd: isoDateOrEmpty,
    observationEnd: isoDateOrEmpty,
    // Any model id: the worker scores with the anchor model when this one is unknown or did not fit.
    model: (v) => /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(v),
    t: between(0, 1e4),
    marginPct: between(0, 100),
    discountPct: between(0, 100),
    horizon: intBetween(1, 240),
    topN: intBetween(1, 1000),
    sort: oneOf(LTV_SORT_KEYS)
  }
};
