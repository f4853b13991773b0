/**
 * Scales and ticks of the chart layer (pure; the container builds them once and hands them to the
 * marks and guides). Ticks never repeat a label: an integer domain (customers, months, k) gets
 * integer ticks, and the digits of a label follow the tick step, so 0…5 reads "0 1 2 3 4 5", never
 * "0 1 1 2 2 3".
 */
import { precisionFixed, scaleBand, scaleLinear, tickStep, ticks as d3Ticks, type ScaleBand, type ScaleLinear } from 'd3';

/** How values of a linear axis are written: plain numbers, or shares (0.25) as percent (25%). */
export type ValueFormat = 'number' | 'percent';

/** Formats a number with a fixed count of digits in the UI's locale (i18n.num). */
export type NumberFormatter = (v: number, digits: number) => string;

export interface LinearAxisSpec {
  kind: 'linear';
  /** What the axis measures, without its unit ("Revenue"). */
  title: string;
  /** The unit shown after the title: a key of the chart messages (yuan, months, …) or a string pair. */
  unit?: string | { en: string; zh: string };
  domain: [number, number];
  /** Extend the domain to round tick values (default true). */
  nice?: boolean;
  /** Integer values only (counts, months, k): integer ticks. */
  integer?: boolean;
  format?: ValueFormat;
  /** Digits of a value in a tooltip (in percent points for 'percent'); default from the ticks. */
  digits?: number;
  /** About how many ticks (default from the axis length). */
  ticks?: number;
}

export interface BandAxisSpec {
  kind: 'band';
  title: string;
  unit?: string | { en: string; zh: string };
  /** The categories, in drawing order (top to bottom on a y axis). */
  domain: string[];
  padding?: number;
  /** Long runs of labels such as months: show every n-th label instead of wrapping them. */
  thin?: boolean;
}

export type AxisSpec = LinearAxisSpec | BandAxisSpec;

export interface Tick {
  value: number | string;
  /** Position along the axis in px (the band's centre for band scales). */
  pos: number;
  label: string;
}

export type LinearScale = ScaleLinear<number, number>;
export type BandScale = ScaleBand<string>;

/** The domain a linear axis draws: [lo, hi] widened when flat, niced unless turned off. */
export function linearDomain(spec: LinearAxisSpec, count: number): [number, number] {
  let [lo, hi] = spec.domain;
  if (!Number.isFinite(lo)) lo = 0;
  if (!Number.isFinite(hi)) hi = lo + 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) hi = lo + (spec.format === 'percent' ? 0.1 : 1);
  if (spec.nice === false) return [lo, hi];
  const s = scaleLinear().domain([lo, hi]).nice(count);
  const [a, b] = s.domain();
  return [a, b];
}

/** Tick values of [lo, hi]; for an integer axis whole numbers only, with a step of at least 1. */
export function linearTicks(lo: number, hi: number, count: number, integer = false): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  if (!integer) return d3Ticks(lo, hi, count);
  const step = Math.max(1, tickStep(lo, hi, count));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v));
  return out;
}

/** Digits a tick label needs for the step between ticks (percent: of the value × 100). */
export function tickDigits(ticks: readonly number[], format: ValueFormat = 'number'): number {
  if (ticks.length < 2) return 0;
  const k = format === 'percent' ? 100 : 1;
  const step = Math.abs(ticks[1] - ticks[0]) * k;
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.min(10, precisionFixed(step));
}

/** A value as an axis or tooltip writes it (percent: × 100 with a % sign). */
export function formatValue(v: number, format: ValueFormat, digits: number, num: NumberFormatter): string {
  return format === 'percent' ? `${num(v * 100, digits)}%` : num(v, digits);
}

/**
 * Labels for tick values, never two alike: when a label repeats at the digits the step needs
 * (rounding), one more digit is tried, up to three; a tick whose label still repeats is dropped.
 */
export function labelTicks(values: readonly number[], format: ValueFormat, num: NumberFormatter): { value: number; label: string }[] {
  const base = tickDigits(values, format);
  for (let d = base; d <= base + 3; d++) {
    const labels = values.map((v) => formatValue(v, format, d, num));
    if (new Set(labels).size === labels.length) return values.map((value, i) => ({ value, label: labels[i] }));
  }
  const seen = new Set<string>();
  return values.flatMap((value) => {
    const label = formatValue(value, format, base, num);
    if (seen.has(label)) return [];
    seen.add(label);
    return [{ value, label }];
  });
}

/** About how many ticks fit along an axis of `length` px (one per ~48 px vertically, ~80 px across). */
export function tickCount(length: number, vertical: boolean): number {
  return Math.max(2, Math.min(10, Math.round(length / (vertical ? 48 : 80))));
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  return scaleLinear().domain(domain).range(range);
}

export function bandScale(domain: string[], range: [number, number], padding = 0.15): BandScale {
  return scaleBand<string>()
    .domain(domain)
    .range(range)
    .paddingInner(padding)
    .paddingOuter(padding / 2);
}

/** [min, max] of the finite values, widened to include zero (bars and counts start at zero). */
export function extentWithZero(values: Iterable<number | null | undefined>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v == null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
