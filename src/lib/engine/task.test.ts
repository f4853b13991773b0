// Task: the one way a view runs engine work. The last result stays until a new one is ready, errors
// are translated codes, a cancel is not an error, late answers are dropped, results stay with their scope.
import { describe, expect, it } from 'vitest';
import { CancelledError } from './client.svelte';
import { gate } from './fakeWorker';
import { Task } from './task.svelte';

describe('Task', () => {
  it('keeps the last result visible while a new run works, and replaces it when the new one is ready', async () => {
    const answers = [gate<number>(), gate<number>()];
    let i = 0;
    const task = new Task(() => answers[i++].promise);
    const first = task.run();
    expect(task.busy).toBe(true);
    answers[0].open(1);
    expect(await first).toBe(1);
    expect(task.result).toBe(1);
    expect(task.busy).toBe(false);
    const second = task.run();
    expect(task.result).toBe(1);
    answers[1].open(2);
    await second;
    expect(task.result).toBe(2);
  });

  it('a failure shows its error as an engine error beside the last result; a success clears the error', async () => {
    let fail = false;
    const task = new Task(async () => {
      if (fail) throw { code: 'lifecycle-bad-parameter', message: 'n out of range' };
      return 'stages';
    });
    await task.run();
    fail = true;
    expect(await task.run()).toBeNull();
    expect(task.error).toEqual({ code: 'lifecycle-bad-parameter', message: 'n out of range' });
    expect(task.result).toBe('stages');
    fail = false;
    await task.run();
    expect(task.error).toBeNull();
  });

  it('a thrown Error becomes query-failed with its message', async () => {
    const task = new Task(async () => {
      throw new Error('boom');
    });
    await task.run();
    expect(task.error).toEqual({ code: 'query-failed', message: 'boom' });
  });

  it('a cancelled run is not an error and leaves the last result', async () => {
    let cancel = false;
    const task = new Task(async () => {
      if (cancel) throw new CancelledError();
      return 'fit';
    });
    await task.run();
    cancel = true;
    await expect(task.run()).resolves.toBeNull();
    expect(task.error).toBeNull();
    expect(task.result).toBe('fit');
    expect(task.busy).toBe(false);
  });

  it('drops the answer of an older run that arrives after a newer one started', async () => {
    const answers = [gate<string>(), gate<string>()];
    let i = 0;
    const task = new Task(() => answers[i++].promise);
    const old = task.run();
    const latest = task.run();
    answers[1].open('new');
    await latest;
    answers[0].open('old');
    expect(await old).toBeNull();
    expect(task.result).toBe('new');
  });

  it('shows a result only in its scope (the dataset it was computed for)', async () => {
    let dataset = 'a';
    const task = new Task(async () => `result of ${dataset}`, { scope: () => dataset });
    await task.run();
    expect(task.result).toBe('result of a');
    dataset = 'b';
    expect(task.result).toBeNull();
    dataset = 'a';
    expect(task.result).toBe('result of a');
  });

  it('a failure in another scope does not show the other scope’s result beside its error', async () => {
    let dataset = 'a';
    const task = new Task(
      async () => {
        if (dataset === 'b') throw { code: 'lifecycle-not-a-panel', message: 'x' };
        return 1;
      },
      { scope: () => dataset }
    );
    await task.run();
    dataset = 'b';
    await task.run();
    expect(task.error?.code).toBe('lifecycle-not-a-panel');
    expect(task.result).toBeNull();
  });

  it('runOnce runs once per key: entering a view again, or after a Cancel, does not run it again', async () => {
    let runs = 0;
    const task = new Task(async () => ++runs);
    await task.runOnce('a|roles1');
    expect(task.runOnce('a|roles1')).toBeNull();
    await task.runOnce('a|roles2');
    expect(runs).toBe(2);
  });
});

describe('Task.ensure', () => {
  it('runs what a view cannot do without, again after a Cancel took it, but not while it runs or once it has an answer', async () => {
    let cancel = true;
    let runs = 0;
    const task = new Task(async () => {
      runs++;
      if (cancel) throw new CancelledError();
      return 'setup';
    });
    await task.ensure();
    expect(task.result).toBeNull();
    cancel = false;
    const a = task.ensure();
    const b = task.ensure(); // the same run, not a second one
    expect(await a).toBe('setup');
    expect(await b).toBe('setup');
    expect(await task.ensure()).toBe('setup');
    expect(runs).toBe(2);
  });
});
