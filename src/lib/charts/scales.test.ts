import { describe, expect, it } from 'vitest';
import { extentWithZero, labelTicks, linearDomain, linearTicks, tickDigits, formatValue } from './scales';

/** A locale formatter like i18n.num (en-US, fixed digits). */
const num = (v: number, d: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

describe('ticks', () => {
  it('the LTV teaching chart: years 1..5 read "1 2 3 4 5", not "0 1 1 2 2 3 3 4 4 5 5"', () => {
    const values = linearTicks(0, 5, 10, true);
    expect(values).toEqual([0, 1, 2, 3, 4, 5]);
    expect(labelTicks(values, 'number', num).map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5']);
  });
  it('the KPI chart: churned counts 0..2 read "0 1 2", not "0, 1, 1, 2, 2"', () => {
    const [lo, hi] = linearDomain({ kind: 'linear', title: '', domain: [0, 2], integer: true }, 5);
    const labels = labelTicks(linearTicks(lo, hi, 5, true), 'number', num).map((t) => t.label);
    expect(labels).toEqual(['0', '1', '2']);
  });
  it('non-integer axes keep fractional ticks with the digits their step needs', () => {
    const values = linearTicks(0, 1, 5);
    expect(values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(labelTicks(values, 'number', num).map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labelTicks(values, 'percent', num).map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });
  it('no label repeats, whatever the domain', () => {
    for (const [lo, hi] of [
      [0, 0.003],
      [0.1, 0.12],
      [-3, 2],
      [0, 1e6],
      [99.5, 100.5],
      [0, 7]
    ]) {
      for (const integer of [false, true]) {
        for (const count of [3, 5, 10]) {
          const labels = labelTicks(linearTicks(lo, hi, count, integer), 'number', num).map((t) => t.label);
          expect(new Set(labels).size, `${lo}..${hi} ×${count} ${integer}`).toBe(labels.length);
        }
      }
    }
  });
  it('an integer axis over a long range steps by a round number', () => {
    expect(linearTicks(0, 5000, 5, true)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(linearTicks(2, 8, 10, true)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  it('digits follow the step; percent in points', () => {
    expect(tickDigits([0, 0.5, 1])).toBe(1);
    expect(tickDigits([0, 0.05, 0.1], 'percent')).toBe(0);
    expect(tickDigits([0, 0.005], 'percent')).toBe(1);
    expect(formatValue(0.125, 'percent', 1, num)).toBe('12.5%');
  });
  it('a flat or reversed domain is widened, never NaN', () => {
    expect(linearDomain({ kind: 'linear', title: '', domain: [3, 3] }, 5)).toEqual([3, 4]);
    expect(linearDomain({ kind: 'linear', title: '', domain: [5, 1], nice: false }, 5)).toEqual([1, 5]);
    expect(linearDomain({ kind: 'linear', title: '', domain: [NaN, NaN] }, 5).every(Number.isFinite)).toBe(true);
  });
});

describe('extentWithZero', () => {
  it('spans zero and the finite values, ignoring missing ones (no stack overflow on big arrays)', () => {
    expect(extentWithZero([3, null, 7, NaN])).toEqual([0, 7]);
    expect(extentWithZero([-2, 5])).toEqual([-2, 5]);
    expect(extentWithZero([])).toEqual([0, 0]);
    expect(extentWithZero(new Array(500_000).fill(1))).toEqual([0, 1]);
  });
});
