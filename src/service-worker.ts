/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use: on install, caches the whole app (pages, JS, CSS and the DuckDB wasm), then serves
 * same-origin GETs from the cache first. After one visit the workbench works with the network off.
 * Paths are resolved against the worker's scope so the same build works under a sub-path.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `clm-${version}`;
const scope = () => sw.registration.scope;

/**
 * Everything to cache: Kit's lists (already prefixed with the base path) plus build/precache.json,
 * written after the build by scripts/precache-manifest.mjs, which also lists the engine worker's
 * chunks and the DuckDB wasm (Kit's lists leave out worker assets).
 */
async function assets(): Promise<string[]> {
  const kit = [...build, ...files, ...prerendered].map((p) => new URL(p, sw.location.origin).href);
  let extra: string[] = [];
  try {
    const res = await fetch(new URL('precache.json', scope()));
    if (res.ok) extra = ((await res.json()) as string[]).map((p) => new URL(p, scope()).href);
  } catch {
    /* no manifest (dev server): Kit's lists only */
  }
  return [...new Set([scope(), ...kit, ...extra])];
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([caches.open(CACHE), assets()]).then(([cache, list]) => cache.addAll(list)).then(() => sw.skipWaiting())
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('clm-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim())
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The page itself with any query (?lang=, ?sample=) is the one cached index page.
      const key = new URL(request.url);
      const isPage = request.mode === 'navigate';
      const hit = await cache.match(isPage ? scope() : request, { ignoreSearch: isPage });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch {
        return new Response('offline', { status: 503, statusText: `offline: ${key.pathname}` });
      }
    })()
  );
});
