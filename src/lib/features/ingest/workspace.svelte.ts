/**
 * The loaded datasets and the actions on them. Files are kept (as File objects, never read here)
 * so that a cancelled or restarted engine can load them again.
 */
import type { ColumnRole, DatasetSummary, EngineError, Encoding, SampleOptions } from '$workers/contract';
import { asEngineError, CancelledError, type EngineClient } from '$lib/engine/client.svelte';
import { headerKey, recallRoles, rememberRoles } from './rememberedRoles';
import { settings } from '$lib/share/settings.svelte';

/** Column roles carried by a shared link, keyed by header (see rememberedRoles.headerKey). */
type LinkRoles = Record<string, ColumnRole[]>;

interface Source {
  kind: 'file' | 'sample';
  file?: File;
  sample?: SampleOptions;
  encoding?: Encoding;
  roles?: ColumnRole[];
}

export class Workspace {
  datasets = $state.raw<DatasetSummary[]>([]);
  selectedId = $state<string | null>(null);
  error = $state<{ error: EngineError; file: string | null } | null>(null);
  rememberedApplied = $state(false);
  /** Set when a link carried roles for other columns than the loaded file has (their headers). */
  linkMismatch = $state<string | null>(null);
  private sources = new Map<string, Source>();

  constructor(private engine: EngineClient) {}

  get selected(): DatasetSummary | null {
    return this.datasets.find((d) => d.id === this.selectedId) ?? null;
  }

  async addFiles(files: File[]): Promise<void> {
    for (const file of files) await this.load({ kind: 'file', file });
  }

  loadSample(options: SampleOptions): Promise<void> {
    return this.load({ kind: 'sample', sample: options });
  }

  async reloadWithEncoding(id: string, encoding: Encoding | undefined): Promise<void> {
    const source = this.sources.get(id);
    if (!source?.file) return;
    await this.remove(id);
    await this.load({ ...source, encoding, roles: undefined });
  }

  async applyRoles(id: string, roles: ColumnRole[]): Promise<void> {
    this.error = null;
    try {
      const summary = await this.engine.run((api) => api.applyRoles(id, roles));
      this.replace(summary);
      const source = this.sources.get(id);
      if (source) source.roles = roles;
      rememberRoles(localStorage, summary.headers, roles);
      settings.set('roles', { ...(settings.get<LinkRoles>('roles') ?? {}), [headerKey(summary.headers)]: roles });
    } catch (e) {
      this.fail(e, summary(this.datasets, id));
    }
  }

  async remove(id: string): Promise<void> {
    this.datasets = this.datasets.filter((d) => d.id !== id);
    this.sources.delete(id);
    if (this.selectedId === id) this.selectedId = this.datasets[0]?.id ?? null;
    try {
      await this.engine.run((api) => api.dropDataset(id));
    } catch {
      /* already gone */
    }
  }

  /** After the engine restarts (cancel), load again what was loaded. */
  async restore(): Promise<void> {
    const sources = [...this.sources.values()];
    this.sources.clear();
    this.datasets = [];
    this.selectedId = null;
    for (const s of sources) await this.load(s);
  }

  private async load(source: Source): Promise<void> {
    this.error = null;
    this.rememberedApplied = false;
    this.linkMismatch = null;
    const name = source.file?.name ?? null;
    try {
      const result = await this.engine.run(async (api, onProgress) => {
        if (source.kind === 'sample') return api.loadSample(source.sample!, onProgress);
        const first = await api.ingestFile(source.file!, source.file!.name, { encoding: source.encoding, roles: source.roles }, onProgress);
        if (source.roles) return first;
        // Roles from a shared link, then roles applied last time to a file with this header, win
        // over the suggestion.
        const linked = settings.get<LinkRoles>('roles');
        const fromLink = linked?.[headerKey(first.headers)];
        if (settings.fromLink && linked && !fromLink) this.linkMismatch = Object.keys(linked).map((k) => k.replace(/^clm\.roles\./, '').split('\u241f').join(', ')).join(' / ');
        const remembered = fromLink?.length === first.headers.length ? fromLink : recallRoles(localStorage, first.headers);
        if (remembered && remembered.join() !== first.roles.join()) {
          this.rememberedApplied = true;
          return api.applyRoles(first.id, remembered);
        }
        return first;
      });
      this.sources.set(result.id, source);
      settings.set('roles', { ...(settings.get<LinkRoles>('roles') ?? {}), [headerKey(result.headers)]: result.roles });
      this.datasets = [...this.datasets, result];
      this.selectedId = result.id;
    } catch (e) {
      if (e instanceof CancelledError) return;
      this.fail(e, name);
    }
  }

  private replace(s: DatasetSummary): void {
    this.datasets = this.datasets.map((d) => (d.id === s.id ? s : d));
  }

  private fail(e: unknown, file: string | null): void {
    this.error = { error: asEngineError(e), file };
  }
}

function summary(list: DatasetSummary[], id: string): string | null {
  return list.find((d) => d.id === id)?.fileName ?? null;
}
