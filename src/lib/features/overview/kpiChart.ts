/**
 * Layout maths for the monthly KPI chart (pure, tested): band scale for months, linear scale for
 * the metric, bars and a few ticks. Missing values draw no bar.
 */
import { scaleBand, scaleLinear } from 'd3';

export interface BarLayout {
  bars: { x: number; y: number; width: number; height: number; label: string; value: number }[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; label: string }[];
}

export function layoutBars(
  labels: string[], values: (number | null)[], width: number, height: number,
  margin = { top: 10, right: 10, bottom: 30, left: 64 }
): BarLayout {
  const innerW = Math.max(1, width - margin.left - margin.right);
  const innerH = Math.max(1, height - margin.top - margin.bottom);
  const x = scaleBand<string>().domain(labels).range([margin.left, margin.left + innerW]).padding(0.15);
  const finite = values.filter((v): v is number => v != null && Number.isFinite(v));
  const max = Math.max(0, ...finite);
  const min = Math.min(0, ...finite);
  const y = scaleLinear().domain([min, max === min ? min + 1 : max]).nice().range([margin.top + innerH, margin.top]);
  const bars = labels.flatMap((label, i) => {
    const v = values[i];
    if (v == null || !Number.isFinite(v)) return [];
    const y0 = y(0);
    const y1 = y(v);
    return [{ x: x(label) ?? 0, y: Math.min(y0, y1), width: x.bandwidth(), height: Math.abs(y0 - y1), label, value: v }];
  });
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor(innerW / 56))));
  return {
    bars,
    yTicks: y.ticks(5).map((value) => ({ y: y(value), value })),
    xTicks: labels.filter((_, i) => i % every === 0).map((label) => ({ x: (x(label) ?? 0) + x.bandwidth() / 2, label }))
  };
}
