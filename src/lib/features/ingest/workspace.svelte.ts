/**
 * The loaded datasets and the actions on them. Files are kept (as File objects, never read here)
 * so that a cancelled or restarted engine can load them again.
 */
import type { ColumnRole, DatasetSummary, EngineError, Encoding, SampleOptions } from '$workers/contract';
import { asEngineError, CancelledError, type EngineClient } from '$lib/engine/client.svelte';
import { headerKey, recallRoles, rememberRoles } from './rememberedRoles';
import { settings } from '$lib/share/settings.svelte';
import type { SavedSegment, SegmentDefinition, SegmentFilter } from '$workers/segments/contract';
import { segmentDefinitions } from '$lib/features/segments/definitions';

/** Column roles carried by a shared link, keyed by header (see rememberedRoles.headerKey). */
type LinkRoles = Record<string, ColumnRole[]>;
/** Saved-segment definitions carried by a shared link, keyed by header like the roles. */
type LinkSegments = Record<string, SegmentDefinition[]>;

interface Source {
  kind: 'file' | 'sample' | 'monthly-panel';
  file?: File;
  sample?: SampleOptions;
  encoding?: Encoding;
  quotes?: 'literal';
  roles?: ColumnRole[];
  /** The transaction log a monthly panel is built from (its source, so a restart can rebuild it). */
  from?: Source;
}

export class Workspace {
  datasets = $state.raw<DatasetSummary[]>([]);
  selectedId = $state<string | null>(null);
  error = $state<{ error: EngineError; file: string | null } | null>(null);
  rememberedApplied = $state(false);
  /** Set when a link carried roles for other columns than the loaded file has (their headers). */
  linkMismatch = $state<string | null>(null);
  /**
   * Saved segments per dataset. Their definitions live here (and in the link), the member tables in
   * the worker, so a restarted engine or a shared link rebuilds them.
   */
  segments = $state.raw<Record<string, SavedSegment[]>>({});
  /** The segment filtering the analysis tabs: a dataset derived from `parentId` in the worker. */
  filter = $state.raw<{ parentId: string; slug: string; dataset: DatasetSummary } | null>(null);
  private sources = new Map<string, Source>();

  constructor(private engine: EngineClient) {}

  /** The selected dataset as loaded (the Data and Segments tabs work on it). */
  get base(): DatasetSummary | null {
    return this.datasets.find((d) => d.id === this.selectedId) ?? null;
  }

  /** What the analysis tabs analyse: the selected dataset, narrowed to the filter's segment if one is set. */
  get selected(): DatasetSummary | null {
    const base = this.base;
    return base && this.filter?.parentId === base.id ? this.filter.dataset : base;
  }

  segmentsOf(id: string): SavedSegment[] {
    return this.segments[id] ?? [];
  }

  async saveSegment(id: string, name: string, filter: SegmentFilter): Promise<void> {
    const seg = await this.engine.run((api) => api.saveSegment(id, name, filter));
    this.keepSegment(id, seg);
    // A segment saved again under the name in use as the filter: the filter follows it.
    if (this.filter?.parentId === id && this.filter.slug === seg.slug) await this.setFilter(seg.slug);
  }

  /** Narrows the analysis tabs to one saved segment of the selected dataset (null: all customers). */
  async setFilter(slug: string | null): Promise<void> {
    const base = this.base;
    if (!base) return;
    const previous = this.filter;
    const seg = slug ? this.segmentsOf(base.id).find((s) => s.slug === slug) : undefined;
    if (!seg) {
      this.filter = null;
    } else {
      try {
        const d = await this.engine.run((api) => api.segmentDataset(base.id, seg.slug));
        this.filter = { parentId: base.id, slug: seg.slug, dataset: { ...base, id: d.id, overview: d.overview, parent: { id: base.id, segment: seg.slug, name: seg.name } } };
      } catch (e) {
        this.fail(e, base.fileName);
        return;
      }
    }
    settings.set('filter', this.filter?.slug ?? null);
    if (previous && previous.dataset.id !== this.filter?.dataset.id) void this.dropQuietly(previous.dataset.id);
  }

  private keepSegment(id: string, seg: SavedSegment): void {
    this.segments = { ...this.segments, [id]: [...this.segmentsOf(id).filter((s) => s.slug !== seg.slug), seg] };
    const d = this.datasets.find((x) => x.id === id);
    if (d) settings.set('segments', { ...(settings.get<LinkSegments>('segments') ?? {}), [headerKey(d.headers)]: this.segmentsOf(id).map((s) => s.definition) });
  }

  /** Rebuilds the segments (and the filter) a link or an earlier engine had for a file with this header. */
  private async restoreSegments(d: DatasetSummary): Promise<void> {
    const defs = segmentDefinitions(settings.get<LinkSegments>('segments')?.[headerKey(d.headers)]);
    if (!defs.length || (d.overview.kind !== 'panel' && d.overview.kind !== 'transactions')) return;
    const kept: SavedSegment[] = [];
    for (const def of defs) {
      try {
        kept.push(await this.engine.run((api) => api.restoreSegment(d.id, def)));
      } catch (e) {
        if (e instanceof CancelledError) return;
        /* a definition this data cannot satisfy (other roles): left out, the rest still apply */
      }
    }
    this.segments = { ...this.segments, [d.id]: kept };
    const slug = settings.get<string | null>('filter');
    if (slug && this.selectedId === d.id && kept.some((s) => s.slug === slug)) await this.setFilter(slug);
  }

  private async dropQuietly(id: string): Promise<void> {
    try {
      await this.engine.run((api) => api.dropDataset(id));
    } catch {
      /* already gone */
    }
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

  /** Loads the file again with quotes read as ordinary characters (the retry for a quote never closed). */
  async reloadWithLiteralQuotes(id: string): Promise<void> {
    const source = this.sources.get(id);
    if (!source?.file) return;
    await this.remove(id);
    await this.load({ ...source, quotes: 'literal' });
  }

  /** Builds the monthly panel of a transaction log as a dataset of its own and selects it. */
  buildMonthlyPanel(id: string): Promise<void> {
    const from = this.sources.get(id);
    return from ? this.load({ kind: 'monthly-panel', from }) : Promise.resolve();
  }

  async applyRoles(id: string, roles: ColumnRole[]): Promise<void> {
    this.error = null;
    try {
      const summary = await this.engine.run((api) => api.applyRoles(id, roles));
      this.replace(summary);
      // Segments were scored on the old typing: the filter and the list start again.
      if (this.filter?.parentId === id) await this.setFilter(null);
      this.segments = { ...this.segments, [id]: [] };
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
    const { [id]: _, ...segments } = this.segments;
    this.segments = segments;
    if (this.filter?.parentId === id) this.filter = null;
    if (this.selectedId === id) this.selectedId = this.datasets[0]?.id ?? null;
    // Derived (filtered) datasets are dropped with their parent in the worker.
    await this.dropQuietly(id);
  }

  /** After the engine restarts (cancel), load again what was loaded. */
  async restore(): Promise<void> {
    const sources = [...this.sources.values()];
    this.sources.clear();
    this.datasets = [];
    this.selectedId = null;
    this.segments = {};
    this.filter = null;
    // A monthly panel is rebuilt from its log, so only while the log is still loaded.
    for (const s of sources) if (s.kind !== 'monthly-panel' || sources.includes(s.from!)) await this.load(s);
  }

  private async load(source: Source): Promise<void> {
    this.error = null;
    this.rememberedApplied = false;
    this.linkMismatch = null;
    const name = source.file?.name ?? source.from?.file?.name ?? null;
    try {
      const result = await this.engine.run(async (api, onProgress) => {
        if (source.kind === 'sample') return api.loadSample(source.sample!, onProgress);
        if (source.kind === 'monthly-panel') {
          const log = [...this.sources].find(([, s]) => s === source.from)?.[0];
          if (!log) throw { code: 'unknown-dataset', message: 'The transaction log is no longer loaded.' } satisfies EngineError;
          return api.deriveMonthlyPanel(log);
        }
        const first = await api.ingestFile(source.file!, source.file!.name, { encoding: source.encoding, roles: source.roles, quotes: source.quotes }, onProgress);
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
      if (!result.derived) settings.set('roles', { ...(settings.get<LinkRoles>('roles') ?? {}), [headerKey(result.headers)]: result.roles });
      this.datasets = [...this.datasets, result];
      this.selectedId = result.id;
      await this.restoreSegments(result);
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
