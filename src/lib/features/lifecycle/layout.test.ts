import { describe, expect, it } from 'vitest';
import { rowShares, tierLabels } from './layout';

describe('table helpers', () => {
  it('rowShares: rows sum to 1, empty rows are null', () => {
    expect(
      rowShares([
        [1, 3],
        [0, 0]
      ])
    ).toEqual([
      [0.25, 0.75],
      [null, null]
    ]);
  });
  it('tierLabels', () => {
    expect(tierLabels([50, 150])).toEqual(['<50', '50–150', '≥150']);
  });
});
