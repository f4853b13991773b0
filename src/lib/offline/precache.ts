/**
 * The offline cache's bookkeeping, as pure functions the service worker uses (and vitest checks).
 *
 * Every file of the site is cached under its URL plus its content hash, in one cache shared by all
 * versions: a file whose bytes did not change between two deploys (the 34 MB DuckDB wasm, most
 * chunks) is one entry, downloaded once. Each version's manifest (build/precache.json, written by
 * scripts/precache-manifest.mjs) says which entries it uses. A version's entries are dropped only
 * when no open tab runs that version any more, because a tab that has not reloaded still imports
 * its own lazily loaded views, by their old names, when the user opens them.
 */

/** One file of the site: its path relative to the site root ('' is the page) and its content hash. */
export interface PrecacheEntry {
  url: string;
  hash: string;
  bytes: number;
}

/** build/precache.json: the build's version (Kit's `version`) and every file of the site. */
export interface PrecacheManifest {
  version: string;
  files: PrecacheEntry[];
}

/** A manifest as the service worker keeps it, with when its version was installed. */
export interface StoredManifest extends PrecacheManifest {
  installed: number;
}

/** The cache key of a file: its URL under the service worker's scope, with its content hash. */
export function cacheKey(entry: PrecacheEntry, scope: string): string {
  const url = new URL(entry.url, scope);
  url.searchParams.set('clm-hash', entry.hash);
  return url.href;
}

/** Reads build/precache.json, refusing anything else (a wrong file must not replace the cache). */
export function parseManifest(json: unknown): PrecacheManifest {
  const m = json as Partial<PrecacheManifest> | null;
  const valid =
    typeof m?.version === 'string' &&
    Array.isArray(m.files) &&
    m.files.every(
      (f) => typeof f?.url === 'string' && typeof f.hash === 'string' && /^[0-9a-f]{16,64}$/.test(f.hash) && typeof f.bytes === 'number'
    );
  if (!valid) throw new Error('precache.json is not a precache manifest');
  return m as PrecacheManifest;
}

/**
 * The file a request asks for, as a path relative to the scope ('' for the page), or null when the
 * request is outside the scope. Any navigation to the page (with `?lang=`, `?sample=`, a hash) is the
 * one page.
 */
export function requestPath(url: string, scope: string, navigation: boolean): string | null {
  const u = new URL(url);
  const s = new URL(scope);
  if (u.origin !== s.origin || !u.pathname.startsWith(s.pathname)) return null;
  const path = decodeURIComponent(u.pathname.slice(s.pathname.length));
  return navigation && (path === '' || path === 'index.html') ? '' : path;
}

/**
 * What may be deleted now, by the service worker of version `own`: the manifests of versions that
 * no open tab runs, and the entries only they use. `inUse` is each open tab's version, null for a
 * tab that did not answer (an older page, a frozen tab): then nothing is deleted, since its files
 * are unknown (so too for a tab of a version without a stored manifest). Versions installed after `own` are kept: they are installing or waiting, and clean
 * up after themselves when they become active.
 */
export function prunePlan(
  stored: StoredManifest[],
  own: string,
  inUse: (string | null)[],
  scope: string
): { versions: string[]; keys: string[] } {
  const mine = stored.find((m) => m.version === own);
  const known = inUse.every((v) => v !== null && stored.some((m) => m.version === v));
  if (!mine || !known) return { versions: [], keys: [] };
  const keep = (m: StoredManifest) => m.version === own || inUse.includes(m.version) || m.installed > mine.installed;
  const kept = new Set(stored.filter(keep).flatMap((m) => m.files.map((f) => cacheKey(f, scope))));
  const dropped = stored.filter((m) => !keep(m));
  const keys = new Set(dropped.flatMap((m) => m.files.map((f) => cacheKey(f, scope))).filter((k) => !kept.has(k)));
  return { versions: dropped.map((m) => m.version), keys: [...keys] };
}
