/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), with the likelihood and expressions of
 * Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions"
 * (brucehardie.com/notes/009). While alive a customer buys at Poisson rate λ ~ Gamma(r, α); the
 * lifetime is exponential with rate μ ~ Gamma(s, β). Time is in the unit of the input rows.
 */
import { ModelError } from './errors.ts';
import { maximiseLikelihood, namedFit } from './mle.ts';
import { checkRfmRow, prepareRfmRows, purchaseRateStart } from './rows.ts';
import { digamma, gaussLegendre, hyp2f1, hyp2f1PlusOne, lgamma, logAddExp } from './special.ts';
import type { RfmRow } from './bgNbd.ts';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoNbdFit {
  params: ParetoNbdParams;
  /** Full log-likelihood Σ count·ln L. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Likelihood evaluations (value and gradient together) used by the optimiser. */
  evaluations: number;
  /** Parameters the data do not identify (flat likelihood or run away; see ./mle.ts); empty when all are. */
  unidentified: (keyof ParetoNbdParams)[];
}

/**
 * ln A₀ of Fader & Hardie (2005, eq. 19–20): with m = max(α, β) and the ₂F₁ argument kept in
 * [0, 1) by choosing the form by the sign of α − β,
 * A₀ = ₂F₁(r+s+x, b₁; r+s+x+1; |α−β|/(m+tₓ)) / (m+tₓ)^(r+s+x) − (same at T),
 * b₁ = s+1 if α ≥ β, else r+x. Returns −Infinity when tₓ = T (A₀ = 0).
 */
function logA0(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const a1 = r + s + x;
  const alphaLarger = alpha >= beta;
  const m = alphaLarger ? alpha : beta;
  const b1 = alphaLarger ? s + 1 : r + x;
  const diff = Math.abs(alpha - beta);
  const at = (t: number) => Math.log(hyp2f1(a1, b1, a1 + 1, diff / (m + t))) - a1 * Math.log(m + t);
  if (tx >= T) return -Infinity;
  const l1 = at(tx);
  const l2 = at(T);
  return l1 + Math.log(-Math.expm1(l2 - l1));
}

/**
 * Log-likelihood of one customer (Fader & Hardie 2005, eq. 22):
 * L = Γ(r+x)αʳβˢ/Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ].
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const stillAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const diedBetween = Math.log(s) - Math.log(r + s + x) + logA0(params, x, tx, T);
  return head + logAddExp(stillAlive, diedBetween);
}

/**
 * Maximum-likelihood fit of the Pareto/NBD model: BFGS on the log scale of (r, α, s, β) with the
 * analytic gradient (./mle.ts); r and α start from the moments of the purchase counts, s = 1, β =
 * the mean age.
 * @throws {ModelError} 'invalid-input', 'too-few-customers', 'no-repeat-buyers', 'not-converged'
 * @example fitParetoNbd(rows).params // { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 } on CDNOW
 */
export function fitParetoNbd(rows: readonly RfmRow[]): ParetoNbdFit {
  const { values, weights, total } = prepareRfmRows(rows);
  const [r0, alpha0] = purchaseRateStart(values, weights);
  const meanT = values.reduce((s, [, , T], i) => s + weights[i] * T, 0) / total;
  const fit = maximiseLikelihood(paretoNbdObjective(values, weights, total), [r0, alpha0, 1, meanT], total);
  return namedFit(fit, total, ['r', 'alpha', 's', 'beta'], 'Pareto/NBD fit found no finite maximum of the likelihood');
}

/** Above this ₂F₁ argument the series needs > ~370 terms: integrate instead. */
const SERIES_MAX_Z = 0.9;

/**
 * Mean negative log-likelihood of eq. 22 and its gradient in (r, α, s, β). Per evaluation the Γ terms
 * are computed once per distinct x, ln(α+T), ln(β+T) once per distinct T, and ln[₂F₁/(m+t)^(r+s+x)]
 * with its gradient once per distinct (x, t), t a recency or an age. Rows whose ₂F₁ argument is near
 * 1 (one of α, β far larger than the other and than t) get the integral of A₀ by quadrature instead.
 */
export function paretoNbdObjective(values: readonly number[][], weights: readonly number[], total: number) {
  const xWeight = new Map<number, number>();
  const ages = new Map<number, number>();
  const pairs: [number, number][] = [];
  const pairIndex = new Map<string, number>();
  const pairOf = (x: number, t: number) => {
    const key = `${x}|${t}`;
    let k = pairIndex.get(key);
    if (k === undefined) pairIndex.set(key, (k = pairs.push([x, t]) - 1));
    return k;
  };
  const n = values.length;
  const rowT = new Int32Array(n),
    rowPairTx = new Int32Array(n),
    rowPairT = new Int32Array(n);
  values.forEach(([x, tx, T], i) => {
    xWeight.set(x, (xWeight.get(x) ?? 0) + weights[i]);
    if (!ages.has(T)) ages.set(T, ages.size);
    rowT[i] = ages.get(T)!;
    // A₀ = 0 when the last purchase is at the calibration end (tₓ = T).
    rowPairTx[i] = tx < T ? pairOf(x, tx) : -1;
    rowPairT[i] = tx < T ? pairOf(x, T) : -1;
  });
  const xs = [...xWeight.keys()],
    xW = [...xWeight.values()];
  const T = Float64Array.from(ages.keys());
  const logAT = new Float64Array(T.length),
    logBT = new Float64Array(T.length);
  const logG = new Float64Array(pairs.length),
    dG = new Float64Array(4 * pairs.length),
    hard = new Uint8Array(pairs.length);
  const dI = new Float64Array(4);

  return (theta: readonly number[], g: number[]): number => {
    const [r, alpha, s, beta] = theta;
    const logAlpha = Math.log(alpha),
      logBeta = Math.log(beta),
      logS = Math.log(s);
    // Γ(r+x)αʳβˢ/Γ(r), summed over customers.
    let ll = total * (r * logAlpha + s * logBeta);
    let gr = total * logAlpha,
      ga = (total * r) / alpha,
      gs = total * logBeta,
      gb = (total * s) / beta;
    const lgR = lgamma(r),
      psiR = digamma(r);
    for (let k = 0; k < xs.length; k++) {
      ll += xW[k] * (lgamma(r + xs[k]) - lgR);
      gr += xW[k] * (digamma(r + xs[k]) - psiR);
    }
    for (let k = 0; k < T.length; k++) {
      logAT[k] = Math.log(alpha + T[k]);
      logBT[k] = Math.log(beta + T[k]);
    }
    const alphaLarger = alpha >= beta;
    const m = alphaLarger ? alpha : beta,
      diff = Math.abs(alpha - beta);
    for (let k = 0; k < pairs.length; k++) {
      const [x, t] = pairs[k];
      const a1 = r + s + x,
        z = diff / (m + t);
      const f = z <= SERIES_MAX_Z ? hyp2f1PlusOne(a1, alphaLarger ? s + 1 : r + x, z) : null;
      hard[k] = f ? 0 : 1;
      if (!f) continue;
      const L = Math.log(m + t);
      const Fa = f.dA / f.value,
        Fb = f.dB / f.value,
        Fz = f.dZ / f.value;
      logG[k] = Math.log(f.value) - a1 * L;
      // ∂ ln G/∂(r, α, s, β): a₁ = r+s+x; b₁ = s+1 (α ≥ β) or r+x; z = |α−β|/(m+t).
      const o = 4 * k;
      if (alphaLarger) {
        dG[o] = Fa - L;
        dG[o + 1] = (Fz * (beta + t)) / ((alpha + t) * (alpha + t)) - a1 / (alpha + t);
        dG[o + 2] = Fa + Fb - L;
        dG[o + 3] = -Fz / (alpha + t);
      } else {
        dG[o] = Fa + Fb - L;
        dG[o + 1] = -Fz / (beta + t);
        dG[o + 2] = Fa - L;
        dG[o + 3] = (Fz * (alpha + t)) / ((beta + t) * (beta + t)) - a1 / (beta + t);
      }
    }
    for (let i = 0; i < n; i++) {
      const w = weights[i],
        x = values[i][0],
        rx = r + x,
        iT = rowT[i];
      // Alive at T: (α+T)^−(r+x) (β+T)^−s.
      const alive = -rx * logAT[iT] - s * logBT[iT];
      const dAlive0 = -logAT[iT],
        dAlive1 = -rx / (alpha + T[iT]),
        dAlive2 = -logBT[iT],
        dAlive3 = -s / (beta + T[iT]);
      const p1 = rowPairTx[i],
        p2 = rowPairT[i];
      if (p1 < 0) {
        ll += w * alive;
        gr += w * dAlive0;
        ga += w * dAlive1;
        gs += w * dAlive2;
        gb += w * dAlive3;
        continue;
      }
      // Died in (tₓ, T]: s ∫ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = s A₀/(r+s+x).
      let logI: number;
      if (hard[p1] || hard[p2]) {
        logI = logDropoutIntegral(rx, s + 1, alpha, beta, values[i][1], values[i][2], dI);
      } else {
        const a1 = rx + s,
          rho = Math.exp(logG[p2] - logG[p1]);
        logI = logG[p1] + Math.log1p(-rho) - Math.log(a1);
        const o1 = 4 * p1,
          o2 = 4 * p2;
        for (let j = 0; j < 4; j++) dI[j] = (dG[o1 + j] - rho * dG[o2 + j]) / (1 - rho);
        dI[0] -= 1 / a1;
        dI[2] -= 1 / a1;
      }
      const died = logS + logI;
      const d = died - alive;
      const e = Math.exp(-Math.abs(d));
      const wDied = d > 0 ? 1 / (1 + e) : e / (1 + e),
        wAlive = 1 - wDied;
      ll += w * ((d > 0 ? died : alive) + Math.log1p(e));
      gr += w * (wAlive * dAlive0 + wDied * dI[0]);
      ga += w * (wAlive * dAlive1 + wDied * dI[1]);
      gs += w * (wAlive * dAlive2 + wDied * (1 / s + dI[2]));
      gb += w * (wAlive * dAlive3 + wDied * dI[3]);
    }
    g[0] = -gr / total;
    g[1] = -ga / total;
    g[2] = -gs / total;
    g[3] = -gb / total;
    return -ll / total;
  };
}

/**
 * ln ∫ₜ₁^ₜ₂ (α+τ)^−p (β+τ)^−q dτ and its gradient in (p, α, q, β) (written to `out`), by 64-point
 * Gauss–Legendre quadrature in v = ln(min(α, β) + τ). In v the log-integrand
 * φ(v) = (1−p′)v − q′ ln(|α−β| + eᵛ) is concave, so its maximum has a closed form and the range where
 * it is within e⁻⁴⁰ of it is found by Newton's method from the ends; on that range the integrand is
 * smooth and one 64-point rule is exact to rounding. For the Pareto/NBD rows where ₂F₁ converges slowly.
 */
export function logDropoutIntegral(p: number, q: number, alpha: number, beta: number, t1: number, t2: number, out: Float64Array): number {
  const alphaMin = alpha <= beta;
  const c0 = alphaMin ? alpha : beta,
    c = Math.abs(alpha - beta);
  const pm = alphaMin ? p : q,
    qo = alphaMin ? q : p;
  const phi = (v: number) => (1 - pm) * v - qo * Math.log(c + Math.exp(v));
  const slope = (v: number) => 1 - pm - (qo * Math.exp(v)) / (c + Math.exp(v));
  const v1 = Math.log(c0 + t1),
    v2 = Math.log(c0 + t2);
  let top: number;
  if (slope(v1) <= 0) top = v1;
  else if (slope(v2) >= 0) top = v2;
  else top = Math.log((c * (1 - pm)) / (qo - 1 + pm));
  const peak = phi(top);
  const level = peak - 40;
  const edge = (from: number) => {
    if (phi(from) >= level) return from;
    let v = from;
    for (let k = 0; k < 60; k++) {
      const step = (phi(v) - level) / slope(v);
      v -= step;
      if (Math.abs(step) <= 1e-12 * (1 + Math.abs(v))) break;
    }
    return v;
  };
  const lo = edge(v1),
    hi = edge(v2);
  const { nodes, weights } = gaussLegendre(64);
  const half = (hi - lo) / 2,
    mid = (hi + lo) / 2;
  let sum = 0,
    sLogA = 0,
    sLogB = 0,
    sInvA = 0,
    sInvB = 0;
  for (let k = 0; k < nodes.length; k++) {
    const v = mid + half * nodes[k];
    const ev = Math.exp(v);
    const f = weights[k] * Math.exp(phi(v) - peak);
    const logOther = Math.log(c + ev);
    const logA = alphaMin ? v : logOther,
      logB = alphaMin ? logOther : v;
    sum += f;
    sLogA += f * logA;
    sLogB += f * logB;
    sInvA += f * Math.exp(-logA);
    sInvB += f * Math.exp(-logB);
  }
  out[0] = -sLogA / sum;
  out[1] = (-p * sInvA) / sum;
  out[2] = -sLogB / sum;
  out[3] = (-q * sInvB) / sum;
  return peak + Math.log(sum * half);
}

/**
 * P(alive at T | x, tₓ, T) (Fader & Hardie 2005, eq. 24):
 * 1 / [1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀], with A₀ from the ₂F₁ series or, where that
 * converges slowly (a run-away fit), the quadrature of the likelihood.
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function paretoNbdProbAlive(params: ParetoNbdParams, row: RfmRow): number {
  return probAlive(params, row, (x, t) => logTail(params, x, t));
}

/**
 * paretoNbdProbAlive for many customers under one fit: the ₂F₁ tails of A₀ depend on (x, t) only, so
 * they are computed once per pair (a few thousand for 80,000 distinct histories).
 */
export function paretoNbdProbAliveFor(params: ParetoNbdParams): (row: RfmRow) => number {
  const tails = new Map<number, Map<number, number | null>>();
  const tail = (x: number, t: number) => {
    let byT = tails.get(x);
    if (!byT) tails.set(x, (byT = new Map()));
    let v = byT.get(t);
    if (v === undefined) byT.set(t, (v = logTail(params, x, t)));
    return v;
  };
  return (row) => probAlive(params, row, tail);
}

type LogTail = (x: number, t: number) => number | null;

function probAlive(params: ParetoNbdParams, row: RfmRow, tail: LogTail): number {
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  const { r, alpha, s, beta } = params;
  const logOdds = (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logDiedBetween(params, x, tx, T, tail);
  return 1 / (1 + Math.exp(logOdds));
}

/** ln[₂F₁(a₁, b₁; a₁+1; z)/(m+t)^a₁] of eq. 19–20 by its series, or null where that converges slowly. */
function logTail(params: ParetoNbdParams, x: number, t: number): number | null {
  const { r, alpha, s, beta } = params;
  const a1 = r + s + x;
  const alphaLarger = alpha >= beta;
  const m = alphaLarger ? alpha : beta;
  const z = Math.abs(alpha - beta) / (m + t);
  const f = z <= SERIES_MAX_Z ? hyp2f1PlusOne(a1, alphaLarger ? s + 1 : r + x, z) : null;
  return f ? Math.log(f.value) - a1 * Math.log(m + t) : null;
}

/** ln[s ∫ₜₓ^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ] = ln[s A₀/(r+s+x)]: ₂F₁ series, else quadrature. */
function logDiedBetween(params: ParetoNbdParams, x: number, tx: number, T: number, tail: LogTail): number {
  if (tx >= T) return -Infinity;
  const { r, alpha, s, beta } = params;
  const l1 = tail(x, tx),
    l2 = tail(x, T);
  if (l1 !== null && l2 !== null) return Math.log(s) - Math.log(r + s + x) + l1 + Math.log(-Math.expm1(l2 - l1));
  return Math.log(s) + logDropoutIntegral(r + x, s + 1, alpha, beta, tx, T, new Float64Array(4));
}

/**
 * Expected purchases of a new customer in (0, t] (Fader & Hardie 2005, eq. 27):
 * E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)] (limit rβ/α · ln(1 + t/β) at s = 1).
 * @throws {ModelError} 'invalid-input' for t < 0
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * lifetimeFactor(s, beta, t);
}

/**
 * Expected purchases in the next t periods by a customer with history (x, tₓ, T) (Fader & Hardie
 * 2005, eq. 28): (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
 * @throws {ModelError} 'invalid-input' for an inconsistent row or t < 0
 */
export function paretoNbdConditionalPurchases(params: ParetoNbdParams, t: number, row: RfmRow): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  return paretoNbdPurchasesIfAlive(params, t, row.frequency, row.T) * paretoNbdProbAlive(params, row);
}

/** The part of eq. 28 without P(alive): it depends on a customer only through (x, T). */
export function paretoNbdPurchasesIfAlive(params: ParetoNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, s, beta } = params;
  return (((r + x) * (beta + T)) / (alpha + T)) * lifetimeFactor(s, beta + T, t);
}

/** [1 − (b/(b+t))^(s−1)] / (s−1), with its limit ln(1 + t/b) at s = 1. */
function lifetimeFactor(s: number, b: number, t: number): number {
  const logRatio = Math.log1p(t / b);
  if (Math.abs(s - 1) < 1e-10) return logRatio;
  return -Math.expm1(-(s - 1) * logRatio) / (s - 1);
}
