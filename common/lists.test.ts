import { describe, expect, it } from 'vitest';
import { mean, median, parseNumberList, sortedCuts } from './lists';

describe('parseNumberList: the one parser of typed number lists', () => {
  it.each<{ text: string; values: number[] | null }>([
    { text: '30, 60, 100', values: [30, 60, 100] },
    { text: '30, 60，100', values: [30, 60, 100] },
    { text: '1000, 631，468\t382\n326', values: [1000, 631, 468, 382, 326] },
    { text: '1；2;3、4', values: [1, 2, 3, 4] },
    { text: '  0.2 0.5  ', values: [0.2, 0.5] },
    { text: '-1, 1e3', values: [-1, 1000] },
    { text: '150, 50, 50', values: [150, 50, 50] },
    { text: '1,000', values: [1, 0] },
    { text: '30, x', values: null },
    { text: '30, Infinity', values: null },
    { text: '', values: null },
    { text: ' ,， ', values: null }
  ])('$text', ({ text, values }) => {
    expect(parseNumberList(text)).toEqual(values);
  });
});

describe('list statistics', () => {
  it('sortedCuts sorts, drops duplicates and non-finite values', () => {
    expect(sortedCuts([150, 50, NaN, 50, Infinity])).toEqual([50, 150]);
  });
  it('mean and median, null when empty', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});
