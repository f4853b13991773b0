/**
 * Analysis settings carried in the URL hash (`#s=<base64url JSON>`), never the data: column roles
 * per file header, the chosen view, rule parameters and model options. Opening such a link and
 * loading the same file (or the sample) reproduces the same screens. The same JSON can be saved to
 * and opened from a local project file.
 */

import { untrack } from 'svelte';

export type Settings = Record<string, unknown>;

/** base64url of UTF-8 JSON (Chinese headers survive; the hash stays URL-safe). */
export function encodeSettings(s: Settings): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Inverse of encodeSettings; null for anything that is not a settings object. */
export function decodeSettings(text: string): Settings | null {
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Settings) : null;
  } catch {
    return null;
  }
}

class SharedSettings {
  /** Replaced whole, never mutated in place (plain JSON, no deep proxies). */
  values = $state.raw<Settings>({});
  /** True when the page was opened from a link that carried settings. */
  fromLink = $state(false);

  init(): void {
    const m = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(location.hash);
    const decoded = m ? decodeSettings(m[1]) : null;
    if (decoded) {
      this.values = decoded;
      this.fromLink = true;
    }
  }

  get<T>(key: string): T | undefined {
    return untrack(() => this.values[key]) as T | undefined;
  }

  /** Sets one key (undefined removes it). Untracked, so an effect may record what it shows. */
  set(key: string, value: unknown): void {
    untrack(() => {
      const next = { ...this.values };
      if (value === undefined) delete next[key];
      else next[key] = value;
      this.values = next;
      this.write();
    });
  }

  /** Replaces all settings (opening a project file). */
  replace(values: Settings): void {
    this.values = values;
    this.fromLink = true;
    this.write();
  }

  private write(): void {
    const url = new URL(location.href);
    url.hash = `s=${encodeSettings(this.values)}`;
    history.replaceState(history.state, '', url);
  }
}

export const settings = new SharedSettings();

/** A deep copy of plain JSON (also of $state proxies, which structuredClone refuses). */
const copy = <V>(v: V): V => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V));
const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks of a tab's settings read from a link, field by field: a function gets the candidate value
 * (already of the default's JSON shape) and says whether to keep it; a nested object of checks
 * applies to a nested object of settings.
 */
export type Checks<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? (v: T[K]) => boolean : T[K] extends object ? Checks<T[K]> | ((v: T[K]) => boolean) : (v: T[K]) => boolean;
};

/** Whether `v` has the JSON kind of the default `d` (a null default or an empty array admits any). */
function sameShape(v: unknown, d: unknown): boolean {
  if (d === null) return v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v) || isPlain(v);
  if (typeof d === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (typeof d === 'string' || typeof d === 'boolean') return typeof v === typeof d;
  if (Array.isArray(d)) return Array.isArray(v) && (d.length === 0 || v.every((x) => sameShape(x, d[0])));
  if (isPlain(d)) return isPlain(v) && Object.keys(d).every((k) => k in v && sameShape(v[k], d[k]));
  return false;
}

/** A check's verdict; a check that throws on odd input rejects it. */
function passes(check: Function, v: unknown): boolean {
  try {
    return !!(check as (v: unknown) => unknown)(v);
  } catch {
    return false;
  }
}

/**
 * The defaults overlaid with the fields of `raw` (settings from a link, maybe old or hand-edited)
 * that have the default's JSON shape and pass their check; every other field keeps its default.
 * Nested objects merge field by field. Never throws; the result shares nothing with `raw`.
 */
export function mergeLinked<T extends object>(raw: unknown, defaults: T, checks: Checks<T> = {}): T {
  const out: Record<string, unknown> = {};
  const from = isPlain(raw) ? raw : {};
  const rules = checks as Record<string, unknown>;
  for (const [k, d] of Object.entries(defaults)) {
    const v = from[k];
    const check = rules[k];
    if (isPlain(d)) {
      const merged = mergeLinked(v, d, (isPlain(check) ? check : {}) as Checks<typeof d>);
      out[k] = typeof check === 'function' && !passes(check, merged) ? copy(d) : merged;
      continue;
    }
    let ok = v !== undefined && sameShape(v, d);
    if (ok && typeof check === 'function') ok = passes(check, v);
    else if (ok && d === null) ok = v === null || typeof v !== 'object'; // no check: only a primitive replaces a null default
    out[k] = copy(ok ? v : d);
  }
  return out as T;
}

/** The fields of `value` that differ from `defaults` (nested objects compared field by field), or undefined if none does. */
export function changedFrom<T extends object>(value: T, defaults: T): Partial<T> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(defaults)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (isPlain(d) && isPlain(v)) {
      const inner = changedFrom(v, d);
      if (inner) out[k] = inner;
    } else if (JSON.stringify(v) !== JSON.stringify(d)) out[k] = copy(v);
  }
  return Object.keys(out).length > 0 ? (out as Partial<T>) : undefined;
}

/** One tab's settings in the link: read validated over the defaults, saved as what differs from them. */
export interface Linked<T extends object> {
  readonly key: string;
  readonly defaults: T;
  /** The stored settings (from the link, or saved earlier this session) merged over the defaults. */
  read(): T;
  /** Records `patch` over the current settings; the link keeps only what differs from the defaults. */
  save(patch: Partial<T>): void;
}

/**
 * A tab's typed handle on its key of the shared settings. Views read it once when they mount (a link
 * opened elsewhere reproduces the screen) and save when the user computes or changes a choice.
 */
export function linked<T extends object>(key: string, defaults: T, checks: Checks<T> = {}): Linked<T> {
  const read = () => mergeLinked(settings.get(key), defaults, checks);
  return {
    key,
    defaults,
    read,
    save(patch) {
      const next = copy(patch); // reads the caller's state here, so an effect that saves tracks it
      untrack(() => settings.set(key, changedFrom({ ...read(), ...next } as T, defaults)));
    }
  };
}
