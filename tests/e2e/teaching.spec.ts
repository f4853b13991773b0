/**
 * Teaching mode, chart export and the printable report (issue 8), on the seeded sample panel.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, idle, upload, SHARED } from './fixtures';

test('a walkthrough loads the sample, highlights its targets and jumps between steps; report prints', async ({ page }) => {
  await open(page, '?lang=en&view=teaching');
  await page.getByRole('button', { name: 'The five lifecycle stages and their levers' }).click();
  const step = page.getByTestId('teach-step');
  await expect(step).toHaveAttribute('data-step', '1');
  await expect(step).toHaveAttribute('data-view', 'data');
  // Nothing was loaded: the walkthrough loads the seeded sample (2,000 customers) and outlines the count.
  const customers = page.getByTestId('teach-stage').getByTestId('customers');
  await expect(customers).toHaveText('2,000', { timeout: 60_000 });
  await expect(customers).toHaveClass(/teach-highlight/);
  await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();

  // Jump to step 3 from the step list: the lifecycle view opens and the funnel is outlined.
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'The funnel' }).click();
  await expect(step).toHaveAttribute('data-step', '3');
  await expect(step).toHaveAttribute('data-view', 'lifecycle');
  await expect(page).toHaveURL(/tour=lifecycle&step=3/);
  const funnel = page.getByTestId('teach-stage').getByTestId('lifecycle-funnel');
  await expect(funnel).toHaveClass(/teach-highlight/, { timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'The funnel' })).toHaveAttribute(
    'aria-current',
    'step'
  );
  await idle(page);

  // Keyboard: Next step moves on to step 4.
  await page.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Enter');
  await expect(step).toHaveAttribute('data-step', '4');
  await expect(page.getByTestId('teach-stage').getByTestId('lifecycle-transitions')).toHaveClass(/teach-highlight/, { timeout: 60_000 });
  await idle(page);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Printable report: the nav and controls disappear in print, the header with the date stays.
  await page.getByRole('button', { name: 'Show report' }).click();
  await idle(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: /views/i })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Customer lifecycle report' })).toBeVisible();
  const year = String(new Date().getUTCFullYear());
  await expect(page.getByTestId('report-date')).toContainText(year);
  await expect(page.getByTestId('report').getByTestId('kpi-table')).toBeVisible();
  // Results, not controls: no drop zone, role choice or input reaches paper; the parameters set in
  // them are printed as text instead (the lifecycle view's rule set, in the UI language).
  const report = page.getByTestId('report');
  await expect(report.locator('input:visible, select:visible, textarea:visible, button:visible, .dropzone:visible')).toHaveCount(0);
  await expect(report.locator('[data-view="lifecycle"]').getByTestId('report-params')).toContainText('Rule set');
  await page.emulateMedia({ media: 'screen' });

  // Leaving Teaching takes the walkthrough's parameters out of the URL.
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await expect(page).toHaveURL(/view=lifecycle/);
  expect([...new URL(page.url()).searchParams.keys()].filter((k) => k === 'tour' || k === 'step')).toEqual([]);
});

test('a walkthrough started with CDNOW selected runs on the sample and gives CDNOW back', async ({ page }) => {
  await open(page, '?lang=en');
  await upload(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  const datasets = page.getByRole('navigation', { name: 'Loaded files' });
  await expect(datasets.getByRole('button', { name: 'CDNOW_sample.txt', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Teaching' }).click();
  await page.getByRole('button', { name: 'The five lifecycle stages and their levers' }).click();
  // Step 3 (the funnel) needs a monthly panel: it shows on the sample, not "needs a monthly panel".
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'The funnel' }).click();
  const stage = page.getByTestId('teach-stage');
  await expect(stage.getByTestId('lifecycle-funnel')).toHaveClass(/teach-highlight/, { timeout: 60_000 });
  await expect(stage.getByTestId('lifecycle-error')).toHaveCount(0);
  // The step text with Back/Next stays in view while the page scrolls to the target.
  const step = page.getByTestId('teach-step');
  await expect(step).toBeInViewport();
  await expect(step.getByRole('button', { name: 'Next step' })).toBeInViewport();
  await expect(stage.getByTestId('lifecycle-funnel')).toBeInViewport();
  await idle(page);
  // Leaving Teaching gives the user's own selection back.
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(
    page.getByRole('navigation', { name: 'Loaded files' }).getByRole('button', { name: 'CDNOW_sample.txt', exact: true })
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the Data view chart downloads as SVG and PNG', async ({ page }) => {
  await open(page, '?lang=en&sample=1');
  await expect(page.getByTestId('kpi-table')).toBeVisible({ timeout: 60_000 });
  await idle(page);
  for (const [format, check] of [
    ['SVG', (b: Buffer) => /^<\?xml[^>]*>\s*<svg /.test(b.toString('utf8')) && b.toString('utf8').includes('fill:')],
    ['PNG', (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && b.length > 2000]
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: new RegExp(`as ${format}$`) })
        .first()
        .click()
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
    const body = fs.readFileSync((await download.path())!);
    expect(check(body), `${format} file starts with its signature`).toBe(true);
  }
});
