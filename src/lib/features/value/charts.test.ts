import { describe, expect, it } from 'vitest';
import { parseList } from './charts';

describe('value tab helpers', () => {
  it('parses comma lists (also Chinese commas) and rejects junk', () => {
    expect(parseList('30, 60，100')).toEqual([30, 60, 100]);
    expect(parseList('30, x')).toBeNull();
    expect(parseList('')).toBeNull();
  });
});
