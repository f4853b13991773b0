/**
 * Reading a fit by model id (for the tab and the tests): a fit lists every model of the registry
 * (./models.ts) in order, so a model is looked up, never addressed by a field of its own.
 */
import type { LtvFitResult, LtvModelId, LtvModelResult } from './contract.ts';
import type { LTV_MODELS } from './models.ts';

/** The parameters of a registry model, as its fit returns them ({ r, alpha, a, b } for BG/NBD). */
export type ParamsOf<K extends LtvModelId> = ReturnType<(typeof LTV_MODELS)[K]['fit']>['params'];

/** The result of model `id` in a fit. @throws {Error} if the fit does not list it (a registry mismatch). */
export function modelOf(fit: Pick<LtvFitResult, 'models'>, id: LtvModelId): LtvModelResult {
  const r = fit.models.find((m) => m.id === id);
  if (!r) throw new Error(`the fit lists no model ${id}`);
  return r;
}

/** The parameters of model `id` when it fitted, else null. */
export function paramsOf<K extends LtvModelId>(fit: Pick<LtvFitResult, 'models'>, id: K): ParamsOf<K> | null {
  const r = modelOf(fit, id);
  // The worker fills a result's params from the fit of the same registry entry.
  return r.ok ? (r.params as unknown as ParamsOf<K>) : null;
}
