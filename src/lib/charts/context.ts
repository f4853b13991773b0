/**
 * The typed context a <Chart> hands to its marks (LayerCake's idea, without the bare string key):
 * the layout with its scales, computed once by the container, the value formatters, and a place to
 * register what the tooltip can show. `chartContext()` throws outside a <Chart>.
 */
import { getContext, setContext } from 'svelte';
import type { ChartLayout } from './layout';
import type { TipPoint } from './tooltip';

export interface ChartContext {
  readonly layout: ChartLayout;
  /** The colour of a value on the chart's colour scale (heat maps). */
  readonly colour: (v: number | null | undefined) => string;
  readonly colourDomain: [number, number];
  /** A value of the x / y / colour axis as a tooltip writes it (axis format, value digits). */
  readonly formatX: (v: number) => string;
  readonly formatY: (v: number) => string;
  readonly formatColour: (v: number) => string;
  /** The axis titles with their units, as drawn (tooltips name what a value is). */
  readonly xTitle: string;
  readonly yTitle: string;
  readonly colourTitle: string;
  /** Registers (or with [] removes) the tooltip points of mark `id`. */
  setPoints(id: string, points: TipPoint[]): void;
}

const KEY = Symbol('chart');

export function provideChart(ctx: ChartContext): void {
  setContext(KEY, ctx);
}

export function chartContext(): ChartContext {
  const ctx = getContext<ChartContext | undefined>(KEY);
  if (!ctx) throw new Error('A chart mark or guide must be placed inside <Chart>.');
  return ctx;
}

/** Where the data of the charts comes from (file, kind of data, segment), for exports. */
export interface ChartSource {
  file?: string;
  kind?: string;
  segment?: string;
}

const SOURCE = Symbol('chart-source');

/** Set once by the app shell: a getter, so the source follows the selected dataset. */
export function provideChartSource(get: () => ChartSource): void {
  setContext(SOURCE, get);
}

/** The data source for exports; empty where no shell provides one (e.g. a component test). */
export function chartSource(): () => ChartSource {
  return getContext<(() => ChartSource) | undefined>(SOURCE) ?? (() => ({}));
}

let counter = 0;
/** A unique id for a mark's tooltip registration. */
export function markId(): string {
  return `mark${++counter}`;
}
