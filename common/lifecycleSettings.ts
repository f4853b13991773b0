/**
 * The Lifecycle tab's saved settings (key 'lifecycle'): the rule set, its parameters and the
 * value-tier cuts, as the page's links and the command line read them. The rule set and its
 * parameters are checked against the rule sets the engine offers once they are known
 * (`ruleFromSettings`): an unknown rule set (`"constructor"`), unknown parameter keys (`__proto__`)
 * and values outside a parameter's range fall back to the defaults, each named as dropped.
 */
import type { TabSettings } from './settings.ts';

/** The rule sets the stage engine runs, one SQL file each (workers/lifecycle/sql/stages_*.sql). */
export type RuleSetId = 'clm' | 'dataService' | 'activity';

export interface LifecycleSettings {
  ruleSet: RuleSetId;
  /** Parameter values by key, as typed; null = the rule set's defaults. */
  params: Record<string, number> | null;
  cuts: string;
}

export const LIFECYCLE_SETTINGS: TabSettings<LifecycleSettings> = {
  key: 'lifecycle',
  defaults: { ruleSet: 'clm', params: null, cuts: '50, 150' },
  checks: {
    ruleSet: (v) => typeof v === 'string',
    params: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
    cuts: (v) => v.length <= 200
  }
};

/** What `ruleFromSettings` needs of a rule set (workers/lifecycle/contract.ts RuleSetInfo). */
interface RuleSetLike {
  id: string;
  params: { key: string; value: number; min: number; max: number }[];
}

/**
 * The saved rule set and its parameter values, checked against the rule sets offered: an unknown
 * rule set gives the default one, a missing or out-of-range value its default; `drop` hears the
 * path of each field that was there but failed.
 */
export function ruleFromSettings<R extends RuleSetLike>(
  saved: LifecycleSettings,
  ruleSets: R[],
  drop: (path: string) => void
): { rule: R; values: Record<string, number> } {
  let rule = ruleSets.find((r) => r.id === saved.ruleSet);
  if (!rule) {
    drop('lifecycle.ruleSet');
    rule = ruleSets.find((r) => r.id === 'clm') ?? ruleSets[0];
  }
  const given: Record<string, unknown> = rule.id === saved.ruleSet && saved.params ? saved.params : {};
  const values: Record<string, number> = {};
  for (const p of rule.params) {
    const v = Object.hasOwn(given, p.key) ? given[p.key] : undefined;
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= p.min && v <= p.max;
    if (!ok && v !== undefined) drop(`lifecycle.params.${p.key}`);
    values[p.key] = ok ? v : p.value;
  }
  for (const k of Object.keys(given)) if (!rule.params.some((p) => p.key === k)) drop(`lifecycle.params.${k}`);
  return { rule, values };
}
