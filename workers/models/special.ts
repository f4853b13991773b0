/**
 * Special functions needed by the likelihoods: log-gamma, digamma, log-beta, log-sum-exp,
 * the Gauss hypergeometric function 2F1 (with parameter derivatives for the Pareto/NBD gradient) and
 * Gauss–Legendre quadrature nodes.
 */
import { ModelError } from './errors.ts';

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of |Γ(x)|.
 *
 * Lanczos approximation (g = 7, n = 9; Press et al., Numerical Recipes, §6.1) for small x, Stirling's
 * series (Abramowitz & Stegun 6.1.41) for x ≥ 15, reflection formula Γ(x)Γ(1−x) = π / sin(πx)
 * for x < 0.5. Relative accuracy about 1e-15.
 * @throws {ModelError} 'invalid-input' at the poles x = 0, −1, −2, …
 * @example lgamma(5) // Math.log(24)
 */
export function lgamma(x: number): number {
  if (x >= 15) {
    // Stirling: (x−½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
    const z = 1 / (x * x);
    const series = (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z / 1680))) / x;
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
  if (x < 0.5) {
    if (Number.isInteger(x)) throw new ModelError('invalid-input', `lgamma: pole at ${x}`);
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (y + i);
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x).
 *
 * Recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 12, then the asymptotic series (Abramowitz & Stegun
 * 6.3.18); reflection ψ(1−x) − ψ(x) = π cot(πx) for x ≤ 0.
 * @throws {ModelError} 'invalid-input' at the poles x = 0, −1, −2, …
 */
export function digamma(x: number): number {
  if (x <= 0) {
    if (Number.isInteger(x)) throw new ModelError('invalid-input', `digamma: pole at ${x}`);
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let result = 0;
  while (x < 12) {
    result -= 1 / x;
    x += 1;
  }
  const z = 1 / (x * x);
  return result + Math.log(x) - 0.5 / x - z * (1 / 12 - z * (1 / 120 - z * (1 / 252 - z * (1 / 240 - z * (1 / 132)))));
}

/**
 * Log of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 * @throws {ModelError} 'invalid-input' at the poles of Γ
 */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * ln Σ exp(values), computed without overflow (shift by the maximum).
 * Returns −Infinity for an empty list or when every value is −Infinity.
 */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  if (max === Infinity) return Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** ln(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const max = a > b ? a : b;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1.
 *
 * Power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz & Stegun 15.1.1) for 0 ≤ z < 1; for z < 0 the
 * Pfaff transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)) (A&S 15.3.4) maps the
 * argument into [0, 1), where the series terms do not alternate. Convergence slows as z → 1 (the
 * series is summed up to `maxTerms` terms). This is the function in the BG/NBD and Pareto/NBD
 * expectations (Fader, Hardie & Lee 2005, eq. 9; Fader & Hardie 2005 note on Pareto/NBD).
 * @throws {ModelError} 'invalid-input' for z ≥ 1 or c a non-positive integer;
 *   'numerical-failure' if the series does not converge within `maxTerms` terms
 * @example hyp2f1(1, 1, 2, 0.5) // −ln(0.5)/0.5
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 200_000): number {
  if (!(z < 1) || !Number.isFinite(z)) {
    throw new ModelError('invalid-input', `hyp2f1: argument z = ${z} must be finite and below 1`);
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new ModelError('invalid-input', `hyp2f1: c = ${c} is a non-positive integer`);
  }
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1Series(a, c - b, c, z / (z - 1), maxTerms);
  return hyp2f1Series(a, b, c, z, maxTerms);
}

function hyp2f1Series(a: number, b: number, c: number, z: number, maxTerms: number): number {
  let term = 1;
  let sum = 1;
  if (z === 0) return 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (term === 0) return sum;
    // The term ratio tends to z monotonically, so with rho = max(next ratio, z) < 1 the tail is
    // bounded by |term| rho / (1 - rho): stop when that bound is negligible.
    const ratio = Math.abs(((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2)));
    const rho = Math.max(ratio, z);
    if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= 1e-17 * Math.abs(sum)) return sum;
  }
  throw new ModelError('numerical-failure', `hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge`);
}

/**
 * ₂F₁(a, b; a+1; z) for a > 0, b > 0, 0 ≤ z < 1 with its derivatives, the form of the Pareto/NBD
 * likelihood (Fader & Hardie 2005, eq. 19–20). Summed as Σ a/(a+n) · (b)ₙ zⁿ/n! (A&S 15.1.1), each
 * derivative term by term: ∂/∂a of the n-th term is (b)ₙzⁿ/n! · n/(a+n)², ∂/∂b is the term times
 * Σₖ<ₙ 1/(b+k), ∂/∂z is Σ a/(a+n) · (b)ₙ z^(n−1)/(n−1)!. All terms are positive, so the sums are
 * accurate; they need about 37/(1−z) terms.
 * @returns null when the series has not converged within `maxTerms` terms (z too close to 1)
 */
export function hyp2f1PlusOne(
  a: number,
  b: number,
  z: number,
  maxTerms = 1000
): { value: number; dA: number; dB: number; dZ: number } | null {
  let value = 1,
    dA = 0,
    dB = 0,
    dZ = 0;
  // q = (b)ₙ z^(n−1)/(n−1)!, so that the n-th term is a/(a+n) · q z/n.
  let q = b,
    harmonic = 0;
  for (let n = 1; n <= maxTerms; n++) {
    const u = (q * z) / n; // (b)ₙ zⁿ / n!
    const an = a + n;
    harmonic += 1 / (b + n - 1);
    const term = (a * u) / an;
    value += term;
    dA += (u * n) / (an * an);
    dB += term * harmonic;
    dZ += (a * q) / an;
    q *= ((b + n) * z) / n;
    // The term ratio tends to z from above or below; past n > b it is ≤ max(z, current ratio) < 1,
    // and the largest of the sums' tails is bounded by the dZ term times 1/(1−ρ).
    const ratio = ((b + n) * z) / (n + 1);
    if (ratio < 1 && n > 2 && (a * q) / (an + 1) <= 1e-17 * (1 - Math.max(ratio, z)) * Math.min(value, dZ || value)) {
      return { value, dA, dB, dZ };
    }
  }
  return null;
}

const legendreCache = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

/**
 * Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1] (Newton's method on Pₙ from the
 * Chebyshev-like first guesses; Press et al., Numerical Recipes, §4.6). Cached per n.
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const cached = legendreCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n),
    weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1,
        p1 = 0;
      for (let j = 1; j <= n; j++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * j - 1) * x * p1 - (j - 1) * p2) / j;
      }
      dp = (n * (x * p0 - p1)) / (x * x - 1);
      const dx = p0 / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  const rule = { nodes, weights };
  legendreCache.set(n, rule);
  return rule;
}
