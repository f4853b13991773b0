/** The segments feature's engine methods, run in the worker beside DuckDB (see contract.ts). */
import { all, countRows, dropTable, exec, one, quoteIdent, tableExists, template } from '../db/sql.ts';
import type { Engine } from '../engine/engine.ts';
import { engineError, featureApi, type FeatureErrors } from '../engine/errors.ts';
import { TABLES } from '../engine/tables.ts';
import { kmeans, silhouette, splitControl, standardise } from '../models/index.ts';
import { baseTable, buildBase, featureRows, requireBase, segmentTable, writeMembers } from './base.ts';
import { campaignApi } from './campaign.ts';
import { serviceRules } from './rules.ts';
import { businessSize, toBreakdown, usageProfile } from './profiles.ts';
import type {
  BaseFeature,
  ClusterResult,
  QuadrantKey,
  SavedSegment,
  SegmentDefinition,
  SegmentsApi,
  SegmentsErrorCode
} from './contract.ts';
import { DEFAULT_LOOKALIKE } from '../../common/segmentParams.ts';
import breakdownSql from './sql/breakdown.sql?raw';
import bandsSql from './sql/usage_bands.sql?raw';
import quadrantSql from './sql/quadrant.sql?raw';
import quadrantPointsSql from './sql/quadrant_points.sql?raw';
import activityWindowSql from './sql/activity_window.sql?raw';
import baseMediansSql from './sql/base_medians.sql?raw';
import rfmGridSql from './sql/rfm_grid.sql?raw';
import clusterLabelsSql from './sql/cluster_labels.sql?raw';
import clusterProfilesSql from './sql/cluster_profiles.sql?raw';
import customerIdsSql from './sql/customer_ids.sql?raw';
import { writeRows } from '../db/rows.ts';

const num = (v: unknown) => (v == null ? null : Number(v));

/** Lower-case ASCII slug of a segment name; names without ASCII letters get a stable hash. */
export function slugOf(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 40);
  if (s) return s;
  let h = 5381;
  for (const ch of name) h = ((h * 33) ^ ch.codePointAt(0)!) >>> 0;
  return 's' + h.toString(36);
}

/** ModelErrors of k-means, association rules, control groups and the uplift interval in this feature's codes. */
export const SEGMENTS_ERRORS: FeatureErrors<SegmentsErrorCode> = {
  models: { 'too-few-rows': 'segments-too-few-customers', 'invalid-input': 'segments-bad-input' },
  model: 'segments-model-failed'
};

export function segmentsApi(engine: () => Engine): SegmentsApi {
  // Per-dataset state lives in the engine's caches, emptied when a dataset is dropped.
  const cuts = () => engine().cache<{ f: number; a: number }>('segments.cuts');
  /** What the current base of each dataset was built with, so a definition can be rebuilt on it. */
  const built = () => engine().cache<{ rfmBins: number; clusters: SegmentDefinition['clusters'] }>('segments.base');
  const saved = () => engine().cache<Map<string, SavedSegment>>('segments.saved');
  const campaign = campaignApi(engine);
  const conn = () => engine().conn;

  /** Writes a segment's member table from its definition and remembers it. */
  async function materialise(id: string, d: SegmentDefinition): Promise<SavedSegment> {
    const b = await requireBase(engine(), id);
    if (!d.name.trim()) throw engineError('segments-bad-input', 'A segment needs a name.');
    const slug = slugOf(d.name.trim());
    const t = segmentTable(slug, id);
    await writeMembers(engine(), b, t, d.filter, d.frequencyCut, d.amountCut);
    const seg: SavedSegment = { slug, name: d.name.trim(), filter: d.filter, definition: d, customers: await countRows(conn(), t) };
    if (!saved().has(id)) saved().set(id, new Map());
    saved().get(id)!.set(slug, seg);
    return seg;
  }

  /** k-means on the base (seeded), writing each customer's cluster back into the base. */
  async function cluster(id: string, features: BaseFeature[], k: number, seed: number): Promise<ClusterResult> {
    const b = await requireBase(engine(), id);
    if (!features.length || k < 2 || k > 8) throw engineError('segments-bad-input', 'Choose features and k in 2..8.');
    const { ids, x } = await featureRows(engine(), b, features);
    if (x.length < 10) throw engineError('segments-bad-input', 'Too few customers to cluster.');
    const { z } = standardise(x);
    // A seeded sample of at most 5,000 for fitting and the elbow; silhouettes on at most 1,500 of it (O(n²)).
    const sampleIdx = splitControl(
      z.map((_, i) => i),
      Math.max(0, 1 - 5000 / z.length),
      seed
    ).target;
    const sample = sampleIdx.map((i) => z[i]);
    const sil = sample.slice(0, 1500);
    const elbow = [];
    let chosen = null;
    for (let kk = 2; kk <= 8 && kk < sample.length; kk++) {
      const fit = kmeans(sample, kk, seed);
      elbow.push({ k: kk, inertia: fit.inertia, silhouette: silhouette(sil, fit.labels.slice(0, sil.length), kk) });
      if (kk === k) chosen = fit;
    }
    if (!chosen) throw engineError('segments-bad-input', 'k too large for the data.');
    // Every customer to its nearest centre, written back as the base's cluster column.
    const labels = z.map((p) => {
      let best = 0,
        bd = Infinity;
      chosen.centers.forEach((c, j) => {
        const d = c.reduce((s, v, f) => s + (p[f] - v) ** 2, 0);
        if (d < bd) [bd, best] = [d, j];
      });
      return best;
    });
    const labelTable = TABLES.clusterLabels(id);
    await writeRows(
      conn(),
      labelTable,
      [
        ['customer_id', 'VARCHAR'],
        ['cluster', 'INTEGER']
      ],
      ids.map((c, i) => [c, labels[i] + 1])
    );
    await exec(conn(), template(clusterLabelsSql, { base: b, labels: quoteIdent(labelTable) }));
    await dropTable(conn(), labelTable);
    const means = features.map((f) => `avg(${quoteIdent(f)}) AS ${quoteIdent(f)}`).join(', ');
    const profiles = (await all(conn(), template(clusterProfilesSql, { base: b, means }))).map((r) => ({
      cluster: Number(r.cluster),
      customers: Number(r.n),
      means: Object.fromEntries(features.map((f) => [f, Number(r[f])]))
    }));
    built().set(id, { rfmBins: built().get(id)?.rfmBins ?? 5, clusters: { features: [...features], k, seed } });
    return { features, sampled: sample.length, elbow, k, profiles };
  }

  return featureApi<SegmentsApi>(SEGMENTS_ERRORS, {
    segmentOverview: async (id, p, onProgress) => {
      onProgress?.({ phase: 'summarising', fraction: null });
      if (!(p.rfmBins >= 2 && p.rfmBins <= 10 && p.usageBins >= 2 && p.usageBins <= 20))
        throw engineError('segments-bad-input', 'Bins out of range.');
      const features = await buildBase(engine(), id, p.rfmBins);
      built().set(id, { rfmBins: Math.round(p.rfmBins), clusters: null });
      const b = baseTable(id);
      const med = (await one(conn(), template(baseMediansSql, { base: b })))!;
      const win = (await one(conn(), template(activityWindowSql, { table: engine().dataset(id).table })))!;
      const f = p.frequencyCut ?? Number(med.f ?? 0);
      const a = p.amountCut ?? Number(med.a ?? 0);
      cuts().set(id, { f, a });
      const by = async (column: string) => (await all(conn(), template(breakdownSql, { base: b, column }))).map(toBreakdown);
      const measure = features.includes(p.usageMeasure) ? p.usageMeasure : 'arpu';
      return {
        customers: Number(med.n),
        features,
        byType: await by('customer_type'),
        byIndustry: await by('industry'),
        byRegion: await by('region'),
        bySize: await businessSize(engine(), id, b),
        byUsage: await usageProfile(engine(), b, features),
        bands: (await all(conn(), template(bandsSql, { base: b, measure: quoteIdent(measure) }), [Math.round(p.usageBins)])).map((r) => ({
          band: Number(r.band),
          low: Number(r.low),
          high: Number(r.high),
          customers: Number(r.customers),
          churnRate: num(r.churn_rate)
        })),
        frequencyCut: f,
        amountCut: a,
        activity: {
          basis: engine().dataset(id).kind === 'transactions' ? 'transactions' : 'activeMonths',
          from: String(win.window_from),
          to: String(win.window_to),
          outside: Number(med.outside),
          points: (await all(conn(), template(quadrantPointsSql, { base: b }), [1000])).map((r) => ({
            amount: Number(r.yearly_amount),
            frequency: Number(r.yearly_frequency)
          }))
        },
        quadrants: (await all(conn(), template(quadrantSql, { base: b }), [f, a])).map((r) => ({
          quadrant: `${r.high_frequency ? 'high' : 'low'}${r.high_amount ? 'High' : 'Low'}` as QuadrantKey,
          highFrequency: Boolean(r.high_frequency),
          highAmount: Boolean(r.high_amount),
          customers: Number(r.customers),
          yearlyAmount: Number(r.yearly_amount)
        })),
        rfm: (await all(conn(), template(rfmGridSql, { base: b }))).map((r) => ({
          r: Number(r.r),
          f: Number(r.f),
          customers: Number(r.customers),
          monetary: Number(r.m)
        }))
      };
    },

    segmentClusters: (id, features, k, seed) => cluster(id, features, k, seed),

    segmentRules: (id, minSupport) => serviceRules(engine(), id, () => requireBase(engine(), id), minSupport),

    saveSegment: async (id, name, filter) => {
      await requireBase(engine(), id);
      const c = cuts().get(id)!;
      const state = built().get(id)!;
      const clusters = filter.cluster != null ? state.clusters : null;
      if (filter.cluster != null && !clusters) throw engineError('segments-bad-input', 'Run the clustering before saving a cluster.');
      return materialise(id, { name: name.trim(), filter, rfmBins: state.rfmBins, frequencyCut: c.f, amountCut: c.a, clusters });
    },

    restoreSegment: async (id, d) => {
      // Rebuild only what differs from the current base: its RFM bins, then the clusters it names.
      const state = built().get(id);
      if (!state || state.rfmBins !== d.rfmBins || !(await tableExists(conn(), TABLES.segmentBase(id)))) {
        await buildBase(engine(), id, d.rfmBins);
        built().set(id, { rfmBins: d.rfmBins, clusters: null });
        cuts().set(id, { f: d.frequencyCut, a: d.amountCut });
      }
      if (d.filter.cluster != null) {
        if (!d.clusters) throw engineError('segments-bad-input', 'A cluster segment needs its clustering.');
        if (JSON.stringify(built().get(id)!.clusters) !== JSON.stringify(d.clusters))
          await cluster(id, d.clusters.features, d.clusters.k, d.clusters.seed);
      }
      return materialise(id, d);
    },

    segmentDataset: async (id, slug) => {
      if (!saved().get(id)?.has(slug)) throw engineError('segments-bad-input', 'Unknown segment.');
      return engine().deriveDataset(id, segmentTable(slug, id));
    },

    listSegments: async (id) => [...(saved().get(id)?.values() ?? [])],

    lookalikes: async (id, slug, features, topN, options = DEFAULT_LOOKALIKE) => {
      const b = await requireBase(engine(), id);
      const seg = saved().get(id)?.get(slug);
      if (!seg || !features.length) throw engineError('segments-bad-input', 'Unknown segment.');
      if (options.pool && !saved().get(id)?.has(options.pool)) throw engineError('segments-bad-input', 'Unknown segment.');
      const memberIds = async (s: string) =>
        new Set((await all(conn(), template(customerIdsSql, { table: segmentTable(s, id) }))).map((r) => String(r.customer_id)));
      const members = await memberIds(slug);
      const pool = options.pool ? await memberIds(options.pool) : null;
      const { ids, x } = await featureRows(engine(), b, features);
      const { z } = standardise(x);
      const inSeg = z.filter((_, i) => members.has(ids[i]));
      if (!inSeg.length) throw engineError('segments-bad-input', 'The segment is empty.');
      const centroid = features.map((_, f) => inSeg.reduce((s, r) => s + r[f], 0) / inSeg.length);
      const norm = (v: number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0)) || 1;
      const cn = norm(centroid);
      // Cosine similarity of standardised profiles to the segment's centroid (seed 002's look-alikes).
      const scored = ids.flatMap((c, i) =>
        members.has(c) || (pool && !pool.has(c))
          ? []
          : [{ customer_id: c, similarity: z[i].reduce((s, v, f) => s + v * centroid[f], 0) / (norm(z[i]) * cn) }]
      );
      scored.sort((p, q) => q.similarity - p.similarity || p.customer_id.localeCompare(q.customer_id));
      const matched = scored.filter((r) => r.similarity >= options.minSimilarity).length;
      return {
        segment: seg.name,
        segmentSize: members.size,
        candidates: scored.length,
        matched,
        minSimilarity: options.minSimilarity,
        ratio: members.size ? matched / members.size : null,
        top: scored.slice(0, Math.max(1, Math.round(topN)))
      };
    },

    ...campaign
  });
}
