/**
 * Saved segments and the segment filter: the segments feature's state that the whole app shares.
 * A saved segment is a name and a filter on the segmentation base; its definition lives here and in
 * the link (per file header), its member table in the worker, so a restarted engine or a colleague's
 * browser rebuilds it. The filter narrows the analysis tabs to one saved segment: the segment becomes
 * a dataset of its own in the worker (`segmentDataset`), keyed `<dataset key>/<slug>` here.
 */
import type { SavedSegment, SegmentDefinition, SegmentFilter } from '$workers/segments/contract';
import type { EngineError } from '$workers/contract';
import { asEngineError, CancelledError, type EngineClient } from '$lib/engine/client.svelte';
import { settings } from '$lib/share/settings.svelte';
import { headerKey } from '$lib/workspace/roles';
import { RESTORING, type Dataset, type DatasetHooks, type Narrowing, type Workspace } from '$lib/workspace/workspace.svelte';
import { segmentDefinitions } from './definitions';

/** Saved-segment definitions carried by a shared link, keyed by header like the roles. */
type LinkSegments = Record<string, SegmentDefinition[]>;

interface Filter {
  parentKey: string;
  slug: string;
  dataset: Dataset;
}

const linkSegments = (): LinkSegments => {
  const v = settings.get<unknown>('segments');
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as LinkSegments) : {};
};

export class SavedSegments implements DatasetHooks, Narrowing {
  #segments = $state.raw<Record<string, SavedSegment[]>>({});
  #filter = $state.raw<Filter | null>(null);
  /** The last failure of choosing a filter (shown by the filter bar). */
  error = $state.raw<EngineError | null>(null);

  constructor(
    private engine: EngineClient,
    private workspace: Workspace
  ) {
    workspace.connect(this);
  }

  /** The saved segments of a dataset (by key). */
  of(key: string): SavedSegment[] {
    return this.#segments[key] ?? [];
  }

  /** The chosen segment of the selected dataset, if any. */
  get filter(): Filter | null {
    const f = this.#filter;
    return f && f.parentKey === this.workspace.base?.key ? f : null;
  }

  narrow(base: Dataset): Dataset | null {
    return this.#filter?.parentKey === base.key ? this.#filter.dataset : null;
  }

  /** Saves (or replaces) a segment of `d`; rejects with the engine's error. */
  async save(d: Dataset, name: string, filter: SegmentFilter): Promise<SavedSegment> {
    const seg = await this.engine.run((api) => api.saveSegment(d.id, name, filter));
    this.#keep(d, seg);
    // A segment saved again under the name in use as the filter: the filter follows it.
    if (this.#filter?.parentKey === d.key && this.#filter.slug === seg.slug) await this.choose(seg.slug);
    return seg;
  }

  /** Narrows the analysis tabs to one saved segment of the selected dataset (null: all customers). */
  async choose(slug: string | null): Promise<void> {
    const base = this.workspace.base;
    if (!base) return;
    const previous = this.#filter;
    const seg = slug ? this.of(base.key).find((s) => s.slug === slug) : undefined;
    this.error = null;
    if (!seg) this.#filter = null;
    else {
      try {
        const d = await this.engine.run((api) => api.segmentDataset(base.id, seg.slug));
        const parent = { id: base.id, segment: seg.slug, name: seg.name };
        this.#filter = {
          parentKey: base.key,
          slug: seg.slug,
          dataset: { ...base, id: d.id, key: `${base.key}/${seg.slug}`, overview: d.overview, parent }
        };
      } catch (e) {
        if (!(e instanceof CancelledError)) this.error = asEngineError(e);
        return;
      }
    }
    settings.set('filter', this.#filter?.slug ?? null);
    const stale = previous && previous.dataset.id !== this.#filter?.dataset.id && !previous.dataset.id.startsWith(RESTORING);
    if (stale) void this.engine.run((api) => api.dropDataset(previous.dataset.id)).catch(() => {});
  }

  /** Rebuilds the segments (and the filter) a link or an earlier engine had for a file with this header. */
  async loaded(d: Dataset): Promise<void> {
    const usable = d.overview.kind === 'panel' || d.overview.kind === 'transactions';
    const defs = usable ? segmentDefinitions(linkSegments()[headerKey(d.headers)]) : [];
    const kept: SavedSegment[] = [];
    for (const def of defs) {
      try {
        kept.push(await this.engine.run((api) => api.restoreSegment(d.id, def)));
      } catch (e) {
        if (e instanceof CancelledError) return;
        /* a definition this data cannot satisfy (other roles): left out, the rest still apply */
      }
    }
    if (defs.length || this.#segments[d.key]) this.#segments = { ...this.#segments, [d.key]: kept };
    const slug = settings.get<unknown>('filter');
    if (typeof slug === 'string' && this.workspace.selectedKey === d.key && kept.some((s) => s.slug === slug)) await this.choose(slug);
    else if (this.#filter?.parentKey === d.key) this.#filter = null;
  }

  /** After new settings were opened: every loaded dataset's segments and the filter as they say. */
  async reload(datasets: Dataset[]): Promise<void> {
    for (const d of datasets) await this.loaded(d);
  }

  /** Segments were scored on the old typing: the filter and the list start again. */
  async retyped(d: Dataset): Promise<void> {
    if (this.#filter?.parentKey === d.key) await this.choose(null);
    this.#segments = { ...this.#segments, [d.key]: [] };
  }

  removed(key: string): void {
    const { [key]: _, ...rest } = this.#segments;
    this.#segments = rest;
    if (this.#filter?.parentKey === key) this.#filter = null;
  }

  /** The engine lost the segments' tables: the list and the filter stay shown until `loaded` rebuilds them. */
  reset(): void {
    const f = this.#filter;
    if (f) this.#filter = { ...f, dataset: { ...f.dataset, id: `${RESTORING}${f.dataset.key}` } };
  }

  #keep(d: Dataset, seg: SavedSegment): void {
    this.#segments = { ...this.#segments, [d.key]: [...this.of(d.key).filter((s) => s.slug !== seg.slug), seg] };
    settings.set('segments', { ...linkSegments(), [headerKey(d.headers)]: this.of(d.key).map((s) => s.definition) });
  }
}
