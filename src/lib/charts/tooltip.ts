/**
 * Which datum the tooltip shows (pure): the nearest point to the pointer, and keyboard steps
 * between points. A chart is one tab stop; arrow keys then move along a series (left/right) or
 * between series (up/down), Home/End jump to a series' ends.
 */

/** A datum the tooltip can show: its pixel position, its series and the text to show. */
export interface TipPoint {
  x: number;
  y: number;
  series: number;
  text: string;
}

/** Index of the point nearest to (px, py) within `reach` px, else -1. */
export function nearestPoint(points: readonly TipPoint[], px: number, py: number, reach = 40): number {
  let best = -1;
  let bestD = reach * reach;
  points.forEach((p, i) => {
    const d = (p.x - px) ** 2 + (p.y - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

export type StepKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/** The point a key moves to from `current` (-1: none shown yet → the first point). */
export function stepPoint(points: readonly TipPoint[], current: number, key: StepKey): number {
  if (points.length === 0) return -1;
  if (current < 0 || current >= points.length) return 0;
  const here = points[current];
  const inSeries = points
    .map((p, i) => ({ p, i }))
    .filter((o) => o.p.series === here.series)
    .sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y);
  const at = inSeries.findIndex((o) => o.i === current);
  switch (key) {
    case 'ArrowRight':
      return inSeries[Math.min(inSeries.length - 1, at + 1)].i;
    case 'ArrowLeft':
      return inSeries[Math.max(0, at - 1)].i;
    case 'Home':
      return inSeries[0].i;
    case 'End':
      return inSeries[inSeries.length - 1].i;
    default: {
      const series = [...new Set(points.map((p) => p.series))].sort((a, b) => a - b);
      const s = series.indexOf(here.series) + (key === 'ArrowDown' ? 1 : -1);
      if (s < 0 || s >= series.length) return current;
      // The other series' point closest in x (then in y) to this one.
      let best = current;
      let bestD = Infinity;
      points.forEach((p, i) => {
        if (p.series !== series[s]) return;
        const d = Math.abs(p.x - here.x) * 1000 + Math.abs(p.y - here.y);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      return best;
    }
  }
}
