/**
 * The customer value map of seed 004 (存量客户经营地图): customers on a grid of spending band ×
 * tenure band (按消费和网龄维度分群), built "on the distribution of value (投产情况)": each cell with
 * its count, mean monthly revenue, mean value, churn rate, mean monthly investment (cost +
 * discounts), revenue ÷ investment and ROI = (revenue − investment) ÷ investment, and the strategy
 * the seed gives it: special care for the mid/high-end and long-tenure customers ("重点针对中高端及老
 * 客户群体，部署专项看管措施"), nurture for new ones ("针对新客户群体，加强培育，促进消费提升"). Where a cell
 * is both new and high-end, special care wins; the seed names no strategy for the other cells.
 */
import type { MapCell, MapStrategy, ValueMap } from './contract.ts';
import type { MapStrategyRule } from '../../common/valueParams.ts';

/** Band labels from upper bounds: [30, 60] → '<30', '30–60', '≥60'. */
export function bandLabels(bounds: readonly number[]): string[] {
  return [`<${bounds[0]}`, ...bounds.slice(1).map((b, i) => `${bounds[i]}–${b}`), `≥${bounds[bounds.length - 1]}`];
}

export const bandOf = (v: number, bounds: readonly number[]) => bounds.filter((b) => v >= b).length;

/** Lower bound of band `i` (0 for the first). */
const lowerBound = (i: number, bounds: readonly number[]) => (i === 0 ? 0 : bounds[i - 1]);

/**
 * The seed's strategy of a cell from its bands' lower bounds (spend) and upper bound (tenure): care
 * when the whole spend band is at or above `careSpend` or the whole tenure band at or above
 * `careTenure`; nurture when the whole tenure band is below `nurtureTenure`.
 */
export function cellStrategy(
  spend: number,
  tenure: number,
  spendBands: readonly number[],
  tenureBands: readonly number[],
  rule: MapStrategyRule
): MapStrategy | null {
  if (lowerBound(spend, spendBands) >= rule.careSpend || lowerBound(tenure, tenureBands) >= rule.careTenure) return 'care';
  const tenureTop = tenure < tenureBands.length ? tenureBands[tenure] : Infinity;
  return tenureTop <= rule.nurtureTenure ? 'nurture' : null;
}

export interface MapCustomer {
  spend: number;
  investment: number;
  tenure: number;
  value: number;
  churned: boolean;
}

export function valueMap(
  customers: MapCustomer[],
  spendBands: readonly number[],
  tenureBands: readonly number[],
  churnBasis: ValueMap['churnBasis'],
  rule: MapStrategyRule,
  hasInvestment: boolean
): ValueMap {
  const cells: MapCell[] = [];
  for (let s = 0; s <= spendBands.length; s++)
    for (let t = 0; t <= tenureBands.length; t++) {
      const mine = customers.filter((c) => bandOf(c.spend, spendBands) === s && bandOf(c.tenure, tenureBands) === t);
      const k = mine.length;
      const revenue = mine.reduce((a, c) => a + c.spend, 0);
      const investment = mine.reduce((a, c) => a + c.investment, 0);
      const perYuan = k && hasInvestment && investment > 0 ? revenue / investment : null;
      cells.push({
        spend: s,
        tenure: t,
        customers: k,
        revenue: k ? revenue / k : null,
        meanValue: k ? mine.reduce((a, c) => a + c.value, 0) / k : null,
        churnRate: k && churnBasis !== 'none' ? mine.filter((c) => c.churned).length / k : null,
        investment: k && hasInvestment ? investment / k : null,
        revenuePerInvestment: perYuan,
        roi: perYuan == null ? null : perYuan - 1,
        strategy: cellStrategy(s, t, spendBands, tenureBands, rule)
      });
    }
  return {
    spendLabels: bandLabels(spendBands),
    tenureLabels: bandLabels(tenureBands),
    cells,
    churnBasis,
    strategyRule: { ...rule },
    hasInvestment
  };
}
