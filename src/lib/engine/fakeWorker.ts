/**
 * A worker for unit tests (no DOM, no DuckDB): the real comlink protocol over a MessageChannel,
 * answering with the methods a test gives. `hold(name)` makes a method wait until the test lets it
 * answer, so a test can have calls in flight, cancel them, or stop the worker under them.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineInfo } from '$workers/contract';
import { EngineClient } from './client.svelte';

type Methods = Partial<{ [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => unknown }>;

export class FakeWorker extends EventTarget {
  terminated = false;
  private port: MessagePort;
  private inner: MessagePort;

  constructor(api: Methods) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    const info: EngineInfo = { duckdbVersion: 'fake', seconds: 0, lock: null };
    Comlink.expose({ init: async () => info, ...api }, port2);
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.port.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.addEventListener(type, listener as EventListener);
    else super.addEventListener(type, listener);
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener(type, listener as EventListener);
    else super.removeEventListener(type, listener);
  }

  start(): void {
    this.port.start();
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }
}

/** A deferred answer a test releases by hand. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}

/**
 * An EngineClient on fake workers: each (re)start makes a new FakeWorker with `api()`'s methods.
 * `stop()` ends the current worker as the browser would, without an error event.
 */
export function fakeEngine(api: () => Methods) {
  const workers: FakeWorker[] = [];
  const deaths: (() => void)[] = [];
  const client = new EngineClient(() => {
    const w = new FakeWorker(api());
    workers.push(w);
    return w as unknown as Worker;
  });
  client.watch = () => new Promise<void>((gone) => deaths.push(gone));
  return {
    client,
    workers,
    /** The current worker stops without an event (its lifetime lock is released). */
    stop() {
      workers.at(-1)!.terminate();
      deaths.at(-1)!();
    },
    /** Terminates every worker (closes the channels so the test run can end). */
    close() {
      for (const w of workers) w.terminate();
    }
  };
}
