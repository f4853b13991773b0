/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use and updates. On install, caches every file of the site listed in precache.json by
 * URL and content hash, downloading only the files no earlier version already cached (the 34 MB
 * wasm stays across deploys), then serves same-origin GETs from that cache first.
 *
 * A new version does not take over by itself: it waits, the page offers "reload to update", and
 * the page's button asks it to skip waiting. Open tabs of the old version keep working (offline
 * too) because the old version's files stay until no tab runs it: the service worker asks each
 * open tab for its version before deleting anything (src/lib/offline/precache.ts, prunePlan).
 */
import { version } from '$service-worker';
import { cacheKey, parseManifest, prunePlan, requestPath, type StoredManifest } from '$lib/offline/precache';

const sw = self as unknown as ServiceWorkerGlobalScope;
/** Files by URL and content hash, shared by every version. */
const CONTENT = 'clm:content';
/** Each installed version's manifest. */
const MANIFESTS = 'clm:manifests';
/** The caches of the service worker before content hashing: one per version, keyed by plain URL. */
const LEGACY = /^clm-/;

const scope = () => sw.registration.scope;
const manifestKey = (v: string) => new URL(`clm-manifest/${encodeURIComponent(v)}`, scope()).href;

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A copy of a response whose bytes have the expected hash, or null. */
async function verified(response: Response | undefined, hash: string): Promise<Response | null> {
  if (!response?.ok) return null;
  const bytes = await response.arrayBuffer();
  if (!(await sha256(bytes)).startsWith(hash)) return null;
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function install(): Promise<void> {
  const res = await fetch(new URL('precache.json', scope()), { cache: 'no-cache' });
  const manifest = parseManifest(await res.json());
  // A manifest of another build (a deploy in between) must not be cached as this version's.
  if (manifest.version !== version) throw new Error(`precache.json is for version ${manifest.version}, not ${version}`);
  // The manifest first: a concurrent clean-up by the active version then keeps what it lists.
  const stored: StoredManifest = { ...manifest, installed: Date.now() };
  await (await caches.open(MANIFESTS)).put(manifestKey(version), Response.json(stored));
  const content = await caches.open(CONTENT);
  await Promise.all(
    manifest.files.map(async (file) => {
      const key = cacheKey(file, scope());
      if (await content.match(key)) return;
      const url = new URL(file.url, scope()).href;
      // A copy cached by the service worker before content hashing, if its bytes are the same.
      const copy =
        (await verified(await caches.match(url), file.hash)) ?? (await verified(await fetch(url, { cache: 'no-cache' }), file.hash));
      if (!copy) throw new Error(`${url} is not the file this version lists (changed during the update?)`);
      await content.put(key, copy);
    })
  );
}

/** Each open tab's version (null when a tab does not answer within 2 s). */
async function versionsInUse(): Promise<(string | null)[]> {
  // Uncontrolled tabs too (a first visit before the worker took it); not other apps of the origin.
  const tabs = (await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })).filter((t) => t.url.startsWith(scope()));
  return Promise.all(
    tabs.map(
      (tab) =>
        new Promise<string | null>((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(() => resolve(null), 2000);
          channel.port1.onmessage = (e) => {
            clearTimeout(timer);
            resolve(typeof e.data?.version === 'string' ? e.data.version : null);
          };
          tab.postMessage({ type: 'clm:version?' }, [channel.port2]);
        })
    )
  );
}

/** Deletes the files of versions no open tab runs (and the caches of before content hashing). */
async function prune(): Promise<void> {
  const manifests = await caches.open(MANIFESTS);
  const stored = await Promise.all((await manifests.keys()).map(async (k) => (await (await manifests.match(k))!.json()) as StoredManifest));
  const inUse = await versionsInUse();
  const plan = prunePlan(stored, version, inUse, scope());
  const content = await caches.open(CONTENT);
  await Promise.all(plan.keys.map((k) => content.delete(k)));
  await Promise.all(plan.versions.map((v) => manifests.delete(manifestKey(v))));
  if (inUse.every((v) => v !== null)) {
    await Promise.all((await caches.keys()).filter((name) => LEGACY.test(name)).map((name) => caches.delete(name)));
  }
}

/** This version's cache keys by path, read once per service-worker start. */
let keys: Promise<Map<string, string>> | null = null;
function ownKeys(): Promise<Map<string, string>> {
  keys ??= (async () => {
    const res = await (await caches.open(MANIFESTS)).match(manifestKey(version));
    const manifest = res ? ((await res.json()) as StoredManifest) : { files: [] };
    return new Map(manifest.files.map((f) => [f.url, cacheKey(f, scope())]));
  })();
  return keys;
}

async function respond(request: Request, path: string): Promise<Response> {
  const key = (await ownKeys()).get(path);
  // A path this version does not list may be a file of the version an older open tab runs.
  const hit = key ? await (await caches.open(CONTENT)).match(key) : await caches.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch {
    return new Response('offline', { status: 503, statusText: `offline: ${path}` });
  }
}

sw.addEventListener('install', (event) => {
  if (!import.meta.env.DEV) event.waitUntil(install());
});

sw.addEventListener('activate', (event) => {
  // The first version takes the tab that installed it, so its lazily loaded views are cached too.
  event.waitUntil(sw.clients.claim().then(prune));
});

sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'clm:skip-waiting') void sw.skipWaiting();
  // A page has loaded (perhaps after a tab of an older version closed): clean up what no tab uses.
  if (type === 'clm:hello') event.waitUntil(prune());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (import.meta.env.DEV || request.method !== 'GET') return;
  const path = requestPath(request.url, scope(), request.mode === 'navigate');
  if (path !== null) event.respondWith(respond(request, path));
});
