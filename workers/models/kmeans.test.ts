import { describe, expect, it } from 'vitest';
import { kmeans, lloyd, silhouette, standardise } from './kmeans.ts';

// Seven points; reference from R 4: kmeans(x, centers = x[c(1,4),], algorithm = "Lloyd") and
// mean(cluster::silhouette(r$cluster, dist(x))[,3]).
const x = [
  [1, 1],
  [1.5, 2],
  [3, 4],
  [5, 7],
  [3.5, 5],
  [4.5, 5],
  [3.5, 4.5]
];

describe('k-means', () => {
  it('matches R Lloyd from the same starting centres', () => {
    const r = lloyd(x, [x[0], x[3]]);
    expect(r.labels).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(r.centers[0][0]).toBeCloseTo(1.25, 10);
    expect(r.centers[0][1]).toBeCloseTo(1.5, 10);
    expect(r.centers[1][0]).toBeCloseTo(3.9, 10);
    expect(r.centers[1][1]).toBeCloseTo(5.1, 10);
    expect(r.inertia).toBeCloseTo(8.525, 10);
    expect(silhouette(x, r.labels, 2)).toBeCloseTo(0.6450054988, 8);
  });

  it('finds three well-separated blobs, reproducibly for a seed', () => {
    const blobs: number[][] = [];
    const truth: number[] = [];
    [
      [0, 0],
      [10, 10],
      [-10, 10]
    ].forEach(([cx, cy], c) => {
      for (let i = 0; i < 30; i++) {
        blobs.push([cx + Math.sin(i * 1.7 + c), cy + Math.cos(i * 2.3 + c)]);
        truth.push(c);
      }
    });
    const a = kmeans(blobs, 3, 42);
    const b = kmeans(blobs, 3, 42);
    expect(a.labels).toEqual(b.labels);
    // Same partition as the truth up to label names.
    for (let c = 0; c < 3; c++) expect(new Set(a.labels.filter((_, i) => truth[i] === c)).size).toBe(1);
    expect(new Set(a.labels).size).toBe(3);
    expect(silhouette(blobs, a.labels, 3)).toBeGreaterThan(0.8);
    expect(kmeans(blobs, 2, 42).inertia).toBeGreaterThan(a.inertia * 10);
  });

  it('standardises to mean 0 and sd 1, constants to 0', () => {
    const { z, sds } = standardise([
      [1, 5],
      [3, 5],
      [5, 5]
    ]);
    expect(z.map((r) => r[0])).toEqual([-Math.sqrt(1.5), 0, Math.sqrt(1.5)]);
    expect(z.map((r) => r[1])).toEqual([0, 0, 0]);
    expect(sds[1]).toBe(0);
  });
});
