// EngineClient when the worker fails outside a call: the call in flight must end with an error
// (out-of-memory for memory failures) instead of leaving the UI busy forever.
import { describe, expect, it } from 'vitest';
import { EngineClient, workerFailure } from './client.svelte';

/** A worker that never answers (as one whose DuckDB aborted) and can fire events. */
class SilentWorker extends EventTarget {
  posted = 0;
  postMessage() {
    this.posted++;
  }
  terminate() {}
}

const errorEvent = (message: string) => Object.assign(new Event('error', { cancelable: true }), { message });

describe('EngineClient and a failing worker', () => {
  it('fails start and a pending run with out-of-memory when the worker aborts', async () => {
    const worker = new SilentWorker();
    const client = new EngineClient(() => worker as unknown as Worker);
    const started = client.start();
    worker.dispatchEvent(errorEvent('Uncaught RuntimeError: Aborted(OOM)'));
    await started;
    expect(client.status).toBe('failed');
    expect(client.startError).toMatchObject({ code: 'out-of-memory' });

    const run = client.run((api) => api.ltvBounds('1'));
    expect(client.pending).toBe(1);
    expect(client.busy).toBe(true);
    await Promise.resolve();
    expect(worker.posted).toBeGreaterThan(1); // the call really went to the worker
    const event = errorEvent('');
    worker.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await expect(run).rejects.toMatchObject({ code: 'out-of-memory' });
    expect(client.pending).toBe(0);
  });

  it('ends every call in flight, and a later call still waits for its answer', async () => {
    const worker = new SilentWorker();
    const client = new EngineClient(() => worker as unknown as Worker);
    void client.start();
    const a = client.run((api) => api.ltvBounds('1'));
    const b = client.run((api) => api.ltvBounds('2'));
    worker.dispatchEvent(errorEvent('RangeError: Array buffer allocation failed'));
    await expect(a).rejects.toMatchObject({ code: 'out-of-memory' });
    await expect(b).rejects.toMatchObject({ code: 'out-of-memory' });
    expect(client.pending).toBe(0);
    let settled = false;
    void client.run((api) => api.ltvBounds('3')).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    expect(client.pending).toBe(1);
  });

  it('classifies worker events', () => {
    expect(workerFailure(errorEvent('Uncaught Error: could not allocate block of size 256 KiB'))).toMatchObject({ code: 'out-of-memory' });
    expect(workerFailure(errorEvent(''))).toMatchObject({ code: 'out-of-memory' });
    expect(workerFailure(errorEvent('Uncaught TypeError: x is undefined\nat f'))).toEqual({
      code: 'query-failed', message: 'Uncaught TypeError: x is undefined', detail: 'Uncaught TypeError: x is undefined\nat f'
    });
    expect(workerFailure(new Event('messageerror'))).toMatchObject({ code: 'query-failed' });
  });
});
