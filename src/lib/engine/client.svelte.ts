/**
 * The UI's handle on the engine worker. All data work happens in the worker; this class tracks
 * readiness, busy state and progress for `<main aria-busy>`, and cancels long work by terminating
 * the worker (a running DuckDB query cannot be interrupted) and starting a fresh one.
 * Every call in flight is settled when its worker goes: by Cancel (CancelledError), by a worker
 * `error` event (e.g. DuckDB-WASM's `Aborted(OOM)` thrown from async code, which never answers the
 * call), or by a worker the browser stopped without any event (seen through its lifetime lock, see
 * `watchLock`). A stopped worker is restarted; `onRestart` hooks (the workspace) then load the data again.
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

const LOST: EngineError = {
  code: 'engine-lost',
  message: 'The engine stopped without an error (the browser may have ended it to free memory).'
};

/**
 * Resolves when the worker is gone. The worker holds a Web Lock named `info.lock` for its whole life;
 * the browser releases a stopped worker's locks, so the page's request for it is granted then. Unlike
 * a heartbeat, this cannot mistake a worker busy in a minutes-long synchronous query for a dead one.
 */
export function watchLock(_worker: Worker, info: EngineInfo): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!info.lock || !locks) return new Promise(() => {}); // no lock: the error event is all there is
  return locks.request(info.lock, () => undefined).then(() => undefined);
}

type Call<T> = (api: Comlink.Remote<EngineApi>, onProgress: (p: Progress) => void) => Promise<T>;

export class EngineClient {
  status = $state<'starting' | 'ready' | 'failed'>('starting');
  info = $state<EngineInfo | null>(null);
  /** Number of operations in flight. */
  pending = $state(0);
  progress = $state<Progress | null>(null);
  startError = $state<EngineError | null>(null);
  /** Set when a worker stopped without being asked (and was restarted); the App reports it. */
  lost = $state<EngineError | null>(null);
  /** True from a restart until the restart hooks (reloading the data) are done. */
  restoring = $state(false);
  /** How the client learns that a worker stopped without an error event; tests replace it. */
  watch: (worker: Worker, info: EngineInfo) => Promise<void> = watchLock;
  /** Counts workers: a call or a loop that began under another generation belongs to a dead worker. */
  generation = 0;

  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  private started: Promise<void> = Promise.resolve();
  /** Rejecters of the calls in flight, so a stopped worker ends them all. */
  private inFlight = new Set<(e: unknown) => void>();
  private restartHooks = new Set<() => void | Promise<void>>();

  /** `createWorker` is for tests (a fake worker); the app uses the engine worker. */
  constructor(private createWorker: () => Worker = spawnEngine) {}

  get busy(): boolean {
    return this.status === 'starting' || this.restoring || this.pending > 0;
  }

  /** Started, and not reloading the data after a restart: what a view may run on its own now. */
  get available(): boolean {
    return this.status === 'ready' && !this.restoring;
  }

  /** Resolves when the current worker has started (or failed to). */
  whenStarted(): Promise<void> {
    return this.started;
  }

  /** Runs `hook` after every restart (Cancel, or a worker that stopped); returns its removal. */
  onRestart(hook: () => void | Promise<void>): () => void {
    this.restartHooks.add(hook);
    return () => this.restartHooks.delete(hook);
  }

  start(): Promise<void> {
    this.status = 'starting';
    this.startError = null;
    const worker = (this.worker = this.createWorker());
    const generation = this.generation;
    const fail = (event: Event) => {
      if (worker !== this.worker) return; // an old, cancelled worker
      event.preventDefault();
      this.endCalls(workerFailure(event));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    const api = (this.api = Comlink.wrap<EngineApi>(worker));
    this.started = this.settle(api.init()).then(
      (info) => {
        if (worker !== this.worker) return; // replaced while it started
        this.info = info;
        this.status = 'ready';
        void this.watch(worker, info).then(() => {
          if (worker === this.worker && generation === this.generation) void this.replace(LOST);
        });
      },
      (e: unknown) => {
        if (worker !== this.worker) return;
        this.startError = asEngineError(e);
        this.status = 'failed';
      }
    );
    return this.started;
  }

  /**
   * Runs one engine call with progress. Rejects with CancelledError on cancel(), and with the
   * worker's failure if the worker stops. `pending` counts it at once (aria-busy flips before any
   * await); while a new worker starts, the call waits for it.
   */
  run<T>(call: Call<T>): Promise<T> {
    this.pending++;
    this.progress = null;
    const onProgress = Comlink.proxy((p: Progress) => {
      this.progress = p;
    });
    const work = async () => {
      if (this.status === 'starting') await this.started;
      if (!this.api || this.status !== 'ready') throw { code: 'engine-start-failed', message: 'Engine not started.' } satisfies EngineError;
      return call(this.api, onProgress);
    };
    return this.settle(work()).finally(() => {
      this.pending--;
      if (this.pending === 0) this.progress = null;
    });
  }

  /** The call's answer, or the worker's end if that comes first. */
  private settle<T>(call: Promise<T>): Promise<T> {
    let reject!: (e: unknown) => void;
    const ended = new Promise<never>((_, r) => (reject = r));
    this.inFlight.add(reject);
    return Promise.race([call, ended]).finally(() => this.inFlight.delete(reject));
  }

  private endCalls(error: unknown): void {
    for (const reject of [...this.inFlight]) reject(error);
  }

  /** Terminates the worker, settles every call in flight as cancelled, and starts a new one. */
  cancel(): Promise<void> {
    return this.replace(new CancelledError());
  }

  /** Ends the current worker and its calls with `reason`, starts a new worker, then runs the restart hooks. */
  private async replace(reason: unknown): Promise<void> {
    this.generation++;
    this.restoring = true;
    if (!(reason instanceof CancelledError)) this.lost = asEngineError(reason);
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.endCalls(reason);
    const generation = this.generation;
    try {
      await this.start();
      if (this.status !== 'ready' || generation !== this.generation) return;
      for (const hook of this.restartHooks) await hook();
    } finally {
      if (generation === this.generation) this.restoring = false;
    }
  }
}
