// Work that gets stuck (issue 16): Cancel with several calls in flight, Cancel during a long LTV fit
// (no refit on its own, nor after a second Cancel), and an engine worker that stops without an
// error event. Each ends with the page idle (`aria-busy="false"`) and the data still loaded.
import { test, expect, open, idle, upload, SHARED } from './fixtures';

const link = (settings: object) => `#s=${Buffer.from(JSON.stringify(settings)).toString('base64url')}`;

test('Cancel with three calls in flight (a churn link) settles them all and the page leaves the busy state', async ({ page }) => {
  test.setTimeout(240_000);
  // A link that showed cohort retention, survival and the model: entering the tab starts three calls.
  await open(page, `?lang=en${link({ churn: { retention: true, survival: true, model: true } })}`);
  await page.getByLabel('Sample size (customers)').fill('30000');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await idle(page);
  await page.getByRole('link', { name: 'Retention & churn' }).click();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(page.getByRole('heading', { name: 'Survival (Kaplan–Meier)' })).toBeVisible();
  await cancel.click();
  await expect(page.getByText('Cancelled. The engine was restarted')).toBeVisible();
  await idle(page); // the calls settled and the file was loaded again
  await expect(page.getByTestId('engine-ready')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0); // a cancelled call is not an error
  // Nothing started again on its own: the sections wait for the user.
  await expect(page.getByTestId('auc')).toHaveCount(0);
  await expect(page.getByTestId('km-table')).toHaveCount(0);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  // And the engine works: the user computes survival.
  await page.getByRole('button', { name: 'Compute survival' }).click();
  await idle(page);
  await expect(page.getByTestId('km-table')).toBeVisible();
});

test('Cancel during a long LTV fit: no refit on its own, none after a second Cancel; the last fit stays', async ({ page }) => {
  test.setTimeout(300_000);
  await open(page);
  await upload(page, `${SHARED}/cdnow/CDNOW_master.txt`);
  await page.getByRole('link', { name: 'Lifetime value' }).click();
  const fit = page.getByRole('button', { name: 'Fit models' });
  const cancel = page.getByRole('button', { name: 'Cancel' });
  const fitted = page.getByTestId('ltv-fit-seconds');
  // A first fit (the link now records that the models were fitted, which used to refit on every visit).
  await fit.click();
  await idle(page);
  const first = await fitted.getAttribute('data-seconds');
  expect(Number(first)).toBeGreaterThan(0);
  for (const round of [1, 2]) {
    // The fit (analytic gradients) takes about half a second on CDNOW: Cancel at once, while it runs;
    // the Cancel button is there as soon as the call starts. Had the fit finished first, its time
    // would differ below and the test would fail, not pass by accident.
    await fit.click();
    await cancel.click();
    await idle(page); // cancelled, and CDNOW_master.txt read again
    await expect(page.getByTestId('engine-ready')).toBeVisible();
    // Entering the tab again must not fit either.
    await page.getByRole('link', { name: 'Data' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'CDNOW_master.txt' })).toBeVisible();
    await page.getByRole('link', { name: 'Lifetime value' }).click();
    await idle(page);
    // The first fit is still shown, and no other fit ran (its time would differ).
    await expect(fitted, `no fit after Cancel ${round}`).toHaveAttribute('data-seconds', first!);
    await expect(fit).toBeEnabled();
  }
});

test('an engine worker stopped without an error event is noticed, reported and restarted with the files loaded again', async ({ page }) => {
  await open(page, '?lang=en&sample=1');
  await expect(page.getByTestId('customers')).toHaveText('2,000');
  await idle(page);
  expect(page.workers()).toHaveLength(1);
  // As the browser ending it: the worker closes itself; no error event reaches the page.
  await page.workers()[0].evaluate(() => (self as unknown as { close(): void }).close());
  await expect(page.getByTestId('engine-lost')).toContainText('stopped unexpectedly');
  await idle(page);
  await expect(page.getByTestId('engine-ready')).toBeVisible();
  await expect(page.getByTestId('customers')).toHaveText('2,000');
  // The new worker answers.
  await page.getByRole('link', { name: 'Lifecycle' }).click();
  await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(24);
});
