import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changedFrom, decodeSettings, encodeSettings, linked, mergeLinked, settings, type Checks } from './settings.svelte';

describe('settings in the URL', () => {
  it('round-trips Chinese headers and nested parameters through a URL-safe string', () => {
    const s = {
      roles: { 'clm.roles.用户id␟账期': ['customerId', 'month'] },
      lifecycle: { ruleSet: 'clm', params: { n: 3, up: 0.15 } },
      view: 'lifecycle'
    };
    const text = encodeSettings(s);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSettings(text)).toEqual(s);
  });
  it('rejects garbage and non-objects', () => {
    expect(decodeSettings('%%%')).toBeNull();
    expect(decodeSettings(encodeSettings([1, 2] as unknown as Record<string, unknown>))).toBeNull();
  });
});

describe('a tab’s settings read from a link', () => {
  const defaults = {
    split: null as string | null,
    horizon: 3,
    tiers: ['mid', 'high'],
    fitted: false,
    weights: { a: 0.5, b: 0.5 },
    edits: [] as { id: number }[]
  };
  const checks: Checks<typeof defaults> = {
    split: (v) => v === null || typeof v === 'string',
    horizon: (v) => Number.isInteger(v) && v >= 1 && v <= 12,
    tiers: (v) => v.every((t) => ['low', 'mid', 'high'].includes(t)),
    weights: (w) => Math.abs(w.a + w.b - 1) < 1e-9,
    edits: (v) => v.every((e) => typeof e === 'object' && e !== null && typeof e.id === 'number')
  };

  it('keeps valid fields and falls back to the default for each invalid one', () => {
    const raw = { split: 'plan', horizon: 40, tiers: ['high'], fitted: 'yes', weights: { a: 0.2, b: 0.8 }, edits: [{ id: 3 }], extra: 1 };
    expect(mergeLinked(raw, defaults, checks)).toEqual({
      split: 'plan',
      horizon: 3,
      tiers: ['high'],
      fitted: false,
      weights: { a: 0.2, b: 0.8 },
      edits: [{ id: 3 }]
    });
  });
  it('rejects wrong kinds: NaN-like numbers, mixed arrays, a whole object failing its check, non-objects', () => {
    const raw = { split: { x: 1 }, horizon: '3', tiers: ['high', 2], weights: { a: 0.9, b: 0.9 }, edits: [{ id: 'x' }] };
    expect(mergeLinked(raw, defaults, checks)).toEqual(defaults);
    expect(mergeLinked('garbage', defaults, checks)).toEqual(defaults);
    expect(mergeLinked(null, defaults)).toEqual(defaults);
  });
  it('merges a nested object field by field and never shares arrays with the defaults', () => {
    const out = mergeLinked({ weights: { a: 0.25 } }, { w: 1, weights: { a: 0.5, b: 0.5 } });
    expect(out).toEqual({ w: 1, weights: { a: 0.25, b: 0.5 } });
    const merged = mergeLinked({}, defaults);
    merged.tiers.push('low');
    expect(defaults.tiers).toEqual(['mid', 'high']);
  });
  it('a check that throws rejects the value instead of crashing', () => {
    expect(
      mergeLinked(
        { horizon: 5 },
        { horizon: 3 },
        {
          horizon: () => {
            throw new Error('boom');
          }
        }
      )
    ).toEqual({ horizon: 3 });
  });
  it('changedFrom keeps only what differs from the defaults, nested too, and nothing when all match', () => {
    expect(changedFrom({ ...defaults, horizon: 6, weights: { a: 0.5, b: 0.5 } }, defaults)).toEqual({ horizon: 6 });
    expect(changedFrom({ ...defaults, weights: { a: 0.4, b: 0.6 }, tiers: ['low'] }, defaults)).toEqual({
      weights: { a: 0.4, b: 0.6 },
      tiers: ['low']
    });
    expect(changedFrom(defaults, defaults)).toBeUndefined();
  });
});

describe('linked(key, defaults, checks)', () => {
  beforeEach(() => {
    vi.stubGlobal('location', { href: 'http://localhost/?view=churn', hash: '' });
    vi.stubGlobal('history', {
      state: null,
      replaceState: (_: unknown, __: string, url: URL) => vi.stubGlobal('location', { href: url.href, hash: url.hash })
    });
    settings.values = {};
  });
  afterEach(() => vi.unstubAllGlobals());

  it('saves only the changed fields into the hash and reads them back validated; all defaults remove the key', () => {
    const link = linked('churn', { horizon: 3, split: '' }, { horizon: (v) => v >= 1 && v <= 12 });
    link.save({ horizon: 6 });
    expect(settings.values).toEqual({ churn: { horizon: 6 } });
    expect(decodeSettings(location.hash.replace(/^#s=/, ''))).toEqual({ churn: { horizon: 6 } });
    link.save({ split: 'plan' });
    expect(link.read()).toEqual({ horizon: 6, split: 'plan' });
    settings.values = { churn: { horizon: 99, split: 'plan' } }; // hand-edited link
    expect(link.read()).toEqual({ horizon: 3, split: 'plan' });
    link.save({ horizon: 3, split: '' });
    expect('churn' in settings.values).toBe(false);
  });
});
