// Smoothness (issue 8): the main thread must not block while a ~1M-row operator panel loads and is
// analysed. A PerformanceObserver for 'longtask' (tasks > 50 ms) is installed before the page's own
// scripts; the report gives count, longest and total per phase (load, Lifecycle, Retention) and is
// attached to the test result. Target ~100 ms; the assertion allows 200 ms because CI shares two
// cores with other jobs (bench/RESULTS.md "Main-thread long tasks" has the measured figures).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, open, idle, TMP } from './fixtures';

/** Longest main-thread task allowed (ms): the ~100 ms target plus headroom for a loaded CI machine. */
const BUDGET_MS = 200;
/** Loading the file: the goal is no task over 50 ms; 100 ms leaves CI headroom (issue 19). */
const LOAD_BUDGET_MS = 100;
/** Longest task allowed while Lifecycle and Retention compute and draw (ms), as for loading. */
const VIEW_BUDGET_MS = 100;
/** ~1M rows: the generator yields ~17.5 rows per customer over 24 months. */
const CUSTOMERS = Number(process.env.LONGTASK_CUSTOMERS ?? 57_045);
const MONTHS = 24;

interface Generated {
  file: string;
  rows: number;
  bytes: number;
}

/**
 * Generates the panel once into tests/.tmp (git-ignored) and reuses it while its size matches what
 * the generator reported; writing to a temporary name and renaming keeps a half-written file out.
 */
function panel(): Generated {
  const file = path.join(TMP, `longtask-panel-${CUSTOMERS}x${MONTHS}-seed1.csv`);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    const known = JSON.parse(fs.readFileSync(meta, 'utf8')) as Generated;
    if (fs.statSync(file).size === known.bytes) return { ...known, file };
  }
  const part = `${file}.part`;
  const out = execFileSync(
    'npx',
    ['tsx', 'scripts/generate.ts', '--customers', String(CUSTOMERS), '--months', String(MONTHS), '--seed', '1', '--out', part],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8'
    }
  );
  const number = (label: string) => Number(out.match(new RegExp(`${label}\\s+([\\d,]+)`))![1].replaceAll(',', ''));
  const generated = { file, rows: number('rows'), bytes: number('bytes') };
  fs.renameSync(part, file);
  fs.writeFileSync(meta, JSON.stringify(generated));
  return generated;
}

interface Task {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks: Task[];
  }
}

/**
 * Runs `action` and returns the long tasks that started while it ran. Actions and waits use CSS
 * selectors: Playwright's role and label engines run on the page's main thread, and over a big DOM
 * they would show up here as long tasks of their own.
 */
async function phase(page: Page, action: () => Promise<void>): Promise<Task[]> {
  const from = await page.evaluate(() => performance.now());
  await action();
  const to = await page.evaluate(() => performance.now());
  return page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [from, to]);
}

function summary(name: string, tasks: Task[]): string {
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const total = tasks.reduce((s, t) => s + t.duration, 0);
  const list = tasks.map((t) => `${Math.round(t.duration)}@${(t.start / 1000).toFixed(1)}s`).join(' ');
  return `${name.padEnd(10)} count ${String(tasks.length).padStart(3)}  longest ${String(Math.round(longest)).padStart(4)} ms  total ${String(Math.round(total)).padStart(5)} ms  ${list}`;
}

test('1M-row panel: load, Lifecycle and Retention without long main-thread tasks', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const data = panel();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await open(page);

  const phases: [string, Task[]][] = [];
  const t0 = Date.now();
  phases.push([
    'load',
    await phase(page, async () => {
      await page.locator('input[type="file"][multiple]').setInputFiles(data.file);
      await expect(page.getByTestId('loaded')).toHaveText(data.rows.toLocaleString('en-US'), { timeout: 180_000 });
      await expect(page.getByTestId('kpi-table')).toBeVisible();
      await idle(page);
    })
  ]);
  const loadSeconds = (Date.now() - t0) / 1000;

  phases.push([
    'lifecycle',
    await phase(page, async () => {
      await page.locator('nav.views a[href="?view=lifecycle"]').click();
      await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(MONTHS, { timeout: 180_000 });
      await idle(page);
    })
  ]);

  // A parameter edit: the stages rerun and the stage views redraw, then churn by stage and the month views.
  phases.push([
    'edit',
    await phase(page, async () => {
      const run = await page.locator('[data-testid="lifecycle-seconds"]').getAttribute('data-run');
      await page.locator('input[name="down"]').fill('0.4');
      await page.locator('button[type="submit"]', { hasText: 'Recompute' }).click();
      await page.locator(`[data-testid="lifecycle-seconds"]:not([data-run="${run}"])`).waitFor({ timeout: 180_000 });
      await idle(page);
    })
  ]);

  phases.push([
    'retention',
    await phase(page, async () => {
      await page.locator('nav.views a[href="?view=churn"]').click();
      await page.locator('button', { hasText: 'Compute retention' }).click();
      await expect(page.locator('svg[role="img"][aria-label^="Heatmap of cohort retention"]')).toBeVisible({ timeout: 180_000 });
      await idle(page);
    })
  ]);

  const all = phases.flatMap(([, t]) => t);
  const report = [
    `${data.rows.toLocaleString('en-US')} rows, ${(data.bytes / 1e6).toFixed(0)} MB; load ${loadSeconds.toFixed(1)} s (wall); tasks as duration@start`,
    ...phases.map(([name, tasks]) => summary(name, tasks)),
    summary('all', all)
  ].join('\n');
  console.log(`main-thread long tasks (> 50 ms):\n${report}`);
  await testInfo.attach('longtasks.txt', { body: report, contentType: 'text/plain' });

  const longest = Math.max(0, ...all.map((t) => t.duration));
  const loadLongest = Math.max(0, ...phases[0][1].map((t) => t.duration));
  expect(loadLongest, `longest main-thread task while loading (ms)\n${report}`).toBeLessThanOrEqual(LOAD_BUDGET_MS);
  expect(longest, `longest main-thread task (ms)\n${report}`).toBeLessThanOrEqual(BUDGET_MS);
  // Lifecycle and Retention (issue 19): no task over 50 ms is the goal; 100 ms is asserted.
  const views = phases.filter(([name]) => name !== 'load').flatMap(([, t]) => t);
  expect(Math.max(0, ...views.map((t) => t.duration)), `longest task in Lifecycle and Retention (ms)\n${report}`).toBeLessThanOrEqual(
    VIEW_BUDGET_MS
  );
});
