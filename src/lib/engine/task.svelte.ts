/**
 * One piece of work a view runs on the engine, and what the view shows of it: the last result, the
 * last error, whether it is running. Every view used to write this glue itself (try, asEngineError,
 * an instanceof CancelledError test, untrack around the call); a feature's state now holds one Task
 * per piece of work and its actions call `run`.
 *
 * - The last result stays visible until a new one is ready: a run does not clear it, a failed run
 *   shows its error beside it, a cancelled run leaves both as they were.
 * - Cancel-safe: a cancelled call is not an error (the App says it was cancelled); an answer that
 *   arrives after a newer run started is dropped.
 * - Runs untracked: `run` may be called from an effect without the effect depending on what the
 *   call reads (the engine's busy counter, the form's fields).
 * - `scope` (e.g. the analysed dataset's key) says what a result belongs to: a result of another
 *   dataset is not shown, without an effect having to clear it.
 */
import { untrack } from 'svelte';
import type { EngineError } from '$workers/contract';
import { asEngineError, CancelledError } from './client.svelte';

export interface TaskOptions {
  /** What a result belongs to; a result of another scope is not shown. */
  scope?: () => string | null;
}

export class Task<T, A extends unknown[] = []> {
  #value = $state.raw<T | null>(null);
  #error = $state.raw<EngineError | null>(null);
  #shownScope = $state<string | null>(null);
  #running = $state(0);
  #latest = 0;
  /** The latest run, while it may still be on its way. */
  #pending: Promise<T | null> | null = null;
  #tried = new Set<string>();
  #work: (...args: A) => Promise<T>;
  #scope: () => string | null;

  constructor(work: (...args: A) => Promise<T>, options: TaskOptions = {}) {
    this.#work = work;
    this.#scope = options.scope ?? (() => null);
  }

  /** The last result, for the current scope. */
  get result(): T | null {
    return this.#scope() === this.#shownScope ? this.#value : null;
  }

  /** The last run's error (null after a success), for the current scope. */
  get error(): EngineError | null {
    return this.#scope() === this.#shownScope ? this.#error : null;
  }

  get busy(): boolean {
    return this.#running > 0;
  }

  /** Runs the work; resolves with its result, or null when it failed or was cancelled (never rejects). */
  run(...args: A): Promise<T | null> {
    return (this.#pending = untrack(() => this.#run(args)));
  }

  /**
   * The automatic first run for `key` (a dataset and its roles, say): once per key, however often
   * the view is entered, and not again after a Cancel or an engine restart. Null when already tried.
   */
  runOnce(key: string, ...args: A): Promise<T | null> | null {
    if (this.#tried.has(key)) return null;
    this.#tried.add(key);
    return this.run(...args);
  }

  /**
   * Runs unless there is a result or an error for the current scope or a run is on its way: for
   * what a view cannot do without (a dataset's setup), which a Cancel must not leave missing.
   */
  ensure(...args: A): Promise<T | null> {
    if (this.busy && this.#pending) return this.#pending;
    if (this.result || this.error) return Promise.resolve(this.result);
    return this.run(...args);
  }

  /** Forgets the result and error (and an answer still on its way). */
  reset(): void {
    this.#latest++;
    this.#value = null;
    this.#error = null;
  }

  async #run(args: A): Promise<T | null> {
    const id = ++this.#latest;
    const scope = this.#scope();
    this.#running++;
    try {
      const value = await this.#work(...args);
      if (id === this.#latest) {
        this.#value = value;
        this.#error = null;
        this.#shownScope = scope;
      }
      return id === this.#latest ? value : null;
    } catch (e) {
      if (e instanceof CancelledError || id !== this.#latest) return null;
      if (scope !== this.#shownScope) this.#value = null;
      this.#error = asEngineError(e);
      this.#shownScope = scope;
      return null;
    } finally {
      this.#running--;
    }
  }
}

/**
 * The id of the dataset a task works on (a feature state's selected dataset); without one, the
 * task fails with `unknown-dataset`, which its view shows.
 */
export function datasetId(dataset: { id: string } | null | undefined): string {
  if (!dataset) throw { code: 'unknown-dataset', message: 'No dataset.' } satisfies EngineError;
  return dataset.id;
}

/**
 * Tasks on a feature's selected dataset: `task(work)` runs `work(id)` on the dataset selected when
 * it runs (failing with unknown-dataset without one), its result scoped to that dataset's key
 * unless `options` say otherwise.
 */
export function datasetTasks(dataset: () => { id: string; key: string } | null | undefined) {
  const scope = () => dataset()?.key ?? null;
  return <T>(work: (id: string) => Promise<T>, options: TaskOptions = { scope }): Task<T> =>
    new Task(() => work(datasetId(dataset())), options);
}
