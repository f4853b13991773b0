/**
 * The Lifetime value tab's settings in a shared link (key 'ltv', see $lib/share), one part per
 * panel: the teaching table's inputs; the BTYD split, CLV options and sort; BG/BB's horizon; sBG's
 * counts and options (the BTYD part is the one the command line reads too, $common/ltvSettings).
 * `fitted` records that the user fitted that panel, so a link opened on the same data fits it again
 * with these settings and the same screen appears.
 */
import type { PurchaseModelId } from '$workers/ltv/contract';
import { BTYD_SETTINGS, type BtydSettings } from '$common/ltvSettings';
import { between, intBetween as int } from '$common/settings';
import { linked } from '$lib/share/settings.svelte';
import { DEFAULTS } from './ltvTable';

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
    btyd: BTYD_SETTINGS.defaults as BtydSettings & { model: PurchaseModelId },
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
    btyd: BTYD_SETTINGS.checks,
    bgbb: { horizon: int(0, 100) },
    sbg: { text: (v) => v.length <= 2000, projectTo: int(1, 100), discountPct: between(0.5, 100) }
  }
);
