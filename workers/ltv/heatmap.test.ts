// The heatmap over a large base: its bounds come from a loop, because Math.max(...rows) with
// 500,000 arguments overflows the stack (the 500k-customer browser fit failed with a RangeError).
import { describe, expect, it } from 'vitest';
import { fittedPurchaseModels, heatmap } from './fit.ts';
import type { LtvRfmRow } from './contract.ts';

describe('heatmap on 500,000 customers', () => {
  it('finds the oldest age and the frequency range without spreading the rows', () => {
    const rows: LtvRfmRow[] = Array.from({ length: 500_000 }, (_, i) => ({
      customerId: String(i),
      frequency: i % 9,
      recency: (i % 9) * 2,
      T: 20 + (i % 1000) / 100,
      monetaryValue: 10,
      frequencyHoldout: 0
    }));
    rows[123_456].T = 39;
    const [bgNbd] = fittedPurchaseModels([
      {
        id: 'bgNbd',
        kind: 'purchase',
        label: { en: 'BG/NBD', zh: 'BG/NBD' },
        reference: '',
        symbols: {},
        ok: true,
        params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        logLikelihood: 0,
        aic: 0,
        converged: true,
        unidentified: []
      }
    ]);
    const h = heatmap(rows, bgNbd, 39);
    expect(h.T).toBe(39);
    expect(h.frequencies).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(h.recencies.at(-1)).toBe(39);
    expect(h.pAlive[0].every((v) => v === 1)).toBe(true);
  });
});
