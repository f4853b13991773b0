/**
 * Legend layout (pure): entries flow left to right and wrap to new rows within the chart's width;
 * the colour-scale legend of a heat map is a gradient bar with a few labelled values.
 */
import { FONT, textWidth } from './text';
import { formatValue, linearTicks, tickDigits, type NumberFormatter, type ValueFormat } from './scales';

export interface LegendEntry {
  label: string;
  colour: string;
  /** Dash pattern of a line entry ('' = solid). */
  dash?: string;
  /** How the key is drawn: a filled box (bars, areas, cells), a line, or a dot (points). */
  shape?: 'box' | 'line' | 'dot';
}

export interface PlacedEntry extends LegendEntry {
  x: number;
  y: number;
}

/** Width of the key drawn before an entry's label, and the gaps around it. */
export const KEY = { width: 18, gap: 5, spacing: 18, row: 18 } as const;

export function legendLayout(entries: readonly LegendEntry[], width: number, left = 0): { entries: PlacedEntry[]; height: number } {
  let x = left;
  let row = 0;
  const placed = entries.map((e) => {
    const w = KEY.width + KEY.gap + textWidth(e.label, FONT.label);
    if (x > left && x + w > width) {
      row++;
      x = left;
    }
    const p = { ...e, x, y: row * KEY.row };
    x += w + KEY.spacing;
    return p;
  });
  return { entries: placed, height: entries.length ? (row + 1) * KEY.row : 0 };
}

export interface ColourScaleSpec {
  /** What the colour measures, without its unit. */
  title: string;
  unit?: string | { en: string; zh: string };
  domain: [number, number];
  format?: ValueFormat;
  /** Digits of a value written in a cell or a tooltip (default: 1 for percent, 2 otherwise). */
  digits?: number;
}

export interface ColourLegendLayout {
  /** Where the title ends and the gradient bar starts (px from the legend's left). */
  barX: number;
  barWidth: number;
  height: number;
  ticks: { pos: number; label: string }[];
}

/** A gradient bar of `barWidth` px after the title, with 3–5 labelled values under it. */
export function colourLegendLayout(title: string, spec: ColourScaleSpec, num: NumberFormatter, barWidth = 180): ColourLegendLayout {
  const [lo, hi] = spec.domain;
  const format = spec.format ?? 'number';
  // Titles are bold: about a tenth wider than the estimate for regular text.
  const barX = Math.ceil(textWidth(title, FONT.title) * 1.1) + 12;
  const span = hi - lo;
  const values = span > 0 ? linearTicks(lo, hi, 4).filter((v) => v >= lo && v <= hi) : [lo];
  // The ends are always labelled so the reader sees the range; inner ticks too close to them are dropped.
  const inner = values.filter((v) => span > 0 && v - lo > span * 0.12 && hi - v > span * 0.12);
  const all = span > 0 ? [lo, ...inner, hi] : [lo];
  // Digits from the regular step of the inner values, so the ends read like the rest.
  const digits = tickDigits(values.length > 1 ? values : [lo, hi], format);
  const seen = new Set<string>();
  const labelled = all.flatMap((v) => {
    const label = formatValue(v, format, digits, num);
    if (seen.has(label)) return [];
    seen.add(label);
    return [{ pos: span > 0 ? ((v - lo) / span) * barWidth : barWidth / 2, label }];
  });
  return { barX, barWidth, height: 38, ticks: spaced(labelled, barWidth) };
}

/**
 * Drops inner labels that would touch a neighbour (the ends are aligned inwards: the first label
 * starts at 0, the last ends at the bar's end); both ends are always kept.
 */
function spaced(ticks: { pos: number; label: string }[], barWidth: number): { pos: number; label: string }[] {
  if (ticks.length <= 2) return ticks;
  const extent = (t: { pos: number; label: string }, i: number, n: number): [number, number] => {
    const w = textWidth(t.label, FONT.label);
    return i === 0 ? [t.pos, t.pos + w] : i === n - 1 ? [barWidth - w, barWidth] : [t.pos - w / 2, t.pos + w / 2];
  };
  const n = ticks.length;
  const last = extent(ticks[n - 1], n - 1, n);
  const kept = [ticks[0]];
  let right = extent(ticks[0], 0, n)[1];
  for (let i = 1; i < n - 1; i++) {
    const [a, b] = extent(ticks[i], i, n);
    if (a >= right + 6 && b <= last[0] - 6) {
      kept.push(ticks[i]);
      right = b;
    }
  }
  kept.push(ticks[n - 1]);
  return kept;
}
