/**
 * Language state and locale formatting. The language defaults to the browser's, can be switched,
 * and is forced by `?lang=zh` / `?lang=en`.
 */
import type { Bilingual } from '$common/bilingual';
import { en, zh, type MessageKey } from './messages';

export type Lang = 'en' | 'zh';
/** A feature's strings in both languages; `zh` must have the keys of `en` (type-checked). */
export type Dictionary<K extends string> = { en: Record<K, string>; zh: Record<K, string> };

/** Declares a feature dictionary; the Chinese half is checked against the English keys. */
export function dictionary<K extends string>(en: Record<K, string>, zh: Record<K, string>): Dictionary<K> {
  return { en, zh };
}
const STORAGE_KEY = 'clm.lang';

export function pickLang(param: string | null, stored: string | null, browser: readonly string[]): Lang {
  for (const v of [param, stored]) if (v === 'zh' || v === 'en') return v;
  for (const l of browser) {
    if (/^zh\b/i.test(l)) return 'zh';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

const plurals = new Map<string, Intl.PluralRules>();

/** The count a variable stands for: a number, or a number already formatted ("1,234"). */
function countOf(v: string | number): number {
  return typeof v === 'number' ? v : Number(v.replace(/[^\d.-]/g, ''));
}

/**
 * Fills `{name}` with `vars.name`; `{name:one|other}` picks the word for the count in `vars.name`
 * by the locale's plural rules (Intl.PluralRules), so English says "1 customer", "2 customers".
 * Chinese strings need no plural forms.
 */
export function interpolate(s: string, vars: Record<string, string | number>, locale: string): string {
  return s.replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (whole, k: string, one?: string, other?: string) => {
    if (!(k in vars)) return whole;
    if (one === undefined) return String(vars[k]);
    let rules = plurals.get(locale);
    if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
    return rules.select(countOf(vars[k])) === 'one' ? one : other!;
  });
}

/**
 * Intl formatters are costly to build (a fraction of a millisecond each), and a table formats
 * thousands of numbers: one formatter per locale and option set, built once.
 */
const formatters = new Map<string, { format(v: number | Date): string }>();
function formatter(key: string, make: () => { format(v: number | Date): string }): { format(v: number | Date): string } {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * The page's first Intl formatter of a locale loads its data (tens of milliseconds): build the
 * common ones while the page is idle rather than in the task that shows the first loaded dataset.
 */
function warm(i: I18n): void {
  const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 0));
  idle(() => {
    i.num(0);
    i.num(0, 2);
    i.date('2024-01', true);
    i.date('2024-01-01');
  });
}

class I18n {
  lang = $state<Lang>('en');

  /** Reads ?lang=, the remembered choice, then navigator.languages (client only). */
  init(): void {
    const param = new URL(location.href).searchParams.get('lang');
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(STORAGE_KEY);
    } catch {
      /* storage blocked */
    }
    this.set(pickLang(param, param ? null : stored, navigator.languages ?? [navigator.language]), false);
  }

  /** `remember`: the user switched, so the choice is stored and `?lang=` follows (a copied link opens in it). */
  set(lang: Lang, remember = true): void {
    this.lang = lang;
    warm(this);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    if (remember) {
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        /* storage blocked */
      }
      const url = new URL(location.href);
      url.searchParams.set('lang', lang);
      history.replaceState(history.state, '', url);
    }
  }

  get locale(): string {
    return this.lang === 'zh' ? 'zh-CN' : 'en-US';
  }

  t = (key: MessageKey, vars: Record<string, string | number> = {}): string =>
    interpolate((this.lang === 'zh' ? zh : en)[key], vars, this.locale);

  /**
   * Translates with a feature's own dictionary (each feature keeps its strings beside its code):
   * `i18n.tx(messages, 'title')` where `messages = { en: {...}, zh: {...} }`.
   */
  tx = <K extends string>(dict: Dictionary<K>, key: K, vars: Record<string, string | number> = {}): string =>
    interpolate(dict[this.lang][key] ?? dict.en[key] ?? key, vars, this.locale);

  /** Picks the current language from a { en, zh } pair. */
  pick = (pair: Bilingual | undefined, fallback = ''): string => (pair ? pair[this.lang] : fallback);

  num = (v: number | null | undefined, digits = 0): string => {
    if (v == null || !Number.isFinite(v)) return (this.lang === 'zh' ? zh : en).notAvailable;
    return formatter(
      `n${this.locale}${digits}`,
      () => new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })
    ).format(v);
  };

  /** A share (0.153) as a percentage ("15.3%"); null, NaN and ±∞ show as "not available", the same everywhere. */
  pct = (v: number | null | undefined, digits = 1): string =>
    v == null || !Number.isFinite(v) ? this.num(null) : `${this.num(v * 100, digits)}%`;

  date = (iso: string | null | undefined, monthOnly = false): string => {
    if (!iso) return (this.lang === 'zh' ? zh : en).notAvailable;
    const d = new Date(iso.length <= 7 ? `${iso}-01T00:00:00Z` : iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    if (Number.isNaN(d.getTime())) return iso;
    return formatter(
      `d${this.locale}${monthOnly}`,
      () =>
        new Intl.DateTimeFormat(
          this.locale,
          monthOnly
            ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
            : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
        )
    ).format(d);
  };
}

export const i18n = new I18n();
