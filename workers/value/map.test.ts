// The value map's cells (seed 004, 存量客户经营地图): investment, revenue ÷ investment, ROI and the strategy rule.
import { describe, expect, it } from 'vitest';
import { bandLabels, cellStrategy, valueMap } from './map.ts';
import { DEFAULT_MAP_STRATEGY as RULE } from '../../common/valueParams.ts';

const SPEND = [30, 60, 100, 200];
const TENURE = [6, 12, 24, 36, 60];

describe('cellStrategy', () => {
  it('special care from 100 yuan a month or 36 months of tenure; nurture under 12 months; care wins where both hold', () => {
    expect(bandLabels(SPEND)).toEqual(['<30', '30–60', '60–100', '100–200', '≥200']);
    expect(cellStrategy(3, 2, SPEND, TENURE, RULE)).toBe('care'); // 100–200 yuan, 12–24 months
    expect(cellStrategy(1, 4, SPEND, TENURE, RULE)).toBe('care'); // 30–60 yuan, 36–60 months
    expect(cellStrategy(1, 0, SPEND, TENURE, RULE)).toBe('nurture'); // under 6 months
    expect(cellStrategy(1, 1, SPEND, TENURE, RULE)).toBe('nurture'); // 6–12 months
    expect(cellStrategy(4, 0, SPEND, TENURE, RULE)).toBe('care'); // new but high-end
    expect(cellStrategy(2, 2, SPEND, TENURE, RULE)).toBeNull(); // the seed names no strategy here
  });
  it("a band straddling a bound is not the bound's side: 60–120 yuan is not all mid/high-end", () => {
    expect(cellStrategy(2, 2, [30, 60, 120], TENURE, RULE)).toBeNull();
  });
});

describe('valueMap', () => {
  it('two customers in one cell: revenue 150 over investment 30 a month gives 5 yuan per yuan, ROI 4', () => {
    const map = valueMap(
      [
        { spend: 70, investment: 10, tenure: 15, value: 40, churned: false },
        { spend: 80, investment: 20, tenure: 20, value: 60, churned: true }
      ],
      SPEND,
      TENURE,
      'next3',
      RULE,
      true
    );
    const cell = map.cells.find((c) => c.customers > 0)!;
    expect(cell).toEqual({
      spend: 2,
      tenure: 2,
      customers: 2,
      revenue: 75,
      meanValue: 50,
      churnRate: 0.5,
      investment: 15,
      revenuePerInvestment: 5,
      roi: 4,
      strategy: null
    });
    expect(map.strategyRule).toEqual(RULE);
  });
  it('without investment columns: no investment, ratio or ROI (not 0 or ∞)', () => {
    const map = valueMap([{ spend: 70, investment: 0, tenure: 15, value: 40, churned: false }], SPEND, TENURE, 'none', RULE, false);
    expect(map.cells.find((c) => c.customers > 0)).toMatchObject({
      investment: null,
      revenuePerInvestment: null,
      roi: null,
      churnRate: null
    });
  });
});
