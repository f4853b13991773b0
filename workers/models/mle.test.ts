// maximiseLikelihood and its identification check on problems with known answers:
// - gamma data (shape k, rate λ): the MLE solves ln k − ψ(k) = ln x̄ − mean(ln x), λ = k/x̄, and the
//   standard errors follow from the Fisher information per observation [[ψ′(k), −1/λ], [−1/λ, k/λ²]]
//   (e.g. Johnson, Kotz & Balakrishnan 1994, §17.7), taken to the log scale;
// - exponential data with rate θ₁θ₂: only the product is identified (a ridge);
// - negative binomial counts with no overdispersion: the shape runs off to infinity.
import { describe, expect, it } from 'vitest';
import { maximiseLikelihood, MAX_LOG_SE } from './mle.ts';
import { digamma, lgamma } from './special.ts';

/** ψ′(k) by its series Σ 1/(k+n)² with the Euler–Maclaurin tail (independent of special.ts). */
function trigammaRef(k: number): number {
  let s = 0;
  const N = 10_000;
  for (let n = 0; n < N; n++) s += 1 / (k + n) ** 2;
  const x = k + N;
  return s + 1 / x + 1 / (2 * x * x) + 1 / (6 * x ** 3);
}

describe('maximiseLikelihood', () => {
  const data = [0.5, 1.2, 2.2, 3.1, 0.9, 4.0, 2.1, 1.7, 0.3, 2.6, 1.1, 5.2];
  const n = data.length;
  const mean = data.reduce((s, v) => s + v, 0) / n;
  const meanLog = data.reduce((s, v) => s + Math.log(v), 0) / n;

  it('finds the gamma MLE and its standard errors', () => {
    const negLL = ([k, rate]: readonly number[], g: number[]) => {
      g[0] = -(Math.log(rate) - digamma(k) + meanLog);
      g[1] = -(k / rate - mean);
      return -(k * Math.log(rate) - lgamma(k) + (k - 1) * meanLog - rate * mean);
    };
    const fit = maximiseLikelihood(negLL, [1, 1], n);
    const [k, rate] = fit.params;
    expect(Math.log(k) - digamma(k)).toBeCloseTo(Math.log(mean) - meanLog, 10);
    expect(rate).toBeCloseTo(k / mean, 9);
    // Information on the log scale: J = diag(θ) I diag(θ) × n; SE = √diag(J⁻¹).
    const i11 = n * k * k * trigammaRef(k),
      i12 = -n * k,
      i22 = n * k;
    const det = i11 * i22 - i12 * i12;
    // (The information comes from forward differences of the gradient: about 6 digits.)
    expect(fit.logStandardErrors[0]).toBeCloseTo(Math.sqrt(i22 / det), 5);
    expect(fit.logStandardErrors[1]).toBeCloseTo(Math.sqrt(i11 / det), 5);
    expect(fit.unidentified).toEqual([]);
    expect(fit.converged).toBe(true);
  });

  it('flags both factors when only their product is identified', () => {
    const negLL = ([a, b]: readonly number[], g: number[]) => {
      g[0] = -(1 / a - b * mean);
      g[1] = -(1 / b - a * mean);
      return -(Math.log(a * b) - a * b * mean);
    };
    const fit = maximiseLikelihood(negLL, [0.5, 3], n);
    expect(fit.params[0] * fit.params[1]).toBeCloseTo(1 / mean, 7);
    expect(fit.unidentified).toEqual([0, 1]);
  });

  it('flags a shape that runs off when counts show no overdispersion', () => {
    // NBD(r, α) over one period: P(x) = Γ(r+x)/(Γ(r) x!) (α/(α+1))ʳ (1/(α+1))ˣ; all counts 3 or 4.
    const counts = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4];
    const negLL = ([r, alpha]: readonly number[], g: number[]) => {
      let ll = 0,
        gr = 0,
        ga = 0;
      for (const x of counts) {
        ll += lgamma(r + x) - lgamma(r) + r * Math.log(alpha / (alpha + 1)) - x * Math.log(alpha + 1);
        gr += digamma(r + x) - digamma(r) + Math.log(alpha / (alpha + 1));
        ga += r / alpha - (r + x) / (alpha + 1);
      }
      g[0] = -gr / counts.length;
      g[1] = -ga / counts.length;
      return -ll / counts.length;
    };
    const fit = maximiseLikelihood(negLL, [1, 0.3], counts.length);
    expect(fit.params[0] / fit.params[1]).toBeCloseTo(3.5, 3); // the mean is still estimated
    expect(fit.unidentified).toContain(0);
    expect(fit.logStandardErrors[0]).toBeGreaterThan(MAX_LOG_SE);
  });

  it('refuses a non-positive start', () => {
    expect(() => maximiseLikelihood(() => 0, [1, 0], 10)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
