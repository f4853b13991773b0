/**
 * The one palette of the workbench's charts. Categorical colours come from Okabe & Ito's
 * colour-blind-safe set ("Color Universal Design", 2008) with Paul Tol's wine and sand, ordered so
 * that the first five (as many as there are lifecycle stages) also differ in lightness and stay
 * apart when printed in greyscale; lines add a dash pattern per series for the same reason. The
 * sequential scale for heat maps is d3's single-hue Blues, whose lightness falls monotonically.
 */
import { interpolateBlues, rgb } from 'd3';

export const CATEGORICAL = ['#0072b2', '#e69f00', '#882255', '#009e73', '#ddcc77', '#56b4e9', '#cc79a7', '#d55e00'] as const;

/** Dash patterns for line series (solid first), so series differ without colour too. */
export const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 2', '8 2 2 2 2 2'] as const;

/** Ink for text, axes and gridlines; neutral fills for empty cells and reference lines. */
export const INK = {
  text: '#1d2330',
  muted: '#566070',
  grid: '#dde2ea',
  axis: '#8a94a3',
  empty: '#f1f3f6',
  reference: '#8a94a3',
  highlight: '#1d2330'
} as const;

export interface SeriesStyle {
  colour: string;
  dash: string;
}

/** The colour and dash of series `i` (cycling through the palette). */
export function seriesStyle(i: number): SeriesStyle {
  const k = ((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length;
  return { colour: CATEGORICAL[k], dash: DASHES[i % DASHES.length] };
}

/** Relative luminance (WCAG 2) of a colour. */
function luminance(colour: string): number {
  const c = rgb(colour);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** CIE L* (0 = black, 100 = white) of a colour: how light it prints in greyscale. */
export function lightness(colour: string): number {
  const y = luminance(colour);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** WCAG 2 contrast ratio of two colours (1–21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (dark ink or white) with the higher contrast on a fill. */
export function textOn(fill: string): string {
  return contrast('#ffffff', fill) > contrast(INK.text, fill) ? '#ffffff' : INK.text;
}

/**
 * Parts of the Blues ramp used: the lightest end is too close to white to see, the darkest to
 * black. Behind table text only the light half is used, so dark text keeps a 4.5:1 contrast.
 */
const RAMP: [number, number] = [0.08, 0.9];
const LIGHT_RAMP: [number, number] = [0.04, 0.45];

/**
 * A sequential colour for values in [lo, hi] (light = low, dark = high); values outside are
 * clamped, missing values get the neutral empty fill. A flat domain maps to the middle.
 */
export function sequentialColour(lo: number, hi: number, behindText = false): (v: number | null | undefined) => string {
  const [a, b] = behindText ? LIGHT_RAMP : RAMP;
  return (v) => {
    if (v == null || !Number.isFinite(v)) return INK.empty;
    const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
    return interpolateBlues(a + (b - a) * t);
  };
}
