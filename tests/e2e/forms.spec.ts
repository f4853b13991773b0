/**
 * Parameter boxes say when they cannot be read, in the UI's language (issue 17, "Invalid parameter
 * input is shown as invalid; browser validation messages follow the UI language").
 */
import { test, expect, open, idle } from './fixtures';

test('a mistyped list and an emptied or out-of-range number are marked invalid, with messages in Chinese', async ({ page }) => {
  await open(page, '?lang=zh&sample=1&view=lifecycle');
  const form = page
    .locator('form')
    .filter({ has: page.locator('input[data-number-list]') })
    .first();
  await expect(form).toBeVisible({ timeout: 60_000 });
  await idle(page);

  // "abc, 100" used to become 100 silently.
  const cuts = form.locator('input[data-number-list]');
  await cuts.fill('abc, 100');
  await expect(cuts).toHaveAttribute('aria-invalid', 'true');
  await expect(cuts).toHaveAttribute('title', /以逗号分隔/);
  await cuts.fill('50, 150');
  await expect(cuts).not.toHaveAttribute('aria-invalid', 'true');

  // An emptied number box used to show nothing while the default was used.
  const box = form.locator('input[type="number"][min]').first();
  await box.fill('');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAttribute('title', /默认值/);

  // Below its minimum: the browser's message is replaced by one in the UI language.
  const min = Number(await box.getAttribute('min'));
  await box.fill(String(min - 1));
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const message = await box.evaluate((el: HTMLInputElement) => (el.reportValidity(), el.validationMessage));
  expect(message).toContain('不小于');
  await box.fill(String(min));
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  expect(await box.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('');
});
