// EngineClient when its worker goes: every call in flight must end (cancelled, failed, or lost) and
// the UI must leave the busy state, instead of waiting for an answer that never comes.
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, EngineClient, workerFailure } from './client.svelte';
import { fakeEngine, gate } from './fakeWorker';

/** A worker that never answers (as one whose DuckDB aborted) and can fire events. */
class SilentWorker extends EventTarget {
  posted = 0;
  postMessage() {
    this.posted++;
  }
  terminate() {}
}

const errorEvent = (message: string) => Object.assign(new Event('error', { cancelable: true }), { message });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (e instanceof CancelledError ? 'cancelled' : (e as { code: string }).code)
  );

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup) f();
  cleanup = [];
});

/** An engine whose `ltvBounds` waits for the test; `churnSetup` answers at once. */
function engine() {
  const held: ReturnType<typeof gate<{ min: string; max: string }>>[] = [];
  const e = fakeEngine(() => ({
    ltvBounds: () => {
      const g = gate<{ min: string; max: string }>();
      held.push(g);
      return g.promise;
    },
    churnSetup: async (id: string) => ({ id })
  }));
  cleanup.push(e.close);
  return { ...e, held };
}

describe('EngineClient and a failing worker', () => {
  it('fails start with out-of-memory when the worker aborts before it is ready; calls then fail at once', async () => {
    const worker = new SilentWorker();
    const client = new EngineClient(() => worker as unknown as Worker);
    const started = client.start();
    expect(client.busy).toBe(true);
    worker.dispatchEvent(errorEvent('Uncaught RuntimeError: Aborted(OOM)'));
    await started;
    expect(client.status).toBe('failed');
    expect(client.startError).toMatchObject({ code: 'out-of-memory' });
    await expect(client.run((api) => api.ltvBounds('1'))).rejects.toMatchObject({ code: 'engine-start-failed' });
    expect(client.pending).toBe(0);
  });

  it('ends every call in flight with out-of-memory on an error event, and a later call still waits for its answer', async () => {
    const { client, workers, held } = engine();
    await client.start();
    const a = client.run((api) => api.ltvBounds('1'));
    const b = client.run((api) => api.ltvBounds('2'));
    expect(client.pending).toBe(2);
    expect(client.busy).toBe(true);
    const event = errorEvent('RangeError: Array buffer allocation failed');
    workers[0].dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect([await outcome(a), await outcome(b)]).toEqual(['out-of-memory', 'out-of-memory']);
    expect(client.pending).toBe(0);
    let settled = false;
    const c = client.run((api) => api.ltvBounds('3')).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(client.pending).toBe(1);
    held.at(-1)!.open({ min: 'a', max: 'b' });
    await expect(c).resolves.toEqual({ min: 'a', max: 'b' });
  });

  it('classifies worker events', () => {
    expect(workerFailure(errorEvent('Uncaught Error: could not allocate block of size 256 KiB'))).toMatchObject({ code: 'out-of-memory' });
    expect(workerFailure(errorEvent(''))).toMatchObject({ code: 'out-of-memory' });
    expect(workerFailure(errorEvent('Uncaught TypeError: x is undefined\nat f'))).toEqual({
      code: 'query-failed',
      message: 'Uncaught TypeError: x is undefined',
      detail: 'Uncaught TypeError: x is undefined\nat f'
    });
    expect(workerFailure(new Event('messageerror'))).toMatchObject({ code: 'query-failed' });
  });
});

describe('Cancel', () => {
  it('settles every call in flight, not only the last, and leaves the busy state (a churn link starts three calls on mount)', async () => {
    const { client, workers } = engine();
    await client.start();
    const calls = [
      client.run((api) => api.ltvBounds('1')),
      client.run((api) => api.ltvBounds('2')),
      client.run((api) => api.ltvBounds('3'))
    ];
    expect(client.pending).toBe(3);
    const cancelled = client.cancel();
    expect(await Promise.all(calls.map(outcome))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(client.pending).toBe(0);
    await cancelled;
    expect(client.busy).toBe(false);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(client.lost).toBeNull(); // a cancel is not a failure
  }, 5000);

  it('a call made while the new worker starts waits for it and gets its answer', async () => {
    const { client } = engine();
    await client.start();
    const restarting = client.cancel();
    expect(client.status).toBe('starting');
    const call = client.run((api) => api.churnSetup('7'));
    expect(client.busy).toBe(true);
    await restarting;
    await expect(call).resolves.toEqual({ id: '7' });
  });
});

describe('a worker stopped by the browser without an error event', () => {
  it('is noticed, its calls end as engine-lost, it is restarted and the restart hooks reload the data', async () => {
    const { client, workers, stop } = engine();
    const reloaded = gate();
    let hooks = 0;
    client.onRestart(async () => {
      hooks++;
      await reloaded.promise;
    });
    await client.start();
    await new Promise((r) => setTimeout(r, 0)); // the watch starts once the worker answered init
    const call = client.run((api) => api.ltvBounds('1'));
    stop();
    expect(await outcome(call)).toBe('engine-lost');
    expect(client.lost).toMatchObject({ code: 'engine-lost' });
    await expect.poll(() => hooks).toBe(1);
    expect(client.status).toBe('ready');
    expect(client.busy).toBe(true); // until the data is loaded again
    reloaded.open();
    await expect.poll(() => client.busy).toBe(false);
    expect(workers).toHaveLength(2);
    await expect(client.run((api) => api.churnSetup('1'))).resolves.toEqual({ id: '1' });
  });

  it('a worker ended by Cancel is not reported as lost', async () => {
    const { client, workers } = engine();
    await client.start();
    await new Promise((r) => setTimeout(r, 0));
    await client.cancel();
    expect(client.lost).toBeNull();
    expect(workers).toHaveLength(2);
  });
});
