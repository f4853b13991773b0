/**
 * The customer value map of seed 004 (存量客户经营地图): customers on a grid of spending tier ×
 * tenure band (按消费和网龄维度分群), each cell with its count, mean monthly revenue, mean value and
 * churn rate.
 */
import type { ValueMap } from './contract.ts';

/** Band labels from upper bounds: [30, 60] → '<30', '30–60', '≥60'. */
export function bandLabels(bounds: readonly number[]): string[] {
  return [`<${bounds[0]}`, ...bounds.slice(1).map((b, i) => `${bounds[i]}–${b}`), `≥${bounds[bounds.length - 1]}`];
}

export const bandOf = (v: number, bounds: readonly number[]) => bounds.filter((b) => v >= b).length;

export function valueMap(
  customers: { spend: number; tenure: number; value: number; churned: boolean }[],
  spendBands: readonly number[], tenureBands: readonly number[], churnBasis: ValueMap['churnBasis']
): ValueMap {
  const cells: ValueMap['cells'] = [];
  for (let s = 0; s <= spendBands.length; s++)
    for (let t = 0; t <= tenureBands.length; t++) {
      const mine = customers.filter((c) => bandOf(c.spend, spendBands) === s && bandOf(c.tenure, tenureBands) === t);
      const k = mine.length;
      cells.push({
        spend: s, tenure: t, customers: k,
        revenue: k ? mine.reduce((a, c) => a + c.spend, 0) / k : null,
        meanValue: k ? mine.reduce((a, c) => a + c.value, 0) / k : null,
        churnRate: k && churnBasis !== 'none' ? mine.filter((c) => c.churned).length / k : null
      });
    }
  return { spendLabels: bandLabels(spendBands), tenureLabels: bandLabels(tenureBands), cells, churnBasis };
}
