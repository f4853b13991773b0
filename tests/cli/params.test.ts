/**
 * The command line reads a saved settings file with the same checks as the page reads a link or an
 * opened settings file: for valid, old and hostile values of every tab the command uses, its
 * parameters equal what the tab's link gives (src/lib/features/<tab>/link.ts).
 */
import { describe, expect, it } from 'vitest';
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
import { CAMPAIGN, CHURN, LIFECYCLE, LTV, SEGMENTS, SiteSettings, VALUE } from '../../cli/src/params.ts';
import { lifecycleApi } from '../../workers/lifecycle/api.ts';
import { headerKey } from '../../common/headers.ts';
import type { Engine } from '../../workers/engine/engine.ts';

const hostile = { __proto__: { x: 1 }, constructor: 3 };
const CASES: Settings[] = [
  {},
  {
    lifecycle: { ruleSet: 'dataService', params: { x: 1 }, cuts: '10, 20' },
    churn: { split: 'region', features: ['arpu'], horizon: 6, l2: 0.5, seed: 4, low: 20, high: 90, tiers: ['low'], minScore: 0.3 },
    value: {
      params: { evaluationMonth: '2024-05', decay: 0.5, groups: 3, valueTierShares: [0.6, 0.9], mapStrategy: { careSpend: 5 } },
      sortBy: 'credit',
      measure: 'roi',
      monitorBy: 'stage'
    },
    ltv: { btyd: { unit: 'month', calibrationEnd: '1997-09-30', model: 'paretoNbd', t: 39, marginPct: 20, horizon: 24 } },
    campaign: {
      stage: 'habitual',
      valueTier: 'high',
      minChurnRisk: 0.4,
      order: 'elasticity',
      design: 'holdout',
      dropBottom: 0.1,
      controlShare: 0.2,
      seed: 9
    },
    segmentsTab: { rfmBins: 4, usageMeasure: 'voice', freqCut: 3 }
  },
  {
    lifecycle: { ruleSet: 'constructor', params: { __proto__: 1, n_acquisition: 1e9 }, cuts: 'x'.repeat(300) },
    churn: { horizon: 40, l2: -1, seed: 1.5, tiers: ['mid', 2], minScore: 'high', split: { a: 1 } },
    value: {
      params: {
        decay: 3,
        weights: { historical: 0.9, current: 0.9 },
        creditCuts: [1, 2],
        evaluationMonth: '2024-5',
        historyBasis: 'x',
        mapStrategy: { careSpend: -1 }
      },
      monitorMetric: 'nope'
    },
    ltv: { btyd: 'garbage' },
    campaign: { stage: '1bad', dropBottom: 1, seed: 'one', order: null, design: 'x' },
    segmentsTab: { rfmBins: 50, k: 1, features: ['nope'] },
    ...hostile
  },
  {
    lifecycle: { ruleSet: 'clm', params: { n_acquisition: 2, up: 0.3 } },
    ltv: { teach: { years: 3 }, btyd: { sort: 'pAlive', descending: false } }
  }
];

describe('settings read by the command line and by the page', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i gives the same parameters', async (_, values) => {
    settings.values = JSON.parse(JSON.stringify(values));
    const cli = SiteSettings.of(JSON.parse(JSON.stringify(values)));
    expect(cli.tab('lifecycle', LIFECYCLE)).toEqual(lifecycleLink.read());
    expect(cli.tab('churn', CHURN)).toEqual(churnLink.read());
    expect(cli.tab('value', VALUE)).toEqual(valueLink.read());
    expect(cli.tab('ltv', LTV).btyd).toEqual(ltvLink.read().btyd);
    expect(cli.tab('campaign', CAMPAIGN)).toEqual(campaignLink.read());
    expect(cli.tab('segmentsTab', SEGMENTS)).toEqual(segmentsLink.read());
    const ruleSets = await lifecycleApi(() => ({}) as Engine).lifecycleRuleSets();
    const page = ruleFromLink(ruleSets);
    const mine = cli.lifecycleRule(ruleSets);
    expect({ id: mine.rule.id, values: mine.values }).toEqual({ id: page.rule.id, values: page.values });
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
    expect((await SiteSettings.read(file)).tab('churn', CHURN).horizon).toBe(6);
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
