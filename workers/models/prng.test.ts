import { describe, expect, it } from 'vitest';
import { cumulativeWeights, logFactorial, Rng, splitmix32, streamSeed } from './prng.ts';

function draws(rng: Rng, n: number, draw: (r: Rng) => number): number[] {
  return Array.from({ length: n }, () => draw(rng));
}

function meanAndVariance(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('seeded PRNG', () => {
  // Expected values computed with an independent Python transcription of PractRand's sfc32 raw32
  // (tmp = a + b + counter++; a = b ^ b >> 9; b = c + (c << 3); c = rotl(c, 21) + tmp) and bryc's
  // splitmix32, with Python's unbounded integers masked to 32 bits.
  it('matches the reference sfc32/splitmix32 values', () => {
    expect([0, 1, 2].map(splitmix32)).toEqual([1684164658, 1580013426, 140556409]);
    expect([0, 1, 2].map((i) => streamSeed(1, i))).toEqual([3811535168, 1400124075, 4013043517]);
    const rng = new Rng(1);
    expect(draws(rng, 5, (r) => r.nextUint32())).toEqual([2663237302, 1443442022, 1053591191, 1352513359, 2063334709]);
    const other = new Rng(0xdeadbeef);
    expect(draws(other, 5, (r) => r.nextUint32())).toEqual([2067877433, 105447533, 558855937, 3919338416, 965099087]);
  });

  it('repeats a stream for the same seed and after reseed, and differs between seeds', () => {
    const a = draws(new Rng(42), 1000, (r) => r.uniform());
    expect(draws(new Rng(42), 1000, (r) => r.uniform())).toEqual(a);
    const reused = new Rng(7);
    reused.normal(); // leaves a spare normal that reseed must forget
    reused.reseed(42);
    expect(draws(reused, 1000, (r) => r.uniform())).toEqual(a);
    const b = draws(new Rng(43), 1000, (r) => r.uniform());
    expect(b.filter((x, i) => x === a[i]).length).toBeLessThan(3);
  });

  it('gives neighbouring customers unrelated streams', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => streamSeed(1, i)));
    expect(seeds.size).toBe(10_000);
    const first = Array.from({ length: 1000 }, (_, i) => new Rng(streamSeed(1, i)).uniform());
    const { mean } = meanAndVariance(first);
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('draws uniforms on [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draws(new Rng(3), 200_000, (r) => r.uniform());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = meanAndVariance(xs);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('draws integers over the whole inclusive range', () => {
    const xs = draws(new Rng(4), 20_000, (r) => r.int(2, 8));
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const c of counts.values()) expect(Math.abs(c - 20_000 / 7)).toBeLessThan(200);
  });

  it('draws standard normals (Box–Muller)', () => {
    const xs = draws(new Rng(5), 200_000, (r) => r.normal());
    const { mean, variance } = meanAndVariance(xs);
    expect(mean).toBeCloseTo(0, 2);
    expect(variance).toBeCloseTo(1, 1);
    expect(xs.filter((x) => Math.abs(x) > 1.96).length / xs.length).toBeCloseTo(0.05, 2);
  });

  it.each([0.02, 0.6, 4, 9.9, 10, 25, 80, 1000])('draws Poisson counts with mean and variance %s', (lambda) => {
    const xs = draws(new Rng(6), 50_000, (r) => r.poisson(lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const { mean, variance } = meanAndVariance(xs);
    expect(Math.abs(mean - lambda)).toBeLessThan(0.03 * lambda + 0.01);
    expect(Math.abs(variance - lambda)).toBeLessThan(0.08 * lambda + 0.01);
  });

  it('matches Poisson probabilities for a mean in the rejection (PTRS) range', () => {
    const lambda = 14;
    const xs = draws(new Rng(12), 200_000, (r) => r.poisson(lambda));
    for (const k of [5, 10, 14, 20, 25]) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
      expect(Math.abs(xs.filter((x) => x === k).length / xs.length - p)).toBeLessThan(0.003);
    }
  });

  it('computes log k! exactly in the table and by Stirling beyond it', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let sum = 0;
    for (let k = 1; k <= 300; k++) sum += Math.log(k);
    expect(logFactorial(300)).toBeCloseTo(sum, 8);
  });

  it('returns 0 for a zero or invalid Poisson mean', () => {
    const rng = new Rng(1);
    expect([0, -1, Number.NaN].map((l) => rng.poisson(l))).toEqual([0, 0, 0]);
  });

  it('draws geometric counts with the requested mean', () => {
    const xs = draws(new Rng(8), 100_000, (r) => r.geometric(36));
    expect(xs.some((x) => x === 0) && xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const { mean } = meanAndVariance(xs);
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(37);
  });

  it('draws log-normals with median exp(mu)', () => {
    const xs = draws(new Rng(10), 50_001, (r) => r.logNormal(Math.log(50), 0.5)).sort((a, b) => a - b);
    expect(xs[25_000]).toBeGreaterThan(49);
    expect(xs[25_000]).toBeLessThan(51);
  });

  it('picks from a weight table in proportion to the weights', () => {
    const table = cumulativeWeights([1, 0, 3]);
    expect(table).toEqual([1, 1, 4]);
    const xs = draws(new Rng(9), 40_000, (r) => r.pickCumulative(table));
    expect(xs.filter((x) => x === 1).length).toBe(0);
    expect(xs.filter((x) => x === 2).length / xs.length).toBeCloseTo(0.75, 2);
  });
});
