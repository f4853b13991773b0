// What every benchmark script needs: the repository's folders, its options, the load average
// printed beside every figure (the machine is shared), a median, and Node's meaning of the
// worker code's `?raw` SQL imports.
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Generated data and pages (git-ignored). */
export const out = path.join(root, 'bench/out');
fs.mkdirSync(out, { recursive: true });

const args = process.argv.slice(2);
/** Whether the flag `name` was given. */
export const flag = (name) => args.includes(name);
/** The value after `--name` on the command line, or `fallback`. */
export const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

/** The 1-, 5- and 15-minute load averages, as /proc/loadavg prints them. */
export const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The middle value (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The worker code imports its SQL with Vite's `?raw`: the same, for Node (as cli/bin/clm.mjs does). */
export function registerRawImports() {
  register(
    'data:text/javascript,' +
      encodeURIComponent(`
    export async function resolve(spec, ctx, next) {
      if (!spec.endsWith('?raw')) return next(spec, ctx);
      const r = await next(spec.slice(0, -4), ctx);
      return { ...r, url: r.url + '?raw', format: 'module', shortCircuit: true };
    }
    export async function load(url, ctx, next) {
      if (!url.endsWith('?raw')) return next(url, ctx);
      const { readFile } = await import('node:fs/promises');
      return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(await readFile(new URL(url.slice(0, -4)), 'utf8')) };
    }`)
  );
}
