/**
 * Value elasticity (价值弹性) of seed 004 between a base period and the last 3 months:
 * E = (ΔQ/Q) / (ΔP/P) (Q revenue, P investment = cost + discounts), the seed's formula, and beside it
 * ΔQ/ΔP, yuan of revenue per extra yuan invested, which is what the seed's reading of "E = 2" (每投入一元
 * 于客户，则可产生两元的收入) describes. Customers are layered 1 / 2 / 3 (弹性分层) by quantiles of E —
 * the seed numbers its layers without saying which is high; here 1 is the most elastic third — and
 * crossed with the value tier, with the seed's reading of the corners: "有潜力的低价值客户…应该多投入"
 * (low value, high elasticity: invest more), "没有潜力的高价值客户，只要适当投入做好保有" (high value, low
 * elasticity: just keep), high value and high elasticity first ("优先保有高价值、高弹性客户"), and
 * "对价值弹性低的客户适量少投入" (low value, low elasticity: invest less).
 */
import { median } from '../../common/lists.ts';
import { marginalReturn, rankLayers, valueElasticity } from '../models/index.ts';
import type { ElasticityLayer, ElasticityReading, ElasticitySummary, ValueTier } from './contract.ts';
import type { CustomerWindow } from './window.ts';

const LAYER_NAMES = ['high', 'medium', 'low'] as const;
const TIERS: readonly ValueTier[] = ['high', 'medium', 'low'];
export const LAYERS: readonly ElasticityLayer[] = [...LAYER_NAMES, 'undefined'];
const NEAR_ONE = 0.02;

/** The seed's reading of a value tier × elasticity layer cell. */
export function elasticityReading(tier: ValueTier, layer: ElasticityLayer): ElasticityReading | null {
  if (layer === 'high') return tier === 'high' ? 'priority' : 'potential';
  if (layer === 'low') return tier === 'high' ? 'keep' : 'less';
  return null;
}

export interface Elasticities {
  elasticity: (number | null)[];
  revenuePerYuan: (number | null)[];
  layers: ElasticityLayer[];
}

/** E, ΔQ/ΔP and the layer of each customer; undefined where there is no base or no change in investment. */
export function elasticities(customers: CustomerWindow[], invests: boolean, shares: readonly [number, number]): Elasticities {
  const usable = (c: CustomerWindow) => invests && c.baseMonths > 0 && c.qBase != null && c.pBase != null && c.pCur != null;
  const elasticity = customers.map((c) => (usable(c) ? valueElasticity(c.qBase!, c.rev3, c.pBase!, c.pCur!) : null));
  const revenuePerYuan = customers.map((c, i) => (elasticity[i] == null ? null : marginalReturn(c.qBase!, c.rev3, c.pBase!, c.pCur!)));
  const layers = rankLayers(elasticity, shares).map((l): ElasticityLayer => (l == null ? 'undefined' : LAYER_NAMES[l - 1]));
  return { elasticity, revenuePerYuan, layers };
}

export function elasticitySummary(
  e: Elasticities,
  tiers: readonly ValueTier[],
  shares: [number, number],
  baseMonths: [string, string],
  compareMonths: [string, string]
): ElasticitySummary {
  const of = (layer: ElasticityLayer, v: (number | null)[]) => v.filter((x, i): x is number => x != null && e.layers[i] === layer);
  const lowest = (layer: ElasticityLayer) => {
    const v = of(layer, e.elasticity);
    return v.length ? v.reduce((a, b) => Math.min(a, b)) : null;
  };
  return {
    baseMonths,
    compareMonths,
    layerShares: shares,
    cuts: [lowest('high'), lowest('medium')],
    nearOne: e.elasticity.filter((v) => v != null && Math.abs(v - 1) <= NEAR_ONE).length,
    layers: LAYERS.map((layer) => ({
      layer,
      customers: e.layers.filter((l) => l === layer).length,
      medianElasticity: median(of(layer, e.elasticity)),
      medianReturn: median(of(layer, e.revenuePerYuan))
    })),
    matrix: TIERS.flatMap((tier) =>
      LAYERS.map((layer) => ({
        tier,
        layer,
        customers: tiers.filter((t, i) => t === tier && e.layers[i] === layer).length,
        reading: elasticityReading(tier, layer)
      }))
    )
  };
}
