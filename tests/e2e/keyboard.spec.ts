// Keyboard through every view (issue 8): with the sample panel loaded once, each tab link of
// src/lib/views.ts is reached with Tab and opened with Enter; Tab then walks the view, and every
// visible, enabled control in it (button, input, select, link, summary, scrollable region) must
// receive focus, in a walk that ends (no trap), never lands on something invisible, and shows a
// focus indicator (outline or box-shadow) on each stop.
// (axe with data runs per view in app, lifecycle, churn, ltv, value, segments and teaching specs.)
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, open, idle } from './fixtures';

/** The views, read from src/lib/views.ts (it imports .svelte files, which the test runner cannot load). */
const VIEWS = [
  ...fs
    .readFileSync(path.resolve(import.meta.dirname, '../../src/lib/views.ts'), 'utf8')
    .matchAll(/\{\s*id: '([\w-]+)',\s*label: \{ en: '([^']+)'/g)
].map(([, id, en]) => ({ id, label: { en } }));

/** Marks the view's expected tab stops (`data-kb`) and returns a description of each. */
async function markStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nav = document.querySelector('nav.views')!;
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const radios = new Set<string>();
    const stops: string[] = [];
    // A region that scrolls must be reachable too (arrow keys scroll it), focusable or not.
    const scrolls = (el: HTMLElement) => {
      const s = getComputedStyle(el);
      return (
        (/auto|scroll/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (/auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
      );
    };
    const candidates = new Set(document.querySelectorAll<HTMLElement>(`main ${selector}`));
    for (const el of document.querySelectorAll<HTMLElement>('main *')) if (scrolls(el)) candidates.add(el);
    const ordered = [...candidates].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const el of ordered) {
      el.removeAttribute('data-kb');
      if (!(nav.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || nav.contains(el)) continue;
      // A native control is expected even with tabindex="-1" (that would make it unreachable).
      const native = el.matches('a[href], button, input, select, textarea, summary');
      if ((el.tabIndex < 0 && !native && !scrolls(el)) || (el as HTMLButtonElement).disabled || el.closest('fieldset:disabled')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Only one radio of a group is a tab stop (arrow keys move within the group).
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (radios.has(el.name)) continue;
        radios.add(el.name);
        el.closest('[role=radiogroup], fieldset')
          ?.querySelectorAll(`input[name="${el.name}"]`)
          .forEach((r) => r.setAttribute('data-kb', String(stops.length)));
      }
      el.setAttribute('data-kb', String(stops.length));
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      stops.push(`${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${label}"`);
    }
    return stops;
  });
}

interface Focused {
  kb: string | null;
  inView: boolean;
  tag: string;
  indicator: boolean;
}

/** What has focus: its mark, whether it follows the view nav, and whether a focus ring shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const nav = document.querySelector('nav.views')!;
    if (!el || el === document.body) return { kb: null, inView: false, tag: 'body', indicator: false };
    const ring = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    // A visually hidden file input shows its ring on the label that wraps it (:focus-within).
    const label = el.closest('label');
    return {
      kb: el.getAttribute('data-kb'),
      inView: !nav.contains(el) && !!(nav.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      tag: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
      indicator: ring(el) || (!!label && ring(label))
    };
  });
}

test('every view: tab link by keyboard, Enter, Tab reaches every control with a visible focus ring', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, '?lang=en&sample=1');
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('link')).toHaveText(VIEWS.map((v) => v.label.en));

  for (const view of VIEWS) {
    const link = nav.getByRole('link', { name: view.label.en, exact: true });
    // Reach the link with Tab (focus wraps around the page end), then open the view with Enter.
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((a) => a === document.activeElement);
    }
    expect(reached, `Tab reaches the ${view.id} tab link`).toBe(true);
    expect((await focused(page)).indicator, `the ${view.id} tab link shows focus`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main > p.muted[role="status"]')).toHaveCount(0);
    await idle(page);
    // Parts of a view render a frame or two after its data (components/Deferred.svelte): walk it
    // once the number of controls stays the same over three more frames.
    let stops = await markStops(page);
    for (let before = -1; before !== stops.length;) {
      before = stops.length;
      for (let f = 0; f < 3; f++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      await idle(page);
      stops = await markStops(page);
    }
    expect(stops.length, `${view.id}: the view has controls`).toBeGreaterThan(0);
    const seen = new Set<string>();
    const noRing: string[] = [];
    const hidden: string[] = []; // focus on something not visible (or not a control) in the view
    const order: string[] = [];
    let trapped = '';
    for (let i = 0; i < stops.length + 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.kb === null && !f.inView) {
        if (seen.size > 0 || i > 40) break; // left the view (page end) after walking it
        continue; // still in the header or the tab links before the view
      }
      order.push(f.tag);
      if (f.kb === null) hidden.push(f.tag);
      if (f.kb !== null && seen.has(f.kb) && order.at(-2) === f.tag) {
        trapped = f.tag;
        break;
      }
      if (f.kb !== null) seen.add(f.kb);
      if (!f.indicator) noRing.push(f.tag);
      if (i === stops.length + 59) trapped = `walk did not end after ${i + 1} Tabs (at ${f.tag})`;
    }
    const missed = stops.filter((_, k) => !seen.has(String(k)));
    console.log(`${view.id}: ${stops.length} controls, ${seen.size} reached in ${order.length} Tab stops`);
    expect({ view: view.id, missed, noRing, hidden, trapped }).toEqual({ view: view.id, missed: [], noRing: [], hidden: [], trapped: '' });
  }
});
