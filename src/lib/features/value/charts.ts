/**
 * Layout maths of the Customer value charts (pure, tested): vertical bars for distributions,
 * cumulative error curves (seed 004's 累计人数占比 charts) and heatmap colours for the value map.
 */
import { interpolateBlues, line, scaleBand, scaleLinear, scaleSequential } from 'd3';

export interface Bar { x: number; y: number; width: number; height: number; label: string; value: number }

export function layoutBars(labels: string[], values: number[], width: number, height: number, margin = { top: 10, right: 10, bottom: 28, left: 56 }) {
  const x = scaleBand<string>().domain(labels).range([margin.left, width - margin.right]).padding(0.2);
  const max = Math.max(1, ...values.filter(Number.isFinite));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const bars: Bar[] = labels.map((label, i) => {
    const v = Number.isFinite(values[i]) ? Math.max(0, values[i]) : 0;
    return { x: x(label) ?? 0, y: y(v), width: x.bandwidth(), height: y(0) - y(v), label, value: values[i] };
  });
  return {
    bars,
    yTicks: y.ticks(4).map((value) => ({ y: y(value), value })),
    xLabels: bars.map((b) => ({ x: b.x + b.width / 2, label: b.label })),
    baseline: y(0)
  };
}

export interface CurveSeries { name: string; points: { x: number; share: number }[] }

/** Step-free polylines of cumulative shares (0–1) against an error axis from 0 to the largest x. */
export function layoutCurves(series: CurveSeries[], width: number, height: number, margin = { top: 10, right: 12, bottom: 30, left: 48 }) {
  const maxX = Math.max(1e-9, ...series.flatMap((s) => s.points.map((p) => p.x)));
  const x = scaleLinear().domain([0, maxX]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  const path = line<{ x: number; share: number }>().x((p) => x(p.x)).y((p) => y(p.share));
  return {
    paths: series.map((s) => ({ name: s.name, d: path(s.points) ?? '' })),
    xTicks: x.ticks(5).map((value) => ({ x: x(value), value })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ y: y(value), value })),
    plot: { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom }
  };
}

/** Fill of a heatmap cell and a text colour that keeps contrast on it; empty cells are neutral. */
export function heatColour(value: number | null, min: number, max: number): { fill: string; text: string } {
  if (value == null || !Number.isFinite(value)) return { fill: '#f1f3f6', text: '#1d2330' };
  const t = max > min ? (value - min) / (max - min) : 0.5;
  const scale = scaleSequential(interpolateBlues).domain([0, 1]);
  // Keep to the lighter 85% of the scale; from about its middle the text turns white.
  return { fill: scale(0.1 + 0.75 * t), text: t > 0.55 ? '#fff' : '#1d2330' };
}

