/**
 * Saved segments beyond the Segments tab: rebuilt from their definitions (a restarted engine, a
 * shared link) to the same members, and turned into a dataset of their own that every other
 * analysis runs on unchanged, dropped with its parent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../tests/sql/engine.ts';
import type { Engine } from '../engine/engine.ts';
import { all, one } from '../db/sql.ts';
import { segmentsApi } from './api.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { DEFAULT_SEGMENT_PARAMS } from './contract.ts';

let engine: Engine;
let sampleId: string;
const members = (id: string, slug: string) => all(engine.conn, `SELECT customer_id FROM "segment_${slug}_${id}" ORDER BY 1`).map((r) => String(r.customer_id));
const tables = () => all(engine.conn, `SELECT table_name FROM duckdb_tables() ORDER BY 1`).map((r) => String(r.table_name));

beforeAll(async () => {
  engine = await nodeEngine();
  sampleId = (await engine.loadSample({ customers: 800, months: 14, seed: 7, lang: 'en' })).id;
}, 60_000);

describe('saved segments', () => {
  it('rebuilds a segment from its definition in a fresh worker state, to the same members', async () => {
    const api = segmentsApi(() => engine);
    await api.segmentOverview(sampleId, { ...DEFAULT_SEGMENT_PARAMS, rfmBins: 4 });
    await api.segmentClusters(sampleId, ['arpu', 'voice'], 3, 2);
    const top = await api.saveSegment(sampleId, 'Top', { minM: 4, quadrant: 'highHigh' });
    const c2 = await api.saveSegment(sampleId, 'Cluster 2', { cluster: 2 });
    expect(top.definition).toMatchObject({ rfmBins: 4, clusters: null });
    expect(c2.definition.clusters).toEqual({ features: ['arpu', 'voice'], k: 3, seed: 2 });
    const before = { top: members(sampleId, top.slug), c2: members(sampleId, c2.slug) };
    expect(before.top.length).toBe(top.customers);
    expect(top.customers).toBeGreaterThan(0);

    // What a restarted engine sees: no base, no segment tables, a new API instance (no memory).
    for (const t of tables().filter((t) => t.startsWith('seg'))) await engine.conn.query(`DROP TABLE "${t}"`);
    // The base is rebuilt with other settings first (the user changed the bins in between).
    const fresh = segmentsApi(() => engine);
    await fresh.segmentOverview(sampleId, DEFAULT_SEGMENT_PARAMS);
    const again = await fresh.restoreSegment(sampleId, top.definition);
    const againC2 = await fresh.restoreSegment(sampleId, c2.definition);
    expect(members(sampleId, again.slug)).toEqual(before.top);
    expect(members(sampleId, againC2.slug)).toEqual(before.c2);
    expect((await fresh.listSegments(sampleId)).map((s) => s.slug)).toEqual([top.slug, c2.slug]);
    // A cluster segment needs a clustering run on the current base (its definition names the run).
    await fresh.segmentOverview(sampleId, DEFAULT_SEGMENT_PARAMS);
    await expect(fresh.saveSegment(sampleId, 'Needs clusters', { cluster: 1 })).rejects.toMatchObject({ code: 'segments-bad-input' });
  }, 60_000);

  it('is a dataset of its own for the other tabs, dropped with its parent', async () => {
    const api = segmentsApi(() => engine);
    await api.segmentOverview(sampleId, DEFAULT_SEGMENT_PARAMS);
    const seg = await api.saveSegment(sampleId, 'North', { minF: 3 });
    const d = await api.segmentDataset(sampleId, seg.slug);
    expect(d.parentId).toBe(sampleId);
    expect(d.overview.customers).toBe(seg.customers);
    const parent = engine.dataset(sampleId);
    const expected = one(engine.conn, `SELECT count(*) AS n FROM ${parent.table} WHERE customer_id IN (SELECT customer_id FROM "segment_${seg.slug}_${sampleId}")`)!;
    expect(d.overview.rows).toBe(Number(expected.n));
    expect(engine.dataset(d.id).columns).toEqual(parent.columns);

    // Lifecycle stages on the segment: every segment customer, nobody else.
    const lc = await lifecycleApi(() => engine).computeLifecycle(d.id, { ruleSet: 'clm', params: {}, tierCuts: [50, 150], month: null });
    const staged = one(engine.conn, `SELECT count(DISTINCT customer_id) AS n FROM "${lc.table}"`)!;
    expect(Number(staged.n)).toBe(seg.customers);

    await expect(api.segmentDataset(sampleId, 'nope')).rejects.toMatchObject({ code: 'segments-bad-input' });
    engine.dropDataset(sampleId);
    expect(tables().filter((t) => t.endsWith(`_${sampleId}`) || t.endsWith(`_${d.id}`))).toEqual([]);
    expect(() => engine.dataset(d.id)).toThrow();
  }, 60_000);
});
