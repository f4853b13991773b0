/**
 * Analysis settings carried in the URL hash (`#s=<base64url JSON>`), never the data: column roles
 * per file header, the chosen view, rule parameters and model options. Opening such a link and
 * loading the same file (or the sample) reproduces the same screens. The same JSON can be saved to
 * and opened from a local project file.
 *
 * A link or a file may be old, hand-edited or hostile. Everything read from one passes the same
 * checks: a size and a nesting limit before it is parsed (a 20,000-deep text would overflow the
 * stack of every later JSON.stringify; a 3 MB file would make a 4,000,000-character URL), keys that
 * reach prototypes (`__proto__`, `constructor`, `prototype`) removed, then each tab's fields checked
 * against their defaults' kinds, enums and ranges (`linked`). What fails is dropped and named in a
 * visible note (`settings.dropped`); nothing from a link can stop the page or a file from loading.
 */

import { untrack } from 'svelte';

export type Settings = Record<string, unknown>;

/** Beyond these, settings are refused whole: JSON text length, and nesting depth. */
export const SETTINGS_LIMITS = { chars: 128 * 1024, depth: 16 } as const;

/** Why settings text was refused. */
export type SettingsProblem = 'too-large' | 'too-deep' | 'not-json' | 'not-object';

const FORBIDDEN: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest nesting of objects and arrays in JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/**
 * A copy with own keys only, and none that reach a prototype (the depth was checked before);
 * `removed` collects the paths of the keys left out.
 */
function clean(v: unknown, path: string, removed: string[]): unknown {
  if (Array.isArray(v)) return v.map((x, i) => clean(x, `${path}${i}.`, removed));
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (FORBIDDEN.has(k)) removed.push(path + k);
    else out[k] = clean(x, `${path}${k}.`, removed);
  }
  return out;
}

/** Settings JSON (a link's or a file's) within the limits, cleaned (`removed`: the keys left out); or why it was refused. */
export function parseSettings(text: string): { values: Settings; removed: string[] } | { problem: SettingsProblem } {
  if (text.length > SETTINGS_LIMITS.chars) return { problem: 'too-large' };
  if (jsonDepth(text) > SETTINGS_LIMITS.depth) return { problem: 'too-deep' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { problem: 'not-json' };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { problem: 'not-object' };
  const removed: string[] = [];
  return { values: clean(v, '', removed) as Settings, removed };
}

/** base64url of UTF-8 JSON (Chinese headers survive; the hash stays URL-safe). */
export function encodeSettings(s: Settings): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Inverse of encodeSettings; the settings, or why they were refused. */
export function readSettingsHash(text: string): ReturnType<typeof parseSettings> {
  if (text.length > Math.ceil((SETTINGS_LIMITS.chars * 4) / 3) + 4) return { problem: 'too-large' };
  let json: string;
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return { problem: 'not-json' };
  }
  return parseSettings(json);
}

/** Inverse of encodeSettings; null for anything that is not a settings object within the limits. */
export function decodeSettings(text: string): Settings | null {
  const r = readSettingsHash(text);
  return 'values' in r ? r.values : null;
}

class SharedSettings {
  /** Replaced whole, never mutated in place (plain JSON, no deep proxies). */
  values = $state.raw<Settings>({});
  /** True when the page was opened from a link (or a settings file) that carried settings. */
  fromLink = $state(false);
  /** Fields of the link or file that failed their checks and were left at their defaults (`tab.field`). */
  dropped = $state.raw<string[]>([]);
  /** Set when a link's settings were refused whole. */
  problem = $state<SettingsProblem | null>(null);
  /** Every field reported in `dropped` since the settings were read. */
  #reported = new Set<string>();

  init(): void {
    const m = /(?:^#|&)s=([^&]*)/.exec(location.hash);
    if (!m) return;
    const r = readSettingsHash(m[1]);
    if ('values' in r) {
      this.values = r.values;
      this.fromLink = true;
      this.dropped = r.removed;
      this.#reported = new Set(r.removed);
    } else this.problem = r.problem;
  }

  get<T>(key: string): T | undefined {
    return untrack(() => (Object.hasOwn(this.values, key) ? this.values[key] : undefined)) as T | undefined;
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

  /** Replaces all settings (opening a settings file; the values and the keys removed come from parseSettings). */
  replace(values: Settings, removed: string[] = []): void {
    this.values = values;
    this.fromLink = true;
    this.dropped = removed;
    this.#reported = new Set(removed);
    this.problem = null;
    this.write();
  }

  /**
   * Records that a field of the link failed its check (shown in a note, once, even after the note was
   * dismissed). A link may be read while a view renders, where state must not change: the note
   * follows in a microtask.
   */
  drop(path: string): void {
    if (this.#reported.has(path)) return;
    this.#reported.add(path);
    queueMicrotask(() => (this.dropped = [...this.dropped, path]));
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
  if (isPlain(d)) return isPlain(v) && Object.keys(d).every((k) => Object.hasOwn(v, k) && sameShape(v[k], d[k]));
  return false;
}

/** A field of `o` only if `o` itself has it (never one of Object.prototype's). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** A check's verdict; a check that throws on odd input rejects it. */
function passes(check: object, v: unknown): boolean {
  try {
    return !!(check as (v: unknown) => unknown)(v);
  } catch {
    return false;
  }
}

/**
 * The defaults overlaid with the fields of `raw` (settings from a link, maybe old or hand-edited)
 * that have the default's JSON shape and pass their check; every other field keeps its default.
 * Nested objects merge field by field. Only `raw`'s own fields count. `onDrop` hears the path of
 * each field that was there but failed. Never throws; the result shares nothing with `raw`.
 */
export function mergeLinked<T extends object>(raw: unknown, defaults: T, checks: Checks<T> = {}, onDrop: (path: string) => void = () => {}): T {
  const out: Record<string, unknown> = {};
  const from = isPlain(raw) ? raw : {};
  const rules = checks as Record<string, unknown>;
  for (const [k, d] of Object.entries(defaults)) {
    const v = own(from, k);
    const check = own(rules, k);
    if (isPlain(d)) {
      if (v !== undefined && !isPlain(v)) onDrop(k);
      const merged = mergeLinked(v, d, (isPlain(check) ? check : {}) as Checks<typeof d>, (p) => onDrop(`${k}.${p}`));
      const ok = typeof check !== 'function' || passes(check, merged);
      if (!ok) onDrop(k);
      out[k] = ok ? merged : copy(d);
      continue;
    }
    let ok = v !== undefined && sameShape(v, d);
    if (ok && typeof check === 'function') ok = passes(check, v);
    else if (ok && d === null) ok = v === null || typeof v !== 'object'; // no check: only a primitive replaces a null default
    if (!ok && v !== undefined) onDrop(k);
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
  const read = () => mergeLinked(settings.get(key), defaults, checks, (path) => settings.drop(`${key}.${path}`));
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
