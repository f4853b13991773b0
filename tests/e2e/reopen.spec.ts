// A reload loses the loaded data: the page asks before unloading, and afterwards offers to reload
// the files that were open. A real drop (Chromium's drag input with a file from disk, which carries a
// FileSystemFileHandle, as a drop from the file manager does) and a file chosen in the file dialog
// (no handle: named, to be chosen again).
import type { Page } from '@playwright/test';
import { test, expect, open, upload, SHARED } from './fixtures';

/** Drops a file from disk on the drop zone through Chromium's input pipeline. */
async function dropFromDisk(page: Page, file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('.dropzone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + 10 };
  const data = { items: [], files: [file], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
}

test('a reload asks first while data is loaded, then offers the files that were open', async ({ page }) => {
  await open(page);
  // No data, no question: a reload goes through at once.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.getByRole('heading', { name: 'Load data' }).click(); // user activation, as a person's
  await page.reload();
  await open(page);
  expect(dialogs).toEqual([]);
  await expect(page.getByTestId('reopen-offer')).toHaveCount(0);

  await dropFromDisk(page, `${SHARED}/cdnow/CDNOW_sample.txt`);
  await expect(page.getByRole('heading', { level: 2, name: 'CDNOW_sample.txt' })).toBeVisible();
  await expect(page.getByTestId('customers')).toHaveText('2,357');
  await upload(page, `${SHARED}/cdnow/donations.csv`);

  await page.getByRole('heading', { name: 'Load data' }).click();
  await page.reload();
  await open(page);
  expect(dialogs).toEqual(['beforeunload']);

  const offer = page.getByTestId('reopen-offer');
  await expect(offer).toContainText('CDNOW_sample.txt, donations.csv');
  await expect(offer).toContainText('Choose again (this browser gives no lasting access to them): donations.csv.');
  await offer.getByRole('button', { name: 'Reload the files you had open' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'CDNOW_sample.txt' })).toBeVisible();
  await expect(page.getByTestId('customers')).toHaveText('2,357');
  // The dropped file is back; the chosen one is still named.
  await expect(offer).not.toContainText('CDNOW_sample.txt');
  await expect(offer).toContainText('donations.csv');
  await offer.getByRole('button', { name: 'Forget them' }).click();
  await expect(offer).toHaveCount(0);

  // What is loaded is kept again: a second reload offers it, in Chinese too.
  await page.goto('?lang=zh');
  await open(page, '?lang=zh');
  await expect(page.getByTestId('reopen-offer')).toContainText('上次打开的文件：CDNOW_sample.txt。');
  await page.getByTestId('reopen-offer').getByRole('button', { name: '重新载入之前打开的文件' }).click();
  await expect(page.getByTestId('customers')).toHaveText('2,357');
});
