/**
 * The Lifecycle tab's settings in a shared link (key 'lifecycle', see $lib/share): the rule set, its
 * parameters and the value-tier cuts. The rule set and its parameters are checked against the rule
 * sets the engine offers once they are known (`ruleFromLink`): an unknown rule set (`"constructor"`),
 * unknown parameter keys (`__proto__`) and values outside a parameter's range fall back to the
 * defaults, each named in the link note.
 */
import type { RuleSetId, RuleSetInfo } from '$workers/lifecycle/contract';
import { linked, settings } from '$lib/share/settings.svelte';

export const lifecycleLink = linked(
  'lifecycle',
  {
    ruleSet: 'clm' as RuleSetId,
    /** Parameter values by key, as typed; null = the rule set's defaults. */
    params: null as Record<string, number> | null,
    cuts: '50, 150'
  },
  {
    ruleSet: (v) => typeof v === 'string',
    params: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
    cuts: (v) => v.length <= 200
  }
);

/** The linked rule set and its parameters, checked against what the engine offers. */
export function ruleFromLink(ruleSets: RuleSetInfo[]): { rule: RuleSetInfo; values: Record<string, number> } {
  const link = lifecycleLink.read();
  let rule = ruleSets.find((r) => r.id === link.ruleSet);
  if (!rule) {
    settings.drop('lifecycle.ruleSet');
    rule = ruleSets.find((r) => r.id === 'clm') ?? ruleSets[0];
  }
  const given: Record<string, unknown> = rule.id === link.ruleSet && link.params ? link.params : {};
  const values: Record<string, number> = {};
  for (const p of rule.params) {
    const v = Object.hasOwn(given, p.key) ? given[p.key] : undefined;
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= p.min && v <= p.max;
    if (!ok && v !== undefined) settings.drop(`lifecycle.params.${p.key}`);
    values[p.key] = ok ? v : p.value;
  }
  for (const k of Object.keys(given)) if (!rule.params.some((p) => p.key === k)) settings.drop(`lifecycle.params.${k}`);
  return { rule, values };
}
