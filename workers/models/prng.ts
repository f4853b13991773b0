/**
 * The one seeded pseudo-random number generator of the engine: the sample-data generator, k-means
 * starts, control groups, random holdouts and simulated campaign outcomes all draw from it.
 *
 * Core: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, from PractRand), 128 bits of
 * state, seeded through splitmix32 so that neighbouring seeds give unrelated streams. Pure
 * TypeScript with 32-bit integer arithmetic only: the same seed gives the same numbers in Node and
 * in every browser.
 *
 * References: PractRand (pracrand.sourceforge.net) for sfc32, with the output taken before the
 * counter increments as in PractRand's `raw32`; the 32-bit splitmix variant of bryc/code "PRNGs.md"
 * (after Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"); Box & Muller
 * (1958) for normals; Knuth, TAOCP vol. 2 §3.4.1 for small-mean Poisson draws, and Hörmann (1993),
 * "The transformed rejection method for generating Poisson random variables" (PTRS, as in NumPy's
 * random_poisson_ptrs) for larger means.
 */

/** One step of splitmix32: a well-mixed 32-bit hash of `x`, used to expand and combine seeds. */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Combines a run seed and a stream number (e.g. a customer index) into one 32-bit seed, so that each
 * customer draws from its own stream and stays the same whatever the other customers do.
 */
export function streamSeed(seed: number, stream: number): number {
  return splitmix32(splitmix32(seed >>> 0) ^ Math.imul(stream >>> 0, 0x85ebca6b));
}

const TWO_POW_MINUS_32 = 1 / 4294967296;

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Restarts the stream from `seed` (any number; only its low 32 bits are used). */
  reseed(seed: number): void {
    const s = seed >>> 0;
    this.a = splitmix32(s);
    this.b = splitmix32(s ^ 0x6a09e667);
    this.c = splitmix32(s ^ 0xbb67ae85);
    this.d = 1;
    this.hasSpare = false;
    // Discard the first outputs: sfc32's state needs a few rounds to mix.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /** Uniform on [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in lo..hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal by the Box–Muller transform (the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    const u = 1 - this.uniform(); // (0, 1]: log(u) is finite
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal: exp(mu + sigma·Z); its median is exp(mu). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /**
   * Poisson count with mean `lambda` (0 for a mean ≤ 0 or NaN): Knuth's multiplication method below
   * 10, Hörmann's PTRS transformed rejection from 10 up (exact, about 1.2 pairs of uniforms a draw).
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda >= 10) return this.poissonPtrs(lambda);
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  private poissonPtrs(lambda: number): number {
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * Math.sqrt(lambda);
    const a = -0.059 + 0.02483 * b;
    const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logFactorial(k)) return k;
    }
  }

  /** Geometric count of failures before the first success, 0, 1, 2, …, with the given mean. */
  geometric(mean: number): number {
    if (!(mean > 0)) return 0;
    const p = 1 / (1 + mean);
    return Math.floor(Math.log(1 - this.uniform()) / Math.log(1 - p));
  }

  /** Index drawn with probability proportional to `cumulative[i] - cumulative[i-1]` (a cumulative weight table). */
  pickCumulative(cumulative: readonly number[]): number {
    const x = this.uniform() * cumulative[cumulative.length - 1];
    let i = 0;
    while (cumulative[i] <= x) i++;
    return i;
  }
}

/** The stream of uniform draws on [0, 1) from `seed`, as a function: for code that needs nothing else. */
export function seededUniform(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.uniform();
}

const LOG_FACTORIAL_TABLE = (() => {
  const table = [0];
  for (let k = 1; k < 256; k++) table.push(table[k - 1] + Math.log(k));
  return table;
})();

/** log(k!): a table below 256, Stirling's series beyond (error < 1e-12 there). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k];
  const x = k + 1;
  const x2 = 1 / (x * x);
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + (1 / 12 - x2 * (1 / 360 - x2 / 1260)) / x;
}

/** Turns weights into the cumulative table that `Rng.pickCumulative` expects. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
