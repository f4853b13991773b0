/**
 * The chart layer's one margin convention (pure): from the chart's width, the height of its plot,
 * its axes, legend and colour scale, where everything goes. Top to bottom: legend rows, the colour
 * scale, the y axis title (written horizontally above the axis, so Chinese reads upright), the
 * plot, the x tick labels and the x axis title. Margins follow from the labels actually drawn (the
 * widest y tick label, wrapped category labels), so nothing is clipped.
 */
import {
  bandScale,
  labelTicks,
  linearDomain,
  linearScale,
  linearTicks,
  tickCount,
  tickDigits,
  type AxisSpec,
  type BandScale,
  type LinearScale,
  type NumberFormatter,
  type Tick,
  type ValueFormat
} from './scales';
import { FONT, textWidth, thinEvery, truncate, wrapText } from './text';
import {
  colourLegendLayout,
  legendLayout,
  type ColourLegendLayout,
  type ColourScaleSpec,
  type LegendEntry,
  type PlacedEntry
} from './legend';

export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type ScaleInfo =
  | { kind: 'linear'; scale: LinearScale; ticks: Tick[]; format: ValueFormat; digits: number; integer: boolean }
  | { kind: 'band'; scale: BandScale; ticks: (Tick & { lines: string[] })[] };

export interface ChartLayout {
  width: number;
  height: number;
  plot: Plot;
  legend: PlacedEntry[];
  colourLegend: (ColourLegendLayout & { y: number; title: string }) | null;
  /** Baselines of the axis titles (y: above the plot; x: under the tick labels). */
  yTitleY: number;
  xTitleY: number;
  x: ScaleInfo | null;
  y: ScaleInfo | null;
}

export interface ChartLayoutInput {
  width: number;
  /** Height of the plot area alone; the chart grows by its legend and axes. */
  plotHeight: number;
  x?: AxisSpec;
  y?: AxisSpec;
  /** Axis titles with their units, as drawn. */
  xTitle?: string;
  yTitle?: string;
  legend?: readonly LegendEntry[];
  colourScale?: ColourScaleSpec;
  colourTitle?: string;
  /** Margins for labels drawn beside the plot without an axis (e.g. node names of a flow). */
  sides?: { left?: number; right?: number };
}

const GAP = 8;
const LINE = 15;
const MIN_SIDE = 14;

function linearInfo(spec: Extract<AxisSpec, { kind: 'linear' }>, length: number, vertical: boolean, num: NumberFormatter) {
  const count = spec.ticks ?? tickCount(length, vertical);
  const domain = linearDomain(spec, count);
  const format = spec.format ?? 'number';
  const values = linearTicks(domain[0], domain[1], count, spec.integer);
  const labels = labelTicks(values, format, num);
  return { domain, format, labels, digits: spec.digits ?? tickDigits(values, format) + (format === 'percent' ? 1 : 0) };
}

/** A linear axis placed on `range` (pixels): its scale and its ticks where they fall. */
function linearScaleInfo(
  spec: Extract<AxisSpec, { kind: 'linear' }>,
  lin: ReturnType<typeof linearInfo>,
  range: [number, number]
): ScaleInfo {
  const scale = linearScale(lin.domain, range);
  return {
    kind: 'linear',
    scale,
    format: lin.format,
    digits: lin.digits,
    integer: !!spec.integer,
    ticks: lin.labels.map((t) => ({ value: t.value, label: t.label, pos: scale(t.value) }))
  };
}

export function chartLayout(input: ChartLayoutInput, num: NumberFormatter): ChartLayout {
  const { width, plotHeight, x, y } = input;
  const legend = legendLayout(input.legend ?? [], width - MIN_SIDE, 0);
  let top = legend.height ? legend.height + 4 : 0;
  let colourLegend: ChartLayout['colourLegend'] = null;
  if (input.colourScale) {
    const title = input.colourTitle ?? input.colourScale.title;
    colourLegend = { ...colourLegendLayout(title, input.colourScale, num), y: top, title };
    top += colourLegend.height;
  }
  const yTitleY = top + FONT.title;
  if (y && input.yTitle) top += FONT.title + GAP;
  top += 6;

  // The y axis decides the left margin: its widest tick label (band labels capped at 40% of the width).
  let yLin: ReturnType<typeof linearInfo> | null = null;
  let yBandLabels: string[] = [];
  let left = MIN_SIDE;
  if (y?.kind === 'linear') {
    yLin = linearInfo(y, plotHeight, true, num);
    left = Math.max(...yLin.labels.map((t) => textWidth(t.label)), 0) + GAP + 4;
  } else if (y?.kind === 'band') {
    const cap = Math.max(60, width * 0.4);
    yBandLabels = y.domain.map((d) => truncate(d, cap));
    left = Math.max(0, ...yBandLabels.map((l) => textWidth(l))) + GAP + 4;
  }
  left = Math.max(MIN_SIDE, Math.ceil(y ? left : (input.sides?.left ?? 0)));

  // The last x tick label is centred on the plot's right edge: leave half of it as margin.
  let right = Math.max(MIN_SIDE, Math.ceil(input.sides?.right ?? 0));
  const plotWidthGuess = Math.max(40, width - left - right);
  let xLin: ReturnType<typeof linearInfo> | null = null;
  if (x?.kind === 'linear') {
    xLin = linearInfo(x, plotWidthGuess, false, num);
    const last = xLin.labels.at(-1);
    if (last) right = Math.max(right, Math.ceil(textWidth(last.label) / 2) + 2);
  }
  const plot: Plot = { left, right: Math.max(left + 40, width - right), top, bottom: top + plotHeight };

  let xInfo: ScaleInfo | null = null;
  let xRows = 0;
  if (x?.kind === 'linear' && xLin) {
    xInfo = linearScaleInfo(x, xLin, [plot.left, plot.right]);
    xRows = 1;
  } else if (x?.kind === 'band') {
    const scale = bandScale(x.domain, [plot.left, plot.right], x.padding);
    const step = scale.step();
    if (x.thin) {
      const every = thinEvery(
        x.domain.map((d) => textWidth(d)),
        step
      );
      xInfo = {
        kind: 'band',
        scale,
        ticks: x.domain.flatMap((d, i) =>
          i % every === 0 ? [{ value: d, label: d, lines: [d], pos: (scale(d) ?? 0) + scale.bandwidth() / 2 }] : []
        )
      };
      xRows = 1;
    } else {
      const ticks = x.domain.map((d) => ({
        value: d,
        label: d,
        lines: wrapText(d, Math.max(24, step - 4)),
        pos: (scale(d) ?? 0) + scale.bandwidth() / 2
      }));
      xInfo = { kind: 'band', scale, ticks };
      xRows = Math.max(1, ...ticks.map((t) => t.lines.length));
    }
  }

  let yInfo: ScaleInfo | null = null;
  if (y?.kind === 'linear' && yLin) {
    yInfo = linearScaleInfo(y, yLin, [plot.bottom, plot.top]);
  } else if (y?.kind === 'band') {
    const scale = bandScale(y.domain, [plot.top, plot.bottom], y.padding);
    yInfo = {
      kind: 'band',
      scale,
      ticks: y.domain.map((d, i) => ({ value: d, label: d, lines: [yBandLabels[i]], pos: (scale(d) ?? 0) + scale.bandwidth() / 2 }))
    };
  }

  let bottom = plot.bottom + (x ? GAP + xRows * LINE : GAP);
  const xTitleY = bottom + FONT.title;
  if (x && input.xTitle) bottom += FONT.title + GAP;
  return { width, height: Math.ceil(bottom + 4), plot, legend: legend.entries, colourLegend, yTitleY, xTitleY, x: xInfo, y: yInfo };
}

/** The pixel position of a value on a scale (a band's centre for band scales). */
export function place(info: ScaleInfo, v: number | string): number {
  if (info.kind === 'band') return (info.scale(String(v)) ?? 0) + info.scale.bandwidth() / 2;
  return info.scale(Number(v));
}
