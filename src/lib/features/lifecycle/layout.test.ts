import { describe, expect, it } from 'vitest';
import { parseCuts, rowShares, tierLabels } from './layout';

describe('table helpers', () => {
  it('rowShares: rows sum to 1, empty rows are null', () => {
    expect(rowShares([[1, 3], [0, 0]])).toEqual([[0.25, 0.75], [null, null]]);
  });
  it('tierLabels and parseCuts', () => {
    expect(tierLabels([50, 150])).toEqual(['<50', '50–150', '≥150']);
    expect(parseCuts('150, 50，x, 50')).toEqual([50, 150]);
    expect(parseCuts('')).toEqual([]);
  });
});
