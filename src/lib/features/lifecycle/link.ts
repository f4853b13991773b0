/**
 * The Lifecycle tab's settings in a shared link (key 'lifecycle', see $lib/share); the fields,
 * defaults and checks, and the check of the rule set against those offered, are the ones the
 * command line reads too ($common/lifecycleSettings).
 */
import type { RuleSetInfo } from '$workers/lifecycle/contract';
import { LIFECYCLE_SETTINGS, ruleFromSettings } from '$common/lifecycleSettings';
import { linked, settings } from '$lib/share/settings.svelte';

export const lifecycleLink = linked(LIFECYCLE_SETTINGS.key, LIFECYCLE_SETTINGS.defaults, LIFECYCLE_SETTINGS.checks);

/** The linked rule set and its parameters, checked against what the engine offers. */
export function ruleFromLink(ruleSets: RuleSetInfo[]): { rule: RuleSetInfo; values: Record<string, number> } {
  return ruleFromSettings(lifecycleLink.read(), ruleSets, (path) => settings.drop(path));
}
