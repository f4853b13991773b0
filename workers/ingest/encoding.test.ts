import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { transcodeToUtf8Chunks, type ReadBytes } from './encoding.ts';

const gb = new Uint8Array(readFileSync(new URL('../../tests/fixtures/ingest/gb18030-panel.csv', import.meta.url)));
const reader =
  (bytes: Uint8Array): ReadBytes =>
  async (offset, length) =>
    bytes.slice(offset, offset + length);
const whole = new TextDecoder('gb18030').decode(gb);

describe('transcodeToUtf8Chunks', () => {
  test.each([1, 2, 3, 5, 7, 13, 1000, 4093, 1 << 20])('GB18030 fixture in chunks of %i bytes: exact text, no U+FFFD', async (chunkSize) => {
    const parts = await transcodeToUtf8Chunks(reader(gb), gb.length, 'gb18030', { chunkSize });
    const text = parts.join('');
    expect(text).toBe(whole);
    expect(text).not.toContain('\uFFFD');
    expect(text.startsWith('用户ID,账期')).toBe(true);
    expect(text).toContain('𠮷野家会员');
  });

  test('progress reports every chunk and ends at the size', async () => {
    const seen: number[] = [];
    await transcodeToUtf8Chunks(reader(gb), gb.length, 'gb18030', { chunkSize: 2000, onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([2000, 4000, gb.length]);
  });

  test('UTF-8 BOM is stripped, also when the first chunk is shorter than the BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('金额\n1\n')]);
    for (const chunkSize of [1, 2, 3, 64]) {
      expect((await transcodeToUtf8Chunks(reader(bytes), bytes.length, 'utf-8-bom', { chunkSize })).join('')).toBe('金额\n1\n');
    }
  });

  test('UTF-16LE and BE with BOM', async () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0xd1, 0x91, 0x0a, 0]); // "a,金\n"
    const be = new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x2c, 0x91, 0xd1, 0, 0x0a]);
    expect((await transcodeToUtf8Chunks(reader(le), le.length, 'utf-16le', { chunkSize: 3 })).join('')).toBe('a,金\n');
    expect((await transcodeToUtf8Chunks(reader(be), be.length, 'utf-16be', { chunkSize: 3 })).join('')).toBe('a,金\n');
  });

  test('empty input gives no parts', async () => {
    expect(await transcodeToUtf8Chunks(reader(new Uint8Array()), 0, 'gb18030')).toEqual([]);
  });

  test('a reader that returns nothing is an error, not an endless loop', async () => {
    await expect(transcodeToUtf8Chunks(async () => new Uint8Array(), 10, 'utf-8')).rejects.toThrow(/no bytes/);
  });
});
