// Files as Chinese operators' exports really come: GB18030, Chinese headers, bad rows, empty, binary.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, open, upload, tmpFile, TMP } from './fixtures';

const GB_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ingest');

test('a GB18030 file with Chinese headers is detected, decoded and mapped', async ({ page }) => {
  const gb = fs.readdirSync(GB_FIXTURE).find((f) => /gb18030/i.test(f));
  expect(gb, 'GB18030 fixture in tests/fixtures/ingest').toBeTruthy();
  await open(page, '?lang=zh');
  await upload(page, path.join(GB_FIXTURE, gb!));
  await expect(page.getByTestId('encoding')).toHaveText('gb18030');
  await expect(page.getByTestId('rejected')).toHaveText('0');
  await expect(page.getByRole('combobox', { name: /用户ID/ }).first()).toHaveValue('customerId');
});

test('a file with bad rows: exact loaded and rejected counts with reasons and lines', async ({ page }) => {
  const file = tmpFile(
    'bad-rows.csv',
    [
      '用户ID,账期,出账收入,是否离网',
      'U1,202401,"1,234.50",0',
      'U1,2024年2月,¥88,否',
      'U2,2024/01,12.5%,1',
      'U3,202401,abc,0',
      ',202401,10,0',
      'U4,13月,10,0',
      'U5,202401,10',
      'U6,202401,10,0,extra',
      'U7,202401,,0',
      'U8,"202401",20,是'
    ].join('\r\n') + '\r\n'
  );
  await open(page);
  await upload(page, file);
  await expect(page.getByTestId('rows-in-file')).toHaveText('10');
  await expect(page.getByTestId('loaded')).toHaveText('5');
  await expect(page.getByTestId('rejected')).toHaveText('5');
  await expect(page.getByTestId('accounting')).toHaveText('5 loaded + 5 rejected = 10 rows in the file');
  const reasons = page.getByTestId('reject-reasons');
  await expect(reasons.locator('[data-reason="wrong-field-count"]')).toContainText('line 8');
  await expect(reasons.locator('[data-reason="bad-number"]')).toContainText('出账收入');
  await expect(reasons.locator('[data-reason="bad-month"]')).toBeVisible();
  await expect(reasons.locator('[data-reason="missing-customer-id"]')).toBeVisible();
});

test('an empty file and a binary file get clear messages', async ({ page }) => {
  await open(page);
  await upload(page, tmpFile('empty.csv', ''));
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'empty-file');
  await expect(page.getByTestId('error')).toContainText('The file is empty.');
  const bin = new Uint8Array(8192).map((_, i) => (i * 7919 + 13) % 256);
  await upload(page, tmpFile('random.bin', bin));
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'binary-file');
  await expect(page.getByTestId('error')).toContainText('not a text, Parquet or Excel file');
});

test('XLSX and Parquet files load through the same accounting', async ({ page }) => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const parquet = path.join(TMP, 'panel.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (SELECT 'C' || (i % 50) AS customer_id, DATE '2024-01-01' + INTERVAL (i % 6) MONTH AS month, i * 1.5 AS arpu
    FROM range(300) r(i)) TO '${parquet}' (FORMAT parquet)`);
  await open(page);
  await upload(page, path.join(GB_FIXTURE, 'panel.xlsx'));
  await expect(page.getByTestId('loaded')).toHaveText('4');
  await expect(page.getByTestId('customers')).toHaveText('3');
  await upload(page, parquet);
  await expect(page.getByTestId('loaded')).toHaveText('300');
  await expect(page.getByTestId('customers')).toHaveText('50');
  await expect(page.getByTestId('months')).toHaveText('6');
});

test('the encoding can be overridden, and column roles are remembered for the same header', async ({ page }) => {
  const gb = fs.readdirSync(GB_FIXTURE).find((f) => /gb18030/i.test(f))!;
  await open(page, '?lang=zh');
  await upload(page, path.join(GB_FIXTURE, gb));
  await expect(page.getByTestId('encoding')).toHaveText('gb18030');
  // Forcing UTF-8 on a GB18030 file: the Chinese header no longer reads as 用户ID.
  await page.getByRole('combobox', { name: /^编码/ }).selectOption('utf-8');
  await page.getByRole('button', { name: '按此编码重新加载' }).click();
  await expect(page.getByTestId('encoding')).toHaveText('utf-8');
  await expect(page.getByRole('combobox', { name: /用户ID/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: /^编码/ }).selectOption('gb18030');
  await page.getByRole('button', { name: '按此编码重新加载' }).click();
  await expect(page.getByTestId('encoding')).toHaveText('gb18030');
  // Change one role and apply: a later file with the same header gets it without asking.
  const first = page
    .getByRole('combobox')
    .filter({ has: page.locator('option[value="customerId"]') })
    .nth(2);
  const name = await first.getAttribute('aria-label');
  await first.selectOption('ignore');
  await page.getByRole('button', { name: '应用角色' }).click();
  await expect(page.getByRole('combobox', { name: name! })).toHaveValue('ignore');
  await upload(page, path.join(GB_FIXTURE, gb));
  await expect(page.getByText('已套用表头相同文件上次记住的字段角色。')).toBeVisible();
  await expect(page.getByRole('combobox', { name: name! })).toHaveValue('ignore');
});

test('an unclosed quote: the record and its lines are named, and a retry reads quotes literally', async ({ page }) => {
  const lines = ['id,note,amount', ...Array.from({ length: 19 }, (_, i) => (i === 9 ? `C${i},"never closed,5` : `C${i},ok ${i},${i}`))];
  await open(page);
  await upload(page, tmpFile('unclosed-quote.csv', lines.join('\n') + '\n'));
  await expect(page.getByTestId('accounting')).toHaveText('9 loaded + 1 rejected = 10 rows in the file');
  await expect(page.getByTestId('data-lines')).toHaveText(
    'The file has 19 data lines in 10 rows. Records spanning more than one line (line breaks inside quoted fields, or a quote that is never closed): 1.'
  );
  const reject = page.getByTestId('reject-reasons').locator('[data-reason="bad-quoting"]');
  await expect(reject).toContainText('data row 10, lines 11–20');
  await reject.getByRole('button', { name: 'Read quotes as ordinary characters' }).click();
  await expect(page.getByTestId('accounting')).toHaveText('19 loaded + 0 rejected = 19 rows in the file');
  await expect(page.getByText('Quotes were read as ordinary characters.')).toBeVisible();
});

test('stray GBK bytes in a UTF-8 file: Chinese intact, the damaged rows rejected and shown in both encodings', async ({ page }) => {
  const good = Array.from({ length: 300 }, (_, i) => `U${i},深圳市宝安区,${i}.5\n`).join('');
  const enc = (s: string) => new TextEncoder().encode(s);
  const bytes = Buffer.concat([enc('用户ID,区域,金额\n' + good), enc('X1,'), Buffer.from([0xd3, 0xc3, 0xbb, 0xa7]), enc(',1\n')]);
  await open(page, '?lang=zh');
  await upload(page, tmpFile('stray-gbk.csv', bytes));
  await expect(page.getByTestId('encoding')).toHaveText('utf-8');
  await expect(page.getByTestId('rejected')).toHaveText('1');
  await expect(page.getByTestId('reject-reasons').locator('[data-reason="invalid-encoding"]')).toContainText('数据第301行，文件第302行');
  const issue = page.getByTestId('encoding-issue');
  await expect(issue).toContainText('按 gb18030 读取');
  await expect(issue.getByRole('cell', { name: 'X1,用户,1' })).toBeVisible();
  await page.locator('summary', { hasText: '预览' }).click();
  await expect(page.getByRole('cell', { name: '深圳市宝安区' }).first()).toBeVisible();
});

test('a NUL byte and a lone carriage return: the file loads, the two records are rejected with their reason', async ({ page }) => {
  const bytes = Buffer.concat([
    Buffer.from('id,region,amount\r\nA,north,1\r\nB,so'),
    Buffer.from([0]),
    Buffer.from('uth,2\r\nC,ea\rst,3\r\nD,west,4\r\n')
  ]);
  await open(page);
  await upload(page, tmpFile('control.csv', bytes));
  await expect(page.getByTestId('accounting')).toHaveText('2 loaded + 2 rejected = 4 rows in the file');
  await expect(page.getByTestId('reject-reasons').locator('[data-reason="control-character"]')).toHaveCount(1);
  await expect(page.getByTestId('reject-reasons').locator('[data-reason="control-character"]')).toContainText('2');
});

test('lines of only spaces are blank lines, not rejects', async ({ page }) => {
  await open(page);
  await upload(page, tmpFile('spaces.csv', 'id,amount\nA,1\n   \nB,2\n\t\nC,3\n'));
  await expect(page.getByTestId('accounting')).toHaveText('3 loaded + 0 rejected = 3 rows in the file');
  await expect(page.getByText('Blank lines skipped')).toBeVisible();
});
