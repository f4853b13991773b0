// Hand-edited links and settings files (issue 16): every linked field passes the same checks — own
// keys only, known enums, ranges, depth and size limits — and what fails is dropped with a note,
// never breaking the tab, the page or a file's load. One table row per case the issue names.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RULE_SETS, ruleSetInfo } from '$workers/lifecycle/rules';
import {
  decodeSettings,
  encodeSettings,
  jsonDepth,
  parseSettings,
  readSettingsHash,
  settings,
  SETTINGS_LIMITS,
  type Settings
} from './settings.svelte';
import { ruleFromLink } from '$lib/features/lifecycle/link';
import { churnLink } from '$lib/features/churn/link';
import { ltvLink } from '$lib/features/ltv/link';
import { valueLink } from '$lib/features/value/link';
import { campaignLink, bandsLink, segmentsLink } from '$lib/features/segments/link';
import { headerKey, linkedRoles, validRoles } from '$lib/workspace/roles';

const ruleSets = Object.values(RULE_SETS).map(ruleSetInfo);
function hash(json: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(json)) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_');
}
const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Opens a page whose URL hash carries `json` (as a hand-edited link would). */
function openLink(json: string): void {
  vi.stubGlobal('location', { href: 'http://localhost/', hash: '' });
  settings.replace({}); // forgets what earlier cases reported
  settings.fromLink = false;
  vi.stubGlobal('location', { href: `http://localhost/?view=lifecycle#s=${hash(json)}`, hash: `#s=${hash(json)}` });
  settings.init();
}

beforeEach(() => {
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_: unknown, __: string, url: URL) => vi.stubGlobal('location', { href: url.href, hash: url.hash })
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('a hand-edited link: each field is checked, what fails falls back to its default with a note', () => {
  const cases: { name: string; link: Settings; read: () => unknown; expected: unknown; dropped: string[] }[] = [
    {
      name: '__proto__ inside lifecycle params (made the tab fail for good: "could not be cloned")',
      link: JSON.parse('{"lifecycle":{"ruleSet":"clm","params":{"__proto__":{"polluted":1},"n_acquisition":4}}}'),
      read: () => ruleFromLink(ruleSets).values,
      expected: { n_acquisition: 4, k_inactive: 3, w_window: 3, up: 0.15, down: 0.15, mature_months: 0 },
      dropped: ['lifecycle.params.__proto__']
    },
    {
      name: 'ruleSet "constructor" (made the analysis fail): the default rule set',
      link: { lifecycle: { ruleSet: 'constructor', params: { n_acquisition: 5 } } },
      read: () => ruleFromLink(ruleSets).rule.id,
      expected: 'clm',
      dropped: ['lifecycle.ruleSet']
    },
    {
      name: 'out-of-range lifecycle parameters fall back to the defaults, as documented',
      link: { lifecycle: { ruleSet: 'clm', params: { n_acquisition: 99, up: -1, down: 0.3, toString: 5 } } },
      read: () => ruleFromLink(ruleSets).values,
      expected: { n_acquisition: 3, k_inactive: 3, w_window: 3, up: 0.15, down: 0.3, mature_months: 0 },
      dropped: ['lifecycle.params.n_acquisition', 'lifecycle.params.up', 'lifecycle.params.toString']
    },
    {
      name: 'unknown enums: churn value tiers, LTV time unit and sort, value map measure',
      link: { churn: { tiers: ['mid', 'hyper'] }, ltv: { btyd: { unit: 'year', sort: 'constructor' } }, value: { measure: '__proto__' } },
      read: () => [churnLink.read().tiers, ltvLink.read().btyd.unit, ltvLink.read().btyd.sort, valueLink.read().measure],
      expected: [['mid', 'high'], 'week', 'clv', 'meanValue'],
      dropped: ['churn.tiers', 'ltv.btyd.unit', 'ltv.btyd.sort', 'value.measure']
    },
    {
      name: 'ranges and kinds: churn horizon, value decay and weights, segments bins',
      link: {
        churn: { horizon: 99, l2: 'x' },
        value: { params: { decay: 7, weights: { historical: 2 } } },
        segmentsTab: { rfmBins: 1e9, k: 2.5 }
      },
      read: () => [
        churnLink.read().horizon,
        churnLink.read().l2,
        valueLink.read().params.decay,
        valueLink.read().params.weights.historical,
        segmentsLink.read().rfmBins,
        segmentsLink.read().k
      ],
      expected: [3, 1, 0.5, 0.25, 5, 4],
      dropped: ['churn.horizon', 'churn.l2', 'value.params.decay', 'value.params.weights', 'segmentsTab.rfmBins', 'segmentsTab.k']
    },
    {
      // A stage is any rule set's code (which rule set ran is the engine's to check), not any text.
      name: 'the campaign list: a stage that is no code, unknown order and design, a share out of range, a seed that is not whole',
      link: {
        campaign: { stage: "A'; DROP", order: 'random', design: 'none', dropBottom: 2, controlShare: 0.25, seed: 1.5, valueTier: 'high' },
        campaignBands: '1;DROP TABLE'
      },
      read: () => [campaignLink.read(), bandsLink.read()],
      expected: [
        {
          segment: null,
          arpuMin: null,
          arpuMax: null,
          stage: null,
          valueTier: 'high',
          loyalty: null,
          minChurnRisk: null,
          order: 'value',
          design: 'seed',
          dropBottom: 0.05,
          controlShare: 0.25,
          seed: 1
        },
        '30, 50, 80, 120'
      ],
      dropped: ['campaign.stage', 'campaign.order', 'campaign.design', 'campaign.dropBottom', 'campaign.seed', 'campaignBands']
    },
    {
      name: 'a tab’s settings that are not an object at all',
      link: { churn: [1, 2], ltv: 'x', value: null },
      read: () => [churnLink.read().horizon, ltvLink.read().btyd.unit, valueLink.read().measure],
      expected: [3, 'week', 'meanValue'],
      dropped: []
    }
  ];

  it.each(cases)('$name', async ({ link, read, expected, dropped }) => {
    openLink(JSON.stringify(link));
    expect(read()).toEqual(expected);
    await Promise.resolve(); // the note follows in a microtask
    for (const d of dropped) expect(settings.dropped).toContain(d);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('what a link gives the engine is plain data that crosses to the worker (structured clone)', () => {
    openLink('{"lifecycle":{"ruleSet":"clm","params":{"__proto__":{"x":1},"constructor":{"y":2}}}}');
    expect(() => structuredClone(ruleFromLink(ruleSets).values)).not.toThrow();
    expect(Object.keys(settings.values.lifecycle as object)).toEqual(['ruleSet', 'params']);
    expect(Object.keys((settings.values.lifecycle as { params: object }).params)).toEqual([]);
  });

  it('only own fields count (an inherited one is not a setting)', () => {
    settings.values = { churn: Object.create({ horizon: 6 }) };
    expect(churnLink.read().horizon).toBe(3);
  });
});

describe('roles in a link: an unknown role name drops that header’s entry, never the file', () => {
  // Keys as the page writes them: the prefix and the header's signature (common/headers.ts).
  const key = headerKey(['id', 'month']);
  it.each([
    ['a known mapping', { [key]: ['customerId', 'month'] }, { [key]: ['customerId', 'month'] }, 0],
    ['an unknown role name', { [key]: ['customerId', 'weekday'] }, {}, 1],
    ['a prototype key as a role', { [key]: ['customerId', 'constructor'] }, {}, 1],
    ['a role per column is needed', { [key]: ['customerId'] }, {}, 1],
    [
      'a key that is not a header key',
      JSON.parse('{"__proto__":["x"],"other":["customerId"],"clm.roles.id␟month":["customerId","month"]}'),
      {},
      3
    ],
    ['not an object', ['customerId'], {}, 0]
  ])('%s', (_, raw, expected, drops) => {
    const dropped: string[] = [];
    expect(linkedRoles(raw, (k) => dropped.push(k))).toEqual(expected);
    expect(dropped).toHaveLength(drops);
  });
  it('validRoles checks the count against the header of the key', () => {
    expect(validRoles(['customerId', 'ignore'], headerKey(['a', 'b']))).toEqual(['customerId', 'ignore']);
    expect(validRoles(['customerId', 'ignore', 'ignore'], headerKey(['a', 'b']))).toBeNull();
    expect(validRoles(['customerId', 'toString'], headerKey(['a', 'b']))).toBeNull();
  });
});

describe('depth and size limits, before anything is parsed', () => {
  it('20,000-deep JSON is refused as too deep, without overflowing the stack; later settings still work', () => {
    const text = deep(20_000);
    expect(jsonDepth(text)).toBe(20_000);
    expect(parseSettings(text)).toEqual({ problem: 'too-deep' });
    openLink(text);
    expect(settings.problem).toBe('too-deep');
    expect(settings.fromLink).toBe(false);
    settings.set('churn', { horizon: 6 }); // writing the link again works (it used to throw for good)
    expect(decodeSettings(location.hash.replace('#s=', ''))).toEqual({ churn: { horizon: 6 } });
  });

  it('brackets inside strings do not count as depth', () => {
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]"}')).toBe(1);
    expect(parseSettings(`{"a":${deep(SETTINGS_LIMITS.depth - 1)}}`)).toHaveProperty('values');
  });

  it('a 3 MB settings file (which made a 4,000,000-character URL) is refused as too large', () => {
    const big = JSON.stringify({ lifecycle: { cuts: 'x'.repeat(3_000_000) } });
    expect(parseSettings(big)).toEqual({ problem: 'too-large' });
    expect(readSettingsHash(hash(big))).toEqual({ problem: 'too-large' });
  });

  it('refuses what is not settings: not JSON, not an object', () => {
    expect(parseSettings('{"a":')).toEqual({ problem: 'not-json' });
    expect(parseSettings('[1,2]')).toEqual({ problem: 'not-object' });
    expect(readSettingsHash('%%%')).toEqual({ problem: 'not-json' });
  });

  it('a settings object within the limits round-trips through the URL', () => {
    const s = { roles: { 'clm.roles.用户id␟账期': ['customerId', 'month'] }, churn: { horizon: 6 } };
    expect(decodeSettings(encodeSettings(s))).toEqual(s);
  });
});
