import { describe, expect, it } from 'vitest';
import { CsvWriter, utf8 } from './csvWriter.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('CsvWriter', () => {
  it.each([0, 7, 9, 10, 42, 99, 100, 999, 1000, 65_535, 999_999, 1_000_000, 12_345_678, 2 ** 31 - 1, 2 ** 31 + 5, 1e12])(
    'writes the integer %d like String()',
    (value) => {
      const w = new CsvWriter(64);
      w.writeInt(value);
      expect(text(w.take())).toBe(String(value));
    }
  );

  it('pads integers to a width', () => {
    const w = new CsvWriter(64);
    w.writeInt(1, 7);
    w.comma();
    w.writeInt(1234567, 7);
    w.comma();
    w.writeInt(12345678, 7);
    expect(text(w.take())).toBe('0000001,1234567,12345678');
  });

  it.each([
    [0, '0.00'],
    [0.004, '0.00'],
    [0.005, '0.01'],
    [1.999, '2.00'],
    [12.3, '12.30'],
    [59.07, '59.07'],
    [1_000_000.01, '1000000.01']
  ])('writes %d yuan as %s', (amount, expected) => {
    const w = new CsvWriter(64);
    w.writeYuan(amount);
    expect(text(w.take())).toBe(expected);
  });

  it('writes labels in UTF-8 and grows past its capacity', () => {
    const w = new CsvWriter(4);
    const label = utf8('政企融合199元');
    for (let i = 0; i < 1000; i++) {
      w.writeBytes(label);
      w.newline();
    }
    expect(w.full).toBe(true);
    expect(text(w.take())).toBe('政企融合199元\n'.repeat(1000));
    expect(w.length).toBe(0);
  });

  it('hands out chunks that later writes do not touch', () => {
    const w = new CsvWriter(16);
    w.writeText('first');
    const first = w.take();
    w.writeText('second');
    expect(text(first)).toBe('first');
    expect(text(w.take())).toBe('second');
  });
});
