/**
 * The Segments tab's settings in a shared link (see $lib/share): the overview, the campaign list
 * (fields, defaults and checks as the command line reads them: $common/segmentsSettings) and the
 * evaluation's ARPU bands.
 */
import { CAMPAIGN_SETTINGS, SEGMENTS_SETTINGS } from '$common/segmentsSettings';
import { linked, settings } from '$lib/share/settings.svelte';
import { isLeverEdits, type LeverEdit } from './levers';

/** The tab's overview, rules, clusters and lever edits (key 'segmentsTab'); the levers are checked here, where they are shown. */
export const segmentsLink = linked(
  SEGMENTS_SETTINGS.key,
  { ...SEGMENTS_SETTINGS.defaults, levers: [] as LeverEdit[] },
  { ...SEGMENTS_SETTINGS.checks, levers: isLeverEdits }
);

/** The campaign list's parameters (key 'campaign'). */
export const campaignLink = linked(CAMPAIGN_SETTINGS.key, CAMPAIGN_SETTINGS.defaults, CAMPAIGN_SETTINGS.checks);

const DEFAULT_BANDS = '30, 50, 80, 120';

/** The ARPU band bounds of the campaign evaluation (key 'campaignBands'), as typed. */
export const bandsLink = {
  read(): string {
    const v = settings.get<unknown>('campaignBands');
    if (v === undefined) return DEFAULT_BANDS;
    if (typeof v === 'string' && /^[\d.,，\s]{1,80}$/.test(v)) return v;
    settings.drop('campaignBands');
    return DEFAULT_BANDS;
  },
  save(text: string): void {
    settings.set('campaignBands', text === DEFAULT_BANDS ? undefined : text);
  }
};
