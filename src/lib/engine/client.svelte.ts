/**
 * The UI's handle on the engine worker. All data work happens in the worker; this class tracks
 * readiness, busy state and progress for `<main aria-busy>`, and cancels long work by terminating
 * the worker (a running DuckDB query cannot be interrupted) and starting a fresh one.
 * A worker that fails outside a call (an uncaught error, e.g. DuckDB-WASM's `Aborted(OOM)` or a failed
 * memory grow thrown from async code) never answers the call in flight: its `error` event rejects every
 * pending call instead, so the UI shows an error rather than staying busy forever.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineError, EngineErrorCode, EngineInfo, Progress } from '$workers/contract';
import { toCodedError } from '$common/errors';
import { spawnEngine } from './spawn';

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

/**
 * The worker's `error` (or `messageerror`) event as an EngineError, mapped like an error thrown in a
 * call (memory failures are 'out-of-memory'); an error without a message (what a worker killed by
 * the browser reports) is 'out-of-memory' too.
 */
export function workerFailure(event: Event): EngineError {
  const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
  if (event.type === 'messageerror') return { code: 'query-failed', message: 'The engine sent a message that could not be read.' };
  if (message === '') return { code: 'out-of-memory', message: 'The browser ran out of memory for this data.' };
  return toCodedError<EngineErrorCode>(new Error(message), 'query-failed');
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
  /** Rejecters of the calls in flight, so a failing worker can end them all. */
  private inFlight = new Set<(e: unknown) => void>();

  /** `createWorker` is for tests (a fake worker); the app uses the engine worker. */
  constructor(private createWorker: () => Worker = spawnEngine) {}

  get busy(): boolean {
    return this.status === 'starting' || this.pending > 0;
  }

  async start(): Promise<void> {
    this.status = 'starting';
    const worker = (this.worker = this.createWorker());
    const fail = (event: Event) => {
      if (worker !== this.worker) return; // an old, cancelled worker
      event.preventDefault();
      const error = workerFailure(event);
      for (const reject of [...this.inFlight]) reject(error);
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    this.api = Comlink.wrap<EngineApi>(worker);
    try {
      this.info = await this.settle(this.api.init());
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
        this.settle(call(this.api!, onProgress)).then(resolve, reject);
      });
    } finally {
      this.cancelCurrent = null;
      this.pending--;
      if (this.pending === 0) this.progress = null;
    }
  }

  /** The call's answer, or the worker's failure if that comes first. */
  private settle<T>(call: Promise<T>): Promise<T> {
    let reject!: (e: unknown) => void;
    const failed = new Promise<never>((_, r) => (reject = r));
    this.inFlight.add(reject);
    return Promise.race([call, failed]).finally(() => this.inFlight.delete(reject));
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
