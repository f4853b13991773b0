/**
 * The Retention & churn tab's saved settings (key 'churn'): which sections were computed, the
 * survival split, the early-warning model's options, the confusion cut-off and the risk-list
 * filters. A link opened on the same data recomputes those sections with these settings, so the
 * same screen appears; the command line scores with the same options.
 */
import { between, intBetween, type TabSettings } from './settings.ts';

export type ArpuTier = 'low' | 'mid' | 'high';
const TIERS: readonly string[] = ['low', 'mid', 'high'] satisfies ArpuTier[];
const tierList = (v: string[]) => v.every((t) => TIERS.includes(t));

export interface ChurnSettings {
  /** Cohort retention computed (panels). */
  retention: boolean;
  /** Kaplan–Meier computed. */
  survival: boolean;
  /** Split column; '' = no split; null = the tab's default (plan when there is one). */
  split: string | null;
  /** Early-warning model fitted. */
  model: boolean;
  /** Chosen features; null = the data's default ones. */
  features: string[] | null;
  horizon: number;
  l2: number;
  seed: number;
  low: number;
  high: number;
  /** Cut-off of the confusion matrix, in percent. */
  cutoff: number;
  tiers: ArpuTier[];
  minScore: number;
  winTiers: ArpuTier[];
}

export const CHURN_SETTINGS: TabSettings<ChurnSettings> = {
  key: 'churn',
  defaults: {
    retention: false,
    survival: false,
    split: null,
    model: false,
    features: null,
    horizon: 3,
    l2: 1,
    seed: 1,
    low: 50,
    high: 150,
    cutoff: 50,
    tiers: ['mid', 'high'],
    minScore: 0,
    winTiers: ['high']
  },
  checks: {
    split: (v) => v === null || typeof v === 'string',
    features: (v) => v === null || (Array.isArray(v) && v.every((f) => typeof f === 'string')),
    horizon: intBetween(1, 12),
    l2: between(0, 1e6),
    seed: (v) => Number.isInteger(v) && v >= 0,
    low: between(0, 1e9),
    high: between(0, 1e9),
    cutoff: intBetween(1, 99),
    tiers: tierList,
    minScore: between(0, 1),
    winTiers: tierList
  }
};
