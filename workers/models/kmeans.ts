/**
 * k-means with k-means++ seeding (Arthur & Vassilvitskii 2007) and Lloyd iterations, plus the mean
 * silhouette (Rousseeuw 1987) for choosing k. Seeded so the same data and seed give the same clusters.
 * Used by the Segments tab (DOMAIN.md §5: clustering).
 */
import { seededUniform } from './prng.ts';
import { ModelError } from './errors.ts';

export interface KMeansResult {
  centers: number[][];
  labels: number[];
  /** Within-cluster sum of squared distances (the elbow chart's y). */
  inertia: number;
  iterations: number;
}

const dist2 = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
};

/** k-means++: the first centre uniformly, each next one with probability ∝ squared distance to the nearest. */
export function kmeansPlusPlus(x: readonly number[][], k: number, seed: number): number[][] {
  if (k < 1 || x.length < k) throw new ModelError('too-few-rows', `k-means needs at least k=${k} rows.`);
  const uniform = seededUniform(seed);
  const centers = [x[Math.floor(uniform() * x.length)].slice()];
  const d = x.map((p) => dist2(p, centers[0]));
  while (centers.length < k) {
    const total = d.reduce((s, v) => s + v, 0);
    let i = 0;
    if (total > 0) {
      let r = uniform() * total;
      for (i = 0; i < x.length - 1; i++) if ((r -= d[i]) <= 0) break;
    } else i = Math.floor(uniform() * x.length);
    centers.push(x[i].slice());
    for (let n = 0; n < x.length; n++) d[n] = Math.min(d[n], dist2(x[n], centers[centers.length - 1]));
  }
  return centers;
}

/** Lloyd's algorithm from given centres (R: `kmeans(x, centers=init, algorithm="Lloyd")`). */
export function lloyd(x: readonly number[][], init: readonly number[][], maxIter = 100): KMeansResult {
  let centers = init.map((c) => c.slice());
  let labels = new Array<number>(x.length).fill(-1);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    let changed = false;
    labels = x.map((p, n) => {
      let best = 0;
      let bd = Infinity;
      centers.forEach((c, j) => {
        const dd = dist2(p, c);
        if (dd < bd) [bd, best] = [dd, j];
      });
      if (best !== labels[n]) changed = true;
      return best;
    });
    if (!changed) break;
    // Empty clusters keep their old centre (as R does for Lloyd).
    centers = centers.map((c, j) => {
      const members = x.filter((_, n) => labels[n] === j);
      if (!members.length) return c;
      return c.map((_, f) => members.reduce((s, p) => s + p[f], 0) / members.length);
    });
  }
  const inertia = x.reduce((s, p, n) => s + dist2(p, centers[labels[n]]), 0);
  return { centers, labels, inertia, iterations };
}

/** Seeded k-means: k-means++ starts then Lloyd; the best of `starts` runs by inertia. */
export function kmeans(x: readonly number[][], k: number, seed = 1, starts = 3): KMeansResult {
  let best: KMeansResult | null = null;
  for (let s = 0; s < starts; s++) {
    const r = lloyd(x, kmeansPlusPlus(x, k, seed + 7919 * s));
    if (!best || r.inertia < best.inertia) best = r;
  }
  return best!;
}

/** Mean silhouette width over all points (singletons count 0), O(n²): call it on a sample. */
export function silhouette(x: readonly number[][], labels: readonly number[], k: number): number {
  let total = 0;
  const sizes = new Array<number>(k).fill(0);
  labels.forEach((l) => sizes[l]++);
  for (let i = 0; i < x.length; i++) {
    if (sizes[labels[i]] <= 1) continue;
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < x.length; j++) if (j !== i) sums[labels[j]] += Math.sqrt(dist2(x[i], x[j]));
    const a = sums[labels[i]] / (sizes[labels[i]] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== labels[i] && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / x.length;
}

/** Column-wise z-scores (population sd; constant columns become 0) with the means and sds used. */
export function standardise(x: readonly number[][]): { z: number[][]; means: number[]; sds: number[] } {
  const p = x[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, f) => x.reduce((s, r) => s + r[f], 0) / x.length);
  const sds = means.map((mu, f) => Math.sqrt(x.reduce((s, r) => s + (r[f] - mu) ** 2, 0) / x.length));
  return { z: x.map((r) => r.map((v, f) => (sds[f] > 0 ? (v - means[f]) / sds[f] : 0))), means, sds };
}
