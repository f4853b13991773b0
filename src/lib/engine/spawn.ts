/**
 * Starts the engine worker so that the page's Content Security Policy binds it.
 *
 * A same-origin module worker started from its own URL gets the policy of its own response, and a
 * static host sends none: the page's `<meta>` policy does not reach it, so the worker that holds the
 * data could fetch another origin. A worker started from a `blob:` URL inherits the policy of the
 * page that created it (HTML's policy container rules for local schemes), meta tag included. So the
 * worker is a one-line `blob:` module that imports the bundled engine script; `import.meta.url`
 * inside the engine is still the script's own URL, so its wasm and chunks resolve as before.
 */
import engineScript from '$workers/engine.ts?worker&url';

export function spawnEngine(): Worker {
  // The dev server hands out root-relative module and asset paths (`/node_modules/…`), which a
  // worker whose own URL is `blob:` cannot resolve; the built site's are absolute.
  if (import.meta.env.DEV) return new Worker(engineScript, { type: 'module' });
  const script = new URL(engineScript, location.href).href;
  const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};`], { type: 'text/javascript' }));
  try {
    return new Worker(bootstrap, { type: 'module' });
  } finally {
    // The URL is resolved when the worker is constructed; the blob is not needed after that.
    URL.revokeObjectURL(bootstrap);
  }
}
