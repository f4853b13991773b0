/**
 * The UI's handle on the engine worker. All data work happens in the worker; this class tracks
 * readiness, busy state and progress for `<main aria-busy>`, and cancels long work by terminating
 * the worker (a running DuckDB query cannot be interrupted) and starting a fresh one.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineError, EngineInfo, Progress } from '$workers/contract';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function asEngineError(e: unknown): EngineError {
  if (e instanceof CancelledError) return { code: 'cancelled', message: 'Cancelled.' };
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as EngineError;
  return { code: 'query-failed', message: e instanceof Error ? e.message : String(e) };
}

export class EngineClient {
  status = $state<'starting' | 'ready' | 'failed'>('starting');
  info = $state<EngineInfo | null>(null);
  /** Number of operations in flight. */
  pending = $state(0);
  progress = $state<Progress | null>(null);
  startError = $state<EngineError | null>(null);

  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  private cancelCurrent: (() => void) | null = null;

  get busy(): boolean {
    return this.status === 'starting' || this.pending > 0;
  }

  async start(): Promise<void> {
    this.status = 'starting';
    this.worker = new Worker(new URL('../../../workers/engine.ts', import.meta.url), { type: 'module' });
    this.api = Comlink.wrap<EngineApi>(this.worker);
    try {
      this.info = await this.api.init();
      this.status = 'ready';
    } catch (e) {
      this.startError = asEngineError(e);
      this.status = 'failed';
    }
  }

  /**
   * Runs one engine call with progress; rejects with CancelledError if cancel() is called.
   * Callers set their own busy flags synchronously before awaiting (aria-busy must flip at once).
   */
  async run<T>(call: (api: Comlink.Remote<EngineApi>, onProgress: (p: Progress) => void) => Promise<T>): Promise<T> {
    if (!this.api) throw { code: 'engine-start-failed', message: 'Engine not started.' } satisfies EngineError;
    this.pending++;
    this.progress = null;
    const onProgress = Comlink.proxy((p: Progress) => {
      this.progress = p;
    });
    try {
      return await new Promise<T>((resolve, reject) => {
        this.cancelCurrent = () => reject(new CancelledError());
        call(this.api!, onProgress).then(resolve, reject);
      });
    } finally {
      this.cancelCurrent = null;
      this.pending--;
      if (this.pending === 0) this.progress = null;
    }
  }

  /** Terminates the worker and starts a new one; the caller restores its datasets. */
  async cancel(): Promise<void> {
    const reject = this.cancelCurrent;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    reject?.();
    await this.start();
  }
}
