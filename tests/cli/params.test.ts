/**
 * The command line reads a saved settings file with the one definition of each tab's settings
 * (common/<tab>Settings.ts) that the page's links read: what the site saves, the command line takes;
 * old and hostile values fall back to the defaults, each field named as dropped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { settings, type Settings } from '$lib/share/settings.svelte';
import { linkedRoles, rolesBySignature } from '$lib/workspace/roles';
import { lifecycleLink, ruleFromLink } from '$lib/features/lifecycle/link';
import { churnLink } from '$lib/features/churn/link';
import { valueLink } from '$lib/features/value/link';
import { ltvLink } from '$lib/features/ltv/link';
import { campaignLink, segmentsLink } from '$lib/features/segments/link';
import { LTV_SETTINGS, SiteSettings } from '../../cli/src/params.ts';
import { CHURN_SETTINGS } from '../../common/churnSettings.ts';
import { LIFECYCLE_SETTINGS } from '../../common/lifecycleSettings.ts';
import { CAMPAIGN_SETTINGS, SEGMENTS_SETTINGS } from '../../common/segmentsSettings.ts';
import { VALUE_SETTINGS } from '../../common/valueSettings.ts';
import { DEFAULT_VALUE_PARAMS } from '../../common/valueParams.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { headerKey } from '../../common/headers.ts';
import type { Engine } from '../../workers/engine/engine.ts';

const ruleSets = () => lifecycleApi(() => ({}) as Engine).lifecycleRuleSets();
const hostile = { __proto__: { x: 1 }, constructor: 3 };

afterEach(() => vi.unstubAllGlobals());

describe('settings the site saves, read by the command line', () => {
  it('takes every field the tabs save', async () => {
    vi.stubGlobal('location', { href: 'http://localhost/', hash: '' });
    vi.stubGlobal('history', { state: null, replaceState: () => {} });
    settings.values = {};
    lifecycleLink.save({ ruleSet: 'dataService', params: { n_acquisition: 4 }, cuts: '10, 20' });
    churnLink.save({ horizon: 6, l2: 0.5, tiers: ['low'], minScore: 0.3, split: 'region' });
    valueLink.save({ params: { ...DEFAULT_VALUE_PARAMS, decay: 0.5, valueTierShares: [0.6, 0.9] }, sortBy: 'credit', measure: 'roi' });
    ltvLink.save({ btyd: { ...ltvLink.read().btyd, unit: 'month', calibrationEnd: '1997-09-30', model: 'paretoNbd', horizon: 24 } });
    campaignLink.save({ stage: 'habitual', valueTier: 'high', minChurnRisk: 0.4, design: 'holdout', seed: 9 });
    segmentsLink.save({ rfmBins: 4, usageMeasure: 'voice', freqCut: 3 });
    const cli = SiteSettings.of(JSON.parse(JSON.stringify(settings.values)));
    expect(cli.tab(LIFECYCLE_SETTINGS)).toEqual({ ruleSet: 'dataService', params: { n_acquisition: 4 }, cuts: '10, 20' });
    expect(cli.tab(CHURN_SETTINGS)).toMatchObject({ horizon: 6, l2: 0.5, tiers: ['low'], minScore: 0.3, split: 'region', seed: 1 });
    expect(cli.tab(VALUE_SETTINGS)).toMatchObject({
      params: { decay: 0.5, valueTierShares: [0.6, 0.9] },
      sortBy: 'credit',
      measure: 'roi'
    });
    expect(cli.tab(LTV_SETTINGS).btyd).toMatchObject({ unit: 'month', calibrationEnd: '1997-09-30', model: 'paretoNbd', horizon: 24 });
    expect(cli.tab(CAMPAIGN_SETTINGS)).toMatchObject({
      stage: 'habitual',
      valueTier: 'high',
      minChurnRisk: 0.4,
      design: 'holdout',
      seed: 9
    });
    expect(cli.tab(SEGMENTS_SETTINGS)).toMatchObject({ rfmBins: 4, usageMeasure: 'voice', freqCut: 3, k: 4 });
    const { rule, values } = cli.lifecycleRule(await ruleSets());
    expect(rule.id).toBe('dataService');
    expect(values).toEqual(ruleFromLink(await ruleSets()).values);
    expect(cli.dropped).toEqual([]);
  });

  it('falls back to the defaults for old and hostile values, naming each field', async () => {
    const values: Settings = {
      lifecycle: { ruleSet: 'constructor', params: { __proto__: 1, n_acquisition: 1e9 }, cuts: 'x'.repeat(300) },
      churn: { horizon: 40, l2: -1, seed: 1.5, tiers: ['mid', 2], minScore: 'high', split: { a: 1 } },
      value: {
        params: { decay: 3, weights: { historical: 0.9, current: 0.9 }, evaluationMonth: '2024-5', mapStrategy: { careSpend: -1 } }
      },
      ltv: { btyd: 'garbage' },
      campaign: { stage: '1bad', dropBottom: 1, seed: 'one', order: null, design: 'x', arpuMin: '5' },
      segmentsTab: { rfmBins: 50, k: 1, features: ['nope'] },
      ...hostile
    };
    const cli = SiteSettings.of(JSON.parse(JSON.stringify(values)));
    expect(cli.tab(LIFECYCLE_SETTINGS)).toEqual({ ...LIFECYCLE_SETTINGS.defaults, ruleSet: 'constructor', params: { n_acquisition: 1e9 } });
    expect(cli.tab(CHURN_SETTINGS)).toEqual(CHURN_SETTINGS.defaults);
    expect(cli.tab(VALUE_SETTINGS)).toEqual(VALUE_SETTINGS.defaults);
    expect(cli.tab(LTV_SETTINGS)).toEqual(LTV_SETTINGS.defaults);
    expect(cli.tab(CAMPAIGN_SETTINGS)).toEqual(CAMPAIGN_SETTINGS.defaults);
    expect(cli.tab(SEGMENTS_SETTINGS)).toEqual(SEGMENTS_SETTINGS.defaults);
    const { rule, values: params } = cli.lifecycleRule(await ruleSets());
    expect(rule.id).toBe('clm');
    expect(params).toEqual(Object.fromEntries(rule.params.map((p) => [p.key, p.value])));
    expect(cli.dropped.sort()).toEqual(
      [
        'lifecycle.cuts',
        'lifecycle.ruleSet',
        'churn.horizon',
        'churn.l2',
        'churn.seed',
        'churn.tiers',
        'churn.minScore',
        'churn.split',
        'value.params.decay',
        'value.params.weights',
        'value.params.evaluationMonth',
        'value.params.mapStrategy.careSpend',
        'ltv.btyd',
        'campaign.stage',
        'campaign.dropBottom',
        'campaign.seed',
        'campaign.order',
        'campaign.design',
        'campaign.arpuMin',
        'segmentsTab.rfmBins',
        'segmentsTab.k',
        'segmentsTab.features'
      ].sort()
    );
  });

  it('takes the roles per header as the page does, dropping entries that do not fit', () => {
    const good = headerKey(['用户ID', '账期', 'ARPU']);
    const roles = {
      [good]: ['customerId', 'month', 'revenue'],
      [headerKey(['a', 'b'])]: ['customerId'],
      'clm.roles.h2-zz': ['text', 'text'],
      [headerKey(['x'])]: ['wizard']
    };
    const cli = SiteSettings.of({ roles });
    expect(cli.rolesByHeader()).toEqual(rolesBySignature(linkedRoles(roles)));
    expect(Object.keys(cli.rolesByHeader())).toHaveLength(1);
    expect(cli.dropped).toHaveLength(3);
  });

  it('refuses a file that is not settings with a usage error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clm-settings-'));
    const file = path.join(dir, 's.json');
    await writeFile(file, '['.repeat(50));
    await expect(SiteSettings.read(file)).rejects.toMatchObject({ kind: 'usage' });
    await writeFile(file, '\uFEFF' + JSON.stringify({ churn: { horizon: 6 } }));
    expect((await SiteSettings.read(file)).tab(CHURN_SETTINGS).horizon).toBe(6);
    await rm(dir, { recursive: true, force: true });
  });

  it('takes --roles as an array of roles by position, or as a settings file whose roles win', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clm-roles-'));
    const file = path.join(dir, 'roles.json');
    await writeFile(file, JSON.stringify(['customerId', 'month', 'revenue']));
    const s = SiteSettings.empty();
    await s.addRoles(file);
    expect(s.columnRoles).toEqual(['customerId', 'month', 'revenue']);
    await writeFile(file, JSON.stringify(['customerId', 'wizard']));
    await expect(SiteSettings.empty().addRoles(file)).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringContaining('"wizard" is not a column role')
    });
    const [a, b] = [headerKey(['id', 'm']), headerKey(['x'])];
    const both = SiteSettings.of({ roles: { [a]: ['customerId', 'month'], [b]: ['text'] } });
    await writeFile(file, JSON.stringify({ roles: { [a]: ['customerId', 'date'] } }));
    await both.addRoles(file);
    expect(Object.values(both.rolesByHeader())).toEqual([['customerId', 'date'], ['text']]);
    await rm(dir, { recursive: true, force: true });
  });
});
