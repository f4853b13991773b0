// A transaction log is a first-class input: the GB18030 log of tests/fixtures/ingest gets the amount
// role, its monthly panel is built in Data and Lifecycle runs on it.
import path from 'node:path';
import { test, expect, open, upload, idle } from './fixtures';

const LOG = path.resolve(import.meta.dirname, '../fixtures/ingest/gb18030-transactions.csv');

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: a transaction log gets the amount role and a monthly panel that Lifecycle accepts`, async ({ page }) => {
    const t =
      lang === 'en'
        ? {
            build: 'Build the monthly panel',
            panel: 'gb18030-transactions.csv · monthly panel',
            note: 'Monthly panel built from the transaction log',
            amountRole: /消费金额/
          }
        : { build: '生成月度面板', panel: 'gb18030-transactions.csv · 月度面板', note: '由交易流水', amountRole: /消费金额/ };
    await open(page, `?lang=${lang}`);
    await upload(page, LOG);
    await expect(page.getByTestId('encoding')).toHaveText('gb18030');
    await expect(page.getByTestId('loaded')).toHaveText('1,994');
    await expect(page.getByRole('combobox', { name: t.amountRole })).toHaveValue('amount');
    await page.getByTestId('transaction-log').getByRole('button', { name: t.build }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.panel })).toBeVisible();
    await expect(page.getByTestId('derived-note')).toContainText(t.note);
    await idle(page);
    await page.locator('nav.views a[href="?view=lifecycle"]').click();
    await expect(page.getByTestId('lifecycle-distribution').locator('tbody tr')).toHaveCount(12);
    await idle(page);
  });
}
