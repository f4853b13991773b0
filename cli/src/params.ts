/**
 * The parameters of each analysis, read from the settings file the site saves (Save settings): the
 * same keys, defaults and field checks as the tabs' links (src/lib/features/<tab>/link.ts; a test,
 * cli/params.test.ts, reads hostile and valid settings through both and expects the same values),
 * merged by the same `mergeLinked` (common/settings.ts). A field that fails its check falls back to
 * its default and is named on stderr, as the page names it in a note.
 */
import { readFile } from 'node:fs/promises';
import { mergeLinked, parseSettings, SETTINGS_LIMITS, type Checks, type Settings } from '../../common/settings.ts';
import { linkedRolesWith, signatureOf } from '../../common/headers.ts';
import { BASE_FEATURES, DEFAULT_CAMPAIGN, DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';
import { COMPOSITE_BASES, DEFAULT_VALUE_PARAMS, HISTORY_BASES, VALUE_ROW_KEYS } from '../../common/valueParams.ts';
import type { ColumnRole } from '../../workers/contract.ts';
import type { ArpuTier } from '../../workers/churn/contract.ts';
import type { RuleSetId, RuleSetInfo } from '../../workers/lifecycle/contract.ts';
import type { LtvSortKey, LtvUnit, PurchaseModelId } from '../../workers/ltv/contract.ts';
import type { ValueParams, ValueRowKey } from '../../workers/value/contract.ts';
import type { BaseFeature, CampaignParams } from '../../workers/segments/contract.ts';
import { ROLE_KIND } from '../../workers/engine/typed.ts';
import { CliError } from './errors.ts';

const inRange = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;
const int = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
const month = (v: string | null) => v === null || /^\d{4}-\d{2}$/.test(v);
const share = (v: number) => v > 0 && v < 1;
const ascending = (v: number[]) => v.every((x, i) => i === 0 || x > v[i - 1]);
const isoDate = (v: string) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);

export const LIFECYCLE = {
  defaults: { ruleSet: 'clm' as RuleSetId, params: null as Record<string, number> | null, cuts: '50, 150' },
  checks: {
    ruleSet: (v: string) => typeof v === 'string',
    params: (v: Record<string, number> | null) => v === null || (typeof v === 'object' && !Array.isArray(v)),
    cuts: (v: string) => v.length <= 200
  }
};

const TIERS: readonly string[] = ['low', 'mid', 'high'];
const tierList = (v: string[]) => v.every((t) => TIERS.includes(t));
export const CHURN = {
  defaults: {
    retention: false,
    survival: false,
    split: null as string | null,
    model: false,
    features: null as string[] | null,
    horizon: 3,
    l2: 1,
    seed: 1,
    low: 50,
    high: 150,
    cutoff: 50,
    tiers: ['mid', 'high'] as ArpuTier[],
    minScore: 0,
    winTiers: ['high'] as ArpuTier[]
  },
  checks: {
    split: (v: string | null) => v === null || typeof v === 'string',
    features: (v: string[] | null) => v === null || (Array.isArray(v) && v.every((f) => typeof f === 'string')),
    horizon: (v: number) => Number.isInteger(v) && inRange(1, 12)(v),
    l2: inRange(0, 1e6),
    seed: (v: number) => Number.isInteger(v) && v >= 0,
    low: inRange(0, 1e9),
    high: inRange(0, 1e9),
    cutoff: (v: number) => Number.isInteger(v) && inRange(1, 99)(v),
    tiers: tierList,
    minScore: inRange(0, 1),
    winTiers: tierList
  }
};

const MAP_MEASURES: readonly string[] = ['customers', 'revenue', 'meanValue', 'churnRate', 'investment', 'revenuePerInvestment', 'roi'];
const MONITOR_DIMENSIONS: readonly string[] = ['tier', 'stage', 'segment'];
const MONITOR_METRICS: readonly string[] = ['profit', 'perCustomer', 'revenue', 'customers'];
export const VALUE = {
  defaults: {
    params: DEFAULT_VALUE_PARAMS as ValueParams,
    measure: 'meanValue',
    monitorBy: 'tier',
    monitorMetric: 'profit',
    sortBy: 'composite' as ValueRowKey,
    descending: true
  },
  checks: {
    params: {
      evaluationMonth: month,
      elasticityBase: month,
      decay: (v: number) => v >= 0.05 && v <= 1,
      historyBasis: (v: string) => (HISTORY_BASES as readonly string[]).includes(v),
      compositeBasis: (v: string) => (COMPOSITE_BASES as readonly string[]).includes(v),
      weights: (w: Record<string, number>) =>
        Object.values(w).every((x) => x >= 0 && x <= 1) && Math.abs(Object.values(w).reduce((s, x) => s + x, 0) - 1) <= 1e-3,
      valueTierShares: (v: number[]) => v.length === 2 && v.every(share) && v[0] < v[1],
      groups: (v: number) => Number.isInteger(v) && v >= 1 && v <= 5,
      creditCuts: (v: number[]) => v.length === 6 && v.every((x) => x >= 0 && x <= 100),
      loyaltyCuts: (v: number[]) => v.length === 3 && v.every(share) && ascending(v),
      elasticityLayerShares: (v: number[]) => v.length === 2 && v.every(share) && v[0] < v[1],
      mapStrategy: { careSpend: (v: number) => v >= 0, careTenure: (v: number) => v >= 0, nurtureTenure: (v: number) => v >= 0 },
      spendBands: (v: number[]) => v.length > 0 && v.length <= 20 && ascending(v),
      tenureBands: (v: number[]) => v.length > 0 && v.length <= 20 && ascending(v)
    },
    measure: (v: string) => MAP_MEASURES.includes(v),
    monitorBy: (v: string) => MONITOR_DIMENSIONS.includes(v),
    monitorMetric: (v: string) => MONITOR_METRICS.includes(v),
    sortBy: (v: string) => (VALUE_ROW_KEYS as readonly string[]).includes(v)
  }
};

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
/** The Lifetime value tab's BTYD panel, key 'ltv' field 'btyd' (its other panels are teaching tools of the page). */
const BTYD = {
  defaults: {
    fitted: false,
    unit: 'week' as LtvUnit,
    calibrationEnd: '',
    observationEnd: '',
    model: 'bgNbd' as PurchaseModelId,
    t: 0,
    marginPct: 30,
    discountPct: 10,
    horizon: 12,
    topN: 20,
    sort: 'clv' as LtvSortKey,
    descending: true
  },
  checks: {
    unit: (v: string) => v === 'day' || v === 'week' || v === 'month',
    calibrationEnd: isoDate,
    observationEnd: isoDate,
    // Any model id: the worker scores with the anchor model when this one is unknown or did not fit.
    model: (v: string) => /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(v),
    t: inRange(0, 1e4),
    marginPct: inRange(0, 100),
    discountPct: inRange(0, 100),
    horizon: int(1, 240),
    topN: int(1, 1000),
    sort: (v: string) => SORT_KEYS.includes(v)
  }
};
export const LTV = { defaults: { btyd: BTYD.defaults }, checks: { btyd: BTYD.checks } };

const numberOrNull = (lo: number, hi: number) => (v: number | null) => v === null || (typeof v === 'number' && v >= lo && v <= hi);
const oneOf = (allowed: readonly string[]) => (v: string | null) => v === null || allowed.includes(v);
export const CAMPAIGN = {
  defaults: DEFAULT_CAMPAIGN,
  checks: {
    segment: (v: string | null) => v === null || typeof v === 'string',
    arpuMin: numberOrNull(-1e12, 1e12),
    arpuMax: numberOrNull(-1e12, 1e12),
    // A stage code of any rule set (or an A–E letter); what it names is the engine's check.
    stage: (v: string | null) => v === null || /^[A-Za-z][\w-]{0,31}$/.test(v),
    valueTier: oneOf(['high', 'medium', 'low']),
    loyalty: oneOf(['high', 'fairlyHigh', 'average', 'low']),
    minChurnRisk: numberOrNull(0, 1),
    order: (v: string) => v === 'value' || v === 'elasticity',
    design: (v: string) => v === 'seed' || v === 'holdout',
    dropBottom: (v: number) => v >= 0 && v <= 0.99,
    controlShare: (v: number) => v >= 0 && v <= 0.99,
    seed: Number.isInteger
  } as Checks<CampaignParams>
};

const FEATURES: readonly string[] = BASE_FEATURES;
const cut = (v: number | null) => v === null || (typeof v === 'number' && Number.isFinite(v));
/** The Segments tab's overview (key 'segmentsTab'): the campaign list is drawn from its base. */
export const SEGMENTS = {
  defaults: {
    built: false,
    rfmBins: DEFAULT_SEGMENT_PARAMS.rfmBins,
    usageBins: DEFAULT_SEGMENT_PARAMS.usageBins,
    usageMeasure: DEFAULT_SEGMENT_PARAMS.usageMeasure as BaseFeature,
    freqCut: null as number | null,
    amountCut: null as number | null,
    minSupport: 0.05,
    clustered: false,
    features: ['arpu', 'frequency'] as BaseFeature[],
    k: 4,
    seed: 1,
    levers: [] as unknown[]
  },
  checks: {
    rfmBins: int(2, 10),
    usageBins: int(2, 20),
    usageMeasure: (v: string) => FEATURES.includes(v),
    freqCut: cut,
    amountCut: cut,
    minSupport: (v: number) => v > 0 && v < 1,
    features: (v: string[]) => v.every((f) => FEATURES.includes(f)),
    k: int(2, 8),
    seed: Number.isInteger,
    // The lever edits are the page's (campaign levers shown beside a segment); the list does not read them.
    levers: () => true
  }
};

/** A settings file as the site saves it, with the fields it dropped (shown on stderr). */
export class SiteSettings {
  readonly dropped: string[];

  private constructor(
    readonly values: Settings,
    removed: string[]
  ) {
    this.dropped = [...removed];
  }

  /** Records a field that failed its check (once). */
  private drop(field: string): void {
    if (!this.dropped.includes(field)) this.dropped.push(field);
  }

  static empty(): SiteSettings {
    return new SiteSettings({}, []);
  }

  /** Settings already parsed (tests; a page's `settings.values`). */
  static of(values: Settings): SiteSettings {
    return new SiteSettings(values, []);
  }

  /** Reads and checks a settings file (or, for `--roles`, an array of roles); anything else is a usage error. */
  static async read(file: string, rolesArray = false): Promise<SiteSettings> {
    let text: string;
    try {
      text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    } catch (e) {
      throw new CliError('usage', `Cannot read the settings file ${file}: ${(e as Error).message}`);
    }
    if (rolesArray && /^\s*\[/.test(text) && text.length <= SETTINGS_LIMITS.chars) {
      let roles: unknown;
      try {
        roles = JSON.parse(text);
      } catch {
        throw new CliError('usage', `${file} is not JSON.`);
      }
      const bad = (roles as unknown[]).find((r) => typeof r !== 'string' || !Object.hasOwn(ROLE_KIND, r));
      if (bad !== undefined)
        throw new CliError('usage', `${file}: ${JSON.stringify(bad)} is not a column role (${Object.keys(ROLE_KIND).join(', ')}).`);
      const out = SiteSettings.empty();
      out.columnRoles = roles as ColumnRole[];
      return out;
    }
    const r = parseSettings(text);
    if ('problem' in r) throw new CliError('usage', `${file} is not a settings file saved by the site (${r.problem}).`);
    return new SiteSettings(r.values, r.removed);
  }

  /** Roles by position from a `--roles` file holding a JSON array (as `clm load --json` prints them). */
  columnRoles: ColumnRole[] | null = null;

  /**
   * Reads `--roles`: a JSON array of roles, one per column, or a settings file whose "roles" (per
   * header) are taken over those of `--settings`.
   */
  async addRoles(file: string): Promise<void> {
    const other = await SiteSettings.read(file, true);
    if (other.columnRoles) {
      this.columnRoles = other.columnRoles;
      return;
    }
    const mine = Object.hasOwn(this.values, 'roles') && this.values.roles && typeof this.values.roles === 'object' ? this.values.roles : {};
    const theirs =
      Object.hasOwn(other.values, 'roles') && other.values.roles && typeof other.values.roles === 'object' ? other.values.roles : {};
    this.values.roles = { ...mine, ...theirs };
    for (const d of other.dropped) this.drop(d);
  }

  /** One tab's settings over its defaults, checked field by field. */
  tab<T extends object>(key: string, spec: { defaults: T; checks: unknown }): T {
    const raw = Object.hasOwn(this.values, key) ? this.values[key] : undefined;
    return mergeLinked(raw, spec.defaults, spec.checks as Checks<T>, (p) => this.drop(`${key}.${p}`));
  }

  /** Roles by header signature (the ingest's `rolesByHeader`), from the settings' `roles`. */
  rolesByHeader(): Record<string, ColumnRole[]> {
    const raw = Object.hasOwn(this.values, 'roles') ? this.values.roles : undefined;
    const byKey = linkedRolesWith<ColumnRole>(
      raw,
      (r) => Object.hasOwn(ROLE_KIND, r),
      (k) => this.drop(`roles.${signatureOf(k)}`)
    );
    return Object.fromEntries(Object.entries(byKey).map(([k, roles]) => [signatureOf(k), roles]));
  }

  /** The lifecycle rule set and its parameters, checked against the rule sets offered (as `ruleFromLink`). */
  lifecycleRule(ruleSets: RuleSetInfo[]): { rule: RuleSetInfo; values: Record<string, number>; cuts: string } {
    const link = this.tab('lifecycle', LIFECYCLE);
    let rule = ruleSets.find((r) => r.id === link.ruleSet);
    if (!rule) {
      this.drop('lifecycle.ruleSet');
      rule = ruleSets.find((r) => r.id === 'clm') ?? ruleSets[0];
    }
    const given: Record<string, unknown> = rule.id === link.ruleSet && link.params ? link.params : {};
    const values: Record<string, number> = {};
    for (const p of rule.params) {
      const v = Object.hasOwn(given, p.key) ? given[p.key] : undefined;
      const ok = typeof v === 'number' && Number.isFinite(v) && v >= p.min && v <= p.max;
      if (!ok && v !== undefined) this.drop(`lifecycle.params.${p.key}`);
      values[p.key] = ok ? v : p.value;
    }
    for (const k of Object.keys(given)) if (!rule.params.some((p) => p.key === k)) this.drop(`lifecycle.params.${k}`);
    return { rule, values, cuts: link.cuts };
  }
}
