import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readHybrid } from './parquetPages.ts';

/** Writes values in the RLE / bit-packed hybrid encoding: runs of one value as RLE, the rest bit-packed by 8. */
function encode(values: number[], width: number): Uint8Array {
  const out: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  let i = 0;
  while (i < values.length) {
    let run = 1;
    while (i + run < values.length && values[i + run] === values[i]) run++;
    if (run >= 8) {
      varint(run << 1);
      for (let k = 0; k < (width + 7) >> 3; k++) out.push((values[i] >>> (8 * k)) & 0xff);
      i += run;
      continue;
    }
    const groups = Math.ceil(Math.min(64, values.length - i) / 8);
    varint((groups << 1) | 1);
    let acc = 0n;
    let bits = 0n;
    for (let k = 0; k < groups * 8; k++) {
      acc |= BigInt(values[i + k] ?? 0) << bits;
      bits += BigInt(width);
    }
    for (let b = 0; b < groups * width; b++) out.push(Number((acc >> BigInt(8 * b)) & 0xffn));
    i += groups * 8;
  }
  return new Uint8Array(out);
}

describe('readHybrid (RLE / bit-packed hybrid)', () => {
  it('decodes every width from 1 to 32 as hyparquet does, runs and packs mixed, a truncated last pack', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let width = 1; width <= 32; width++) {
      const max = 2 ** width;
      const values = Array.from({ length: 1003 }, (_, i) => (i % 97 < 20 ? max - 1 : Math.floor(rand() * max)));
      const bytes = encode(values, width);
      const mine = new Int32Array(values.length);
      readHybrid(bytes, 0, bytes.length, width, mine);
      if (width <= 24) {
        // hyparquet's reader (used before) overflows on wider values.
        const theirs = new Int32Array(values.length);
        readRleBitPackedHybrid({ view: new DataView(bytes.buffer), offset: 0 }, width, theirs, bytes.length);
        expect([...mine], `width ${width}`).toEqual([...theirs]);
      }
      expect(
        [...mine].map((v) => v >>> 0),
        `width ${width}`
      ).toEqual(values);
    }
  });
});
