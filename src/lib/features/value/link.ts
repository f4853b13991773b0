/**
 * The Customer value tab's settings in a shared link (key 'value', see $lib/share); the fields,
 * defaults and checks are the ones the command line reads too ($common/valueSettings).
 */
import { VALUE_SETTINGS } from '$common/valueSettings';
import { linked } from '$lib/share/settings.svelte';

export { MAP_MEASURES, MONITOR_DIMENSIONS, MONITOR_METRICS } from '$common/valueSettings';
export type { MapMeasure, MonitorDimension, MonitorMetric } from '$common/valueSettings';

export const valueLink = linked(VALUE_SETTINGS.key, VALUE_SETTINGS.defaults, VALUE_SETTINGS.checks);
