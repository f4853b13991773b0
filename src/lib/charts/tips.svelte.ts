import { chartContext, markId } from './context';
import type { TipPoint } from './tooltip';

/**
 * Registers a mark's tooltip points with its chart while the mark lives; `get` is re-read when
 * what it reads changes (data, layout).
 */
export function registerTips(get: () => TipPoint[]): void {
  const ctx = chartContext();
  const id = markId();
  $effect(() => {
    ctx.setPoints(id, get());
    return () => ctx.setPoints(id, []);
  });
}
