/**
 * The Retention & churn tab's settings in a shared link (key 'churn', see $lib/share): which
 * sections were computed, the survival split, the early-warning model's options, the confusion
 * cut-off and the risk-list filters. A link opened on the same data recomputes those sections with
 * these settings, so the same screen appears.
 */
import type { ArpuTier } from '$workers/churn/contract';
import { linked } from '$lib/share/settings.svelte';

const TIERS: readonly string[] = ['low', 'mid', 'high'];
const tierList = (v: string[]) => v.every((t) => TIERS.includes(t));
const inRange = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;

export const churnLink = linked(
  'churn',
  {
    /** Cohort retention computed (panels). */
    retention: false,
    /** Kaplan–Meier computed. */
    survival: false,
    /** Split column; '' = no split; null = the tab's default (plan when there is one). */
    split: null as string | null,
    /** Early-warning model fitted. */
    model: false,
    /** Chosen features; null = the data's default ones. */
    features: null as string[] | null,
    horizon: 3,
    l2: 1,
    seed: 1,
    low: 50,
    high: 150,
    /** Cut-off of the confusion matrix, in percent. */
    cutoff: 50,
    tiers: ['mid', 'high'] as ArpuTier[],
    minScore: 0,
    winTiers: ['high'] as ArpuTier[]
  },
  {
    split: (v) => v === null || typeof v === 'string',
    features: (v) => v === null || (Array.isArray(v) && v.every((f) => typeof f === 'string')),
    horizon: (v) => Number.isInteger(v) && inRange(1, 12)(v),
    l2: inRange(0, 1e6),
    seed: (v) => Number.isInteger(v) && v >= 0,
    low: inRange(0, 1e9),
    high: inRange(0, 1e9),
    cutoff: (v) => Number.isInteger(v) && inRange(1, 99)(v),
    tiers: tierList,
    minScore: inRange(0, 1),
    winTiers: tierList
  }
);
