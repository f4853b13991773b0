/** Runs an engine call for a churn panel, turning failures into a translated message. */
import type { EngineError } from '$workers/contract';
import { asEngineError } from '$lib/engine/client.svelte';
import { ERROR_LABELS } from '$lib/i18n/labels';
import { i18n } from '$lib/i18n/i18n.svelte';

export function errorText(error: EngineError): string {
  return i18n.pick(ERROR_LABELS[error.code], error.message);
}

/** Awaits `call`; on failure calls `fail` with the engine error (cancellation included). */
export async function attempt<T>(call: () => Promise<T>, fail: (e: EngineError) => void): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    fail(asEngineError(e));
    return null;
  }
}

/** Saves text (the worker-built CSV) as a file through a blob: URL. */
export function saveText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
