/**
 * Every tab's settings in a link, checked together when a link or a settings file is opened, so the
 * note names at once every field that failed, not only those of the tabs visited. (The lifecycle
 * parameters are checked against the engine's rule sets when the Lifecycle tab first computes.)
 */
import { churnLink } from '$lib/features/churn/link';
import { lifecycleLink } from '$lib/features/lifecycle/link';
import { ltvLink } from '$lib/features/ltv/link';
import { bandsLink, campaignLink, segmentsLink } from '$lib/features/segments/link';
import { valueLink } from '$lib/features/value/link';
import { linkRoles } from '$lib/workspace/workspace.svelte';

export function checkLinkedSettings(): void {
  for (const link of [lifecycleLink, churnLink, ltvLink, valueLink, segmentsLink, campaignLink, bandsLink]) link.read();
  linkRoles();
}
