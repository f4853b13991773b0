/**
 * The Retention & churn tab's settings in a shared link (key 'churn', see $lib/share); the fields,
 * defaults and checks are the ones the command line reads too ($common/churnSettings).
 */
import { CHURN_SETTINGS } from '$common/churnSettings';
import { linked } from '$lib/share/settings.svelte';

export const churnLink = linked(CHURN_SETTINGS.key, CHURN_SETTINGS.defaults, CHURN_SETTINGS.checks);
