/**
 * Analysis settings as the site saves them (a link's `#s=` hash, or the settings file of Save
 * settings) and the checks everything read from one passes: a size and a nesting limit before it is
 * parsed, keys that reach prototypes removed, then each tab's fields checked against their defaults'
 * kinds, enums and ranges (`mergeLinked`). Pure, so the page and the command line read a settings
 * file through the same code.
 */

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

/** A deep copy of plain JSON (also of $state proxies, which structuredClone refuses). */
export const copy = <V>(v: V): V => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V));
const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks of a tab's settings read from a link, field by field: a function gets the candidate value
 * (already of the default's JSON shape) and says whether to keep it; a nested object of checks
 * applies to a nested object of settings.
 */
export type Checks<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? (v: T[K]) => boolean
    : T[K] extends object
      ? Checks<T[K]> | ((v: T[K]) => boolean)
      : (v: T[K]) => boolean;
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
export function mergeLinked<T extends object>(
  raw: unknown,
  defaults: T,
  checks: Checks<T> = {},
  onDrop: (path: string) => void = () => {}
): T {
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

/**
 * One tab's part of the settings: its key, its defaults and the checks of its fields. The page reads
 * it through `linked` ($lib/share/settings.svelte), the command line through `SiteSettings.tab`
 * (cli/src/params.ts), so both take the same values from the same saved settings.
 */
export interface TabSettings<T extends object> {
  key: string;
  defaults: T;
  checks: Checks<T>;
}

/** Field checks the tabs' settings share. */
export const between = (lo: number, hi: number) => (v: number) => v >= lo && v <= hi;
export const intBetween = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
export const oneOf = (allowed: readonly string[]) => (v: string) => allowed.includes(v);
export const nullOr =
  <V>(check: (v: V) => boolean) =>
  (v: V | null) =>
    v === null || check(v);
/** Strictly between 0 and 1. */
export const share = (v: number) => v > 0 && v < 1;
export const ascending = (v: number[]) => v.every((x, i) => i === 0 || x > v[i - 1]);
/** An ISO date, or '' for the data's own. */
export const isoDateOrEmpty = (v: string) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
