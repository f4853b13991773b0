// Plurals, percentages and the language in the URL (issue 16 "Small but visible").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, interpolate } from './i18n.svelte';

describe('interpolate', () => {
  it('English plurals follow Intl.PluralRules: "1 customer", "2 customers", formatted counts too', () => {
    const s = '{n} {n:customer|customers} in {m} {m:month|months}';
    expect(interpolate(s, { n: 1, m: 24 }, 'en-US')).toBe('1 customer in 24 months');
    expect(interpolate(s, { n: '1,234', m: '1' }, 'en-US')).toBe('1,234 customers in 1 month');
    expect(interpolate(s, { n: 0, m: 2 }, 'en-US')).toBe('0 customers in 2 months');
  });
  it('leaves unknown variables visible and fills plain ones', () => {
    expect(interpolate('{a} and {b}', { a: 'x' }, 'en-US')).toBe('x and {b}');
  });
});

describe('i18n.pct', () => {
  it('renders a share as a percentage and null, NaN and infinity the same way', () => {
    i18n.lang = 'en';
    expect(i18n.pct(0.153)).toBe('15.3%');
    expect(i18n.pct(0.5, 0)).toBe('50%');
    expect([i18n.pct(null), i18n.pct(undefined), i18n.pct(NaN), i18n.pct(Infinity)]).toEqual(['–', '–', '–', '–']);
  });
});

describe('switching the language', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('updates ?lang= in the URL (keeping the other parameters and the settings hash)', () => {
    let href = 'http://localhost/?lang=zh&view=churn#s=abc';
    vi.stubGlobal('location', {
      get href() {
        return href;
      }
    });
    vi.stubGlobal('history', { state: null, replaceState: (_: unknown, __: string, url: URL) => (href = url.href) });
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    vi.stubGlobal('localStorage', { setItem() {} });
    vi.stubGlobal('requestIdleCallback', () => 0);
    i18n.set('en');
    expect(href).toBe('http://localhost/?lang=en&view=churn#s=abc');
    i18n.set('zh', false); // ?lang= or the browser chose it: the URL is left as it is
    expect(href).toBe('http://localhost/?lang=en&view=churn#s=abc');
  });
});
