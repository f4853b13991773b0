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
import { DEFAULT_SEGMENT_PARAMS } from '../../common/segmentParams.ts';

let engine: Engine;
let sampleId: string;
const members = async (id: string, slug: string) =>
  (await all(engine.conn, `SELECT customer_id FROM "segment_${slug}_${id}" ORDER BY 1`)).map((r) => String(r.customer_id));
const tables = async () => (await all(engine.conn, `SELECT table_name FROM duckdb_tables() ORDER BY 1`)).map((r) => String(r.table_name));

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
    const before = { top: await members(sampleId, top.slug), c2: await members(sampleId, c2.slug) };
    expect(before.top.length).toBe(top.customers);
    expect(top.customers).toBeGreaterThan(0);

    // A restarted engine: a new DuckDB, the same sample loaded again, nothing remembered. Its base is
    // first built with other settings (as if the user changed the bins), then the definitions apply.
    const engine2 = await nodeEngine();
    const id2 = (await engine2.loadSample({ customers: 800, months: 14, seed: 7, lang: 'en' })).id;
    const fresh = segmentsApi(() => engine2);
    await fresh.segmentOverview(id2, DEFAULT_SEGMENT_PARAMS);
    const again = await fresh.restoreSegment(id2, top.definition);
    const againC2 = await fresh.restoreSegment(id2, c2.definition);
    const members2 = async (slug: string) =>
      (await all(engine2.conn, `SELECT customer_id FROM "segment_${slug}_${id2}" ORDER BY 1`)).map((r) => String(r.customer_id));
    expect(await members2(again.slug)).toEqual(before.top);
    expect(await members2(againC2.slug)).toEqual(before.c2);
    expect((await fresh.listSegments(id2)).map((s) => s.slug)).toEqual([top.slug, c2.slug]);
    // A cluster segment needs a clustering run on the current base (its definition names the run).
    await fresh.segmentOverview(id2, DEFAULT_SEGMENT_PARAMS);
    await expect(fresh.saveSegment(id2, 'Needs clusters', { cluster: 1 })).rejects.toMatchObject({ code: 'segments-bad-input' });
  }, 60_000);

  it('is a dataset of its own for the other tabs, dropped with its parent', async () => {
    const api = segmentsApi(() => engine);
    await api.segmentOverview(sampleId, DEFAULT_SEGMENT_PARAMS);
    const seg = await api.saveSegment(sampleId, 'North', { minF: 3 });
    const d = await api.segmentDataset(sampleId, seg.slug);
    expect(d.parentId).toBe(sampleId);
    expect(d.overview.customers).toBe(seg.customers);
    const parent = engine.dataset(sampleId);
    const expected = (await one(
      engine.conn,
      `SELECT count(*) AS n FROM ${parent.table} WHERE customer_id IN (SELECT customer_id FROM "segment_${seg.slug}_${sampleId}")`
    ))!;
    expect(d.overview.rows).toBe(Number(expected.n));
    expect(engine.dataset(d.id).columns).toEqual(parent.columns);

    // Lifecycle stages on the segment: every segment customer, nobody else.
    const lc = await lifecycleApi(() => engine).computeLifecycle(d.id, { ruleSet: 'clm', params: {} });
    const staged = (await one(engine.conn, `SELECT count(DISTINCT customer_id) AS n FROM "${lc.table}"`))!;
    expect(Number(staged.n)).toBe(seg.customers);

    await expect(api.segmentDataset(sampleId, 'nope')).rejects.toMatchObject({ code: 'segments-bad-input' });
    await engine.dropDataset(sampleId);
    // Tables and the features' per-dataset caches go with it (and with its derived dataset).
    expect(await api.listSegments(sampleId)).toEqual([]);
    expect(engine.cache('segments.cuts').has(sampleId)).toBe(false);
    expect((await tables()).filter((t) => t.endsWith(`_${sampleId}`) || t.endsWith(`_${d.id}`))).toEqual([]);
    expect(() => engine.dataset(d.id)).toThrow();
  }, 60_000);
});

describe('look-alikes', () => {
  it('counts candidates above the similarity threshold, as a ratio of the segment, within a pool', async () => {
    const id = (await engine.loadSample({ customers: 600, months: 12, seed: 11, lang: 'en' })).id;
    const api = segmentsApi(() => engine);
    await api.segmentOverview(id, DEFAULT_SEGMENT_PARAMS);
    const top = await api.saveSegment(id, 'Top', { minM: 5 });
    const pool = await api.saveSegment(id, 'Low R', { minR: 1, arpuMax: 80 });
    const features = ['arpu', 'voice', 'data'] as const;
    const all0 = await api.lookalikes(id, top.slug, [...features], 10, { minSimilarity: 0.5, pool: null });
    expect(all0.candidates).toBe(600 - top.customers);
    // The ratio is matched / segment size; the list is sorted by similarity and the threshold is monotone.
    expect(all0.ratio).toBeCloseTo(all0.matched / top.customers, 12);
    expect(all0.top.map((r) => r.similarity)).toEqual([...all0.top.map((r) => r.similarity)].sort((a, b) => b - a));
    const strict = await api.lookalikes(id, top.slug, [...features], 10, { minSimilarity: 0.9, pool: null });
    expect(strict.matched).toBeLessThan(all0.matched);
    expect(all0.top.filter((r) => r.similarity >= 0.9).length).toBe(Math.min(10, strict.matched));
    // Candidates only from the pool (and never the segment's own members).
    const pooled = await api.lookalikes(id, top.slug, [...features], 1000, { minSimilarity: 0.5, pool: pool.slug });
    const poolIds = new Set(
      (await all(engine.conn, `SELECT customer_id FROM "segment_${pool.slug}_${id}"`)).map((r) => String(r.customer_id))
    );
    const topIds = new Set(
      (await all(engine.conn, `SELECT customer_id FROM "segment_${top.slug}_${id}"`)).map((r) => String(r.customer_id))
    );
    expect(pooled.top.every((r) => poolIds.has(r.customer_id) && !topIds.has(r.customer_id))).toBe(true);
    expect(pooled.candidates).toBe([...poolIds].filter((c) => !topIds.has(c)).length);
  }, 60_000);
});
