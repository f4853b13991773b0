import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateSampleText } from '../workers/sample/generator.ts';
import { generateFiles, main, parseCommandLine } from './generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'clm-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/generate.ts', () => {
  it('parses the documented command line', () => {
    expect(
      parseCommandLine([
        '--customers',
        '100_000',
        '--months',
        '24',
        '--seed',
        '1',
        '--out',
        'panel.csv',
        '--lang',
        'en',
        '--truth',
        't.csv',
        '--start',
        '2024-01'
      ])
    ).toEqual({
      out: 'panel.csv',
      truth: 't.csv',
      options: {
        customers: 100_000,
        months: 24,
        seed: 1,
        lang: 'en',
        startMonth: '2024-01',
        monthFormat: 'YYYYMM',
        truth: true,
        bom: false
      }
    });
    expect(parseCommandLine(['--help'])).toBe('help');
    expect(() => parseCommandLine([])).toThrow(/--out/);
    expect(() => parseCommandLine(['--out', 'x', '--lang', 'fr'])).toThrow(/--lang/);
    expect(() => parseCommandLine(['--out', 'x', '--customers', 'many'])).toThrow(/--customers/);
    expect(() => parseCommandLine(['--out', 'x', '--colour'])).toThrow();
  });

  it('writes exactly what the generator produces, panel and truth', async () => {
    const options = { customers: 500, months: 12, seed: 3, lang: 'zh' as const, chunkBytes: 4096 };
    const out = join(dir, 'panel.csv');
    const truth = join(dir, 'truth.csv');
    const report = await generateFiles(options, out, truth);
    const expected = generateSampleText(options);
    expect(readFileSync(out, 'utf8')).toBe(expected.panel);
    expect(readFileSync(truth, 'utf8')).toBe(expected.truth);
    expect(report.rows).toBe(expected.summary.rows);
    expect(report.customers).toBe(500);
    expect(report.bytes).toBe(Buffer.byteLength(expected.panel));
    expect(report.truthBytes).toBe(Buffer.byteLength(expected.truth));
  });

  it('prints rows, customers, bytes and seconds, and exits 0', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const out = join(dir, 'cli.csv');
    const code = await main(['--customers', '50', '--months', '6', '--seed', '9', '--out', out, '--lang', 'en']);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').length - 1;
    expect(printed).toMatch(new RegExp(`rows\\s+${rows}\\b`));
    expect(printed).toMatch(/customers\s+50\b/);
    expect(printed).toMatch(/bytes\s+[\d,]+\s+.*cli\.csv/);
    expect(printed).toMatch(/seconds\s+\d+\.\d\d/);
  });

  it('reports a file it cannot write as an error, exit code 1', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await main(['--customers', '5', '--out', join(dir, 'missing', 'dir', 'x.csv')]);
    const printed = error.mock.calls.map((c) => String(c[0])).join('\n');
    error.mockRestore();
    expect(code).toBe(1);
    expect(printed).toMatch(/ENOENT/);
  });

  it('exits 2 with the usage on a bad command line', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--customers', '5'])).toBe(2);
    expect(String(error.mock.calls[0][0])).toMatch(/Usage/);
    error.mockRestore();
  });
});
