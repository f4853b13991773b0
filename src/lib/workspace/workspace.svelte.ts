/**
 * The loaded data: the datasets the engine holds and the sources they came from. Files are kept (as
 * File objects, never read here) so that a cancelled or lost engine loads them again (`restore`).
 * Each dataset has a `key` of its own that survives such a restart (the engine's ids do not), so a
 * view's last results stay with their data.
 *
 * The workspace knows nothing of segments: the segments feature hears of loads, role changes and
 * removals through `DatasetHooks` and narrows the analysed dataset through `Narrowing`.
 */
import type { ColumnRole, DatasetSummary, EngineError, Encoding, SampleOptions } from '$workers/contract';
import { asEngineError, CancelledError, type EngineClient } from '$lib/engine/client.svelte';
import { settings } from '$lib/share/settings.svelte';
import { columnsOf, headerKey, linkedRoles, rememberedRoles, rememberRoles, rolesBySignature, signatureOf } from './roles';

/** The engine id of a dataset being loaded again after a restart (no engine has it). */
export const RESTORING = 'restoring:';

/** A loaded dataset with the workspace's key for it (stable across engine restarts). */
export type Dataset = DatasetSummary & { key: string };

/** What the segments feature is told about the datasets. */
export interface DatasetHooks {
  /** A dataset was loaded, or loaded again after a restart: its saved segments can be rebuilt. */
  loaded(d: Dataset): Promise<void>;
  /** Its roles changed: what was scored on the old typing is void. */
  retyped(d: Dataset): Promise<void>;
  removed(key: string): void;
  /** The engine lost every dataset (a restart); they are loaded again one by one (`loaded`). */
  reset(): void;
}

/** Narrows the selected dataset to what the analysis tabs see (a saved segment), or leaves it. */
export interface Narrowing {
  narrow(base: Dataset): Dataset | null;
}

interface Source {
  key: string;
  kind: 'file' | 'sample' | 'monthly-panel';
  file?: File;
  sample?: SampleOptions;
  encoding?: Encoding;
  /** 'literal': quotes read as ordinary characters (the retry for a quote never closed). */
  quotes?: 'literal';
  /** The key of the transaction log a monthly panel is built from (rebuilt from it after a restart). */
  from?: string;
  /** The roles it was typed with last (sent again when it is loaded again). */
  roles?: ColumnRole[];
}

/** Roles a link carries, keyed by header (checked; a bad entry is dropped with a note). */
export function linkRoles(): Record<string, ColumnRole[]> {
  return linkedRoles(settings.get('roles'), (key) => settings.drop(`roles.${signatureOf(key)}`));
}

export class Workspace {
  datasets = $state.raw<Dataset[]>([]);
  selectedKey = $state<string | null>(null);
  error = $state.raw<{ error: EngineError; file: string | null } | null>(null);
  /** Set when the last file was typed with roles remembered in this browser. */
  rememberedApplied = $state(false);
  /** Set when a link carried roles for other columns than the loaded file has (their column counts). */
  linkMismatch = $state<string | null>(null);
  /** Files not loaded again after a restart because their reload was cancelled or failed. */
  notRestored = $state.raw<string[]>([]);
  #sources: Source[] = [];
  /** The role change in flight (it never rejects): a load reads the remembered roles after it. */
  #applying: Promise<void> | null = null;
  #next = 1;
  #hooks: (DatasetHooks & Narrowing) | null = null;

  constructor(private engine: EngineClient) {}

  /** Lets the segments feature hear of datasets and narrow the analysed one. */
  connect(hooks: DatasetHooks & Narrowing): void {
    this.#hooks = hooks;
  }

  /** The selected dataset as loaded (the Data and Segments tabs work on it). */
  get base(): Dataset | null {
    return this.datasets.find((d) => d.key === this.selectedKey) ?? null;
  }

  /** What the analysis tabs analyse: the selected dataset, narrowed to a saved segment if one is chosen. */
  get selected(): Dataset | null {
    const base = this.base;
    return base ? (this.#hooks?.narrow(base) ?? base) : null;
  }

  select(key: string): void {
    this.selectedKey = key;
  }

  async addFiles(files: File[]): Promise<void> {
    const generation = this.engine.generation;
    // A Cancel stops the rest of the batch too.
    for (const file of files) if (this.engine.generation === generation) await this.#add({ kind: 'file', file });
  }

  loadSample(options: SampleOptions): Promise<void> {
    return this.#add({ kind: 'sample', sample: options });
  }

  /** The key of a loaded sample generated with these options (in either language), or null. */
  sampleKey(options: Pick<SampleOptions, 'customers' | 'months' | 'seed'>): string | null {
    const same = (o?: SampleOptions) => !!o && o.customers === options.customers && o.months === options.months && o.seed === options.seed;
    return this.#sources.find((s) => s.kind === 'sample' && same(s.sample))?.key ?? null;
  }

  /** Reads the file again in another encoding (a new dataset: its text, and so its results, change). */
  async reloadWithEncoding(key: string, encoding: Encoding | undefined): Promise<void> {
    const source = this.#sources.find((s) => s.key === key);
    if (!source?.file) return;
    await this.remove(key);
    await this.#add({ kind: 'file', file: source.file, encoding });
  }

  /** Loads the file again with quotes read as ordinary characters (the retry for a quote never closed). */
  async reloadWithLiteralQuotes(key: string): Promise<void> {
    const source = this.#sources.find((s) => s.key === key);
    if (!source?.file) return;
    await this.remove(key);
    await this.#add({ kind: 'file', file: source.file, encoding: source.encoding, quotes: 'literal' });
  }

  /** Builds the monthly panel of a transaction log as a dataset of its own and selects it. */
  buildMonthlyPanel(key: string): Promise<void> {
    return this.#sources.some((s) => s.key === key) ? this.#add({ kind: 'monthly-panel', from: key }) : Promise.resolve();
  }

  /** Types a dataset with `roles` the user chose (`remember`: for the next file with this header too). */
  applyRoles(key: string, roles: ColumnRole[], remember = true): Promise<void> {
    // A file added while this runs must be typed with these roles: loads wait for it (#load).
    const applying = this.#applyRoles(key, roles, remember).finally(() => {
      if (this.#applying === applying) this.#applying = null;
    });
    this.#applying = applying;
    return applying;
  }

  async #applyRoles(key: string, roles: ColumnRole[], remember: boolean): Promise<void> {
    const d = this.datasets.find((x) => x.key === key);
    if (!d) return;
    this.error = null;
    try {
      const summary: Dataset = { ...(await this.engine.run((api) => api.applyRoles(d.id, roles))), key };
      this.datasets = this.datasets.map((x) => (x.key === key ? summary : x));
      const source = this.#sources.find((s) => s.key === key);
      if (source) source.roles = roles;
      if (remember) rememberRoles(localStorage, summary.headers, roles);
      settings.set('roles', { ...linkRoles(), [headerKey(summary.headers)]: roles });
      await this.#hooks?.retyped(summary);
    } catch (e) {
      this.#fail(e, d.fileName);
    }
  }

  /** After new settings were opened: each loaded dataset whose header has other roles in them is typed again. */
  async applyLinkedRoles(): Promise<void> {
    const linked = linkRoles();
    for (const d of this.datasets) {
      const roles = linked[headerKey(d.headers)];
      if (roles && roles.join() !== d.roles.join()) await this.applyRoles(d.key, roles, false);
    }
    // Loaded files whose roles the settings do not name keep theirs, and the link records them.
    settings.set('roles', { ...Object.fromEntries(this.datasets.map((d) => [headerKey(d.headers), d.roles])), ...linkRoles() });
  }

  async remove(key: string): Promise<void> {
    const d = this.datasets.find((x) => x.key === key);
    this.datasets = this.datasets.filter((x) => x.key !== key);
    this.#sources = this.#sources.filter((s) => s.key !== key);
    this.#hooks?.removed(key);
    if (this.selectedKey === key) this.selectedKey = this.datasets[0]?.key ?? null;
    // Derived (filtered) datasets are dropped with their parent in the worker.
    if (d) await this.engine.run((api) => api.dropDataset(d.id)).catch(() => {});
  }

  /**
   * After the engine restarts (Cancel, or a worker the browser stopped), loads again what was
   * loaded, under the same keys and with the same roles. Meanwhile the datasets stay listed (views
   * keep their last results) under an engine id no engine has (`restoring:<key>`), so a call made
   * before one is back fails as unknown instead of reaching another dataset. A source whose reload
   * is cancelled or fails is dropped: loading it again would repeat what the user stopped (or what
   * stopped the worker). Another restart ends this one; it starts over with the sources left.
   */
  async restore(): Promise<void> {
    const generation = this.engine.generation;
    this.datasets = this.datasets.map((d) => ({ ...d, id: `${RESTORING}${d.key}` }));
    this.#hooks?.reset();
    for (const source of [...this.#sources]) {
      if (this.engine.generation !== generation) return;
      if (await this.#load(source)) continue;
      this.#sources = this.#sources.filter((s) => s !== source);
      this.notRestored = [...this.notRestored, this.datasets.find((d) => d.key === source.key)?.fileName ?? source.file?.name ?? ''];
      this.datasets = this.datasets.filter((d) => d.key !== source.key);
      this.#hooks?.removed(source.key);
      if (this.selectedKey === source.key) this.selectedKey = this.datasets[0]?.key ?? null;
    }
  }

  async #add(source: Omit<Source, 'key'>): Promise<void> {
    const key = `d${this.#next++}`;
    const d = await this.#load({ ...source, key }, true);
    if (d) this.#sources.push({ ...source, key, roles: d.roles });
  }

  /** Loads one source (and selects it); the dataset, or null (the error is shown, a cancel is not an error). */
  async #load(source: Source, select = false): Promise<Dataset | null> {
    this.error = null;
    this.rememberedApplied = false;
    this.linkMismatch = null;
    // (Only then: otherwise the engine call, and aria-busy, must start at once.)
    if (this.#applying) await this.#applying;
    const linked = linkRoles();
    const remembered = rememberedRoles(localStorage);
    try {
      const summary = await this.engine.run(async (api, onProgress) => {
        if (source.kind === 'sample') {
          const s = await api.loadSample(source.sample!, onProgress);
          // The sample is generated, not read: roles changed by the user are applied afterwards.
          return source.roles && source.roles.join() !== s.roles.join() ? api.applyRoles(s.id, source.roles) : s;
        }
        if (source.kind === 'monthly-panel') {
          const log = this.datasets.find((x) => x.key === source.from && !x.id.startsWith(RESTORING));
          if (!log) throw { code: 'unknown-dataset', message: 'The transaction log is no longer loaded.' } satisfies EngineError;
          return api.deriveMonthlyPanel(log.id);
        }
        // Remembered or linked roles travel with the file, so it is typed once.
        const options = {
          encoding: source.encoding,
          roles: source.roles,
          quotes: source.quotes,
          rolesByHeader: rolesBySignature(remembered, linked)
        };
        return api.ingestFile(source.file!, source.file!.name, options, onProgress);
      });
      const d: Dataset = { ...summary, key: source.key };
      const key = headerKey(d.headers);
      if (!source.roles && source.kind === 'file') {
        // The link's roles are this session's own unless the page was opened from a link.
        this.rememberedApplied = (!settings.fromLink || !linked[key]) && remembered[key]?.join() === d.roles.join();
        const others = Object.keys(linked);
        if (settings.fromLink && others.length && !linked[key]) this.linkMismatch = others.map((k) => columnsOf(k) ?? '?').join(' / ');
      }
      if (!d.derived) settings.set('roles', { ...linked, [key]: d.roles });
      this.datasets = this.datasets.some((x) => x.key === d.key)
        ? this.datasets.map((x) => (x.key === d.key ? d : x))
        : [...this.datasets, d];
      if (select) this.selectedKey = d.key;
      await this.#hooks?.loaded(d);
      return d;
    } catch (e) {
      const name = source.file?.name ?? this.datasets.find((x) => x.key === source.from)?.fileName ?? null;
      if (!(e instanceof CancelledError)) this.#fail(e, name);
      return null;
    }
  }

  #fail(e: unknown, file: string | null): void {
    this.error = { error: asEngineError(e), file };
  }
}
