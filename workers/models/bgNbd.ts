/**
 * BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284).
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Time is in the unit of the input rows.
 */
import { ModelError } from './errors.ts';
import { maximiseLikelihood, namedFit } from './mle.ts';
import { checkRfmRow, prepareRfmRows, purchaseRateStart } from './rows.ts';
import { digamma, hyp2f1, lgamma, logAddExp } from './special.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration summary; `count` (default 1) weights identical customers. */
export interface RfmRow {
  frequency: number;
  recency: number;
  T: number;
  count?: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Full log-likelihood Σ count·ln L (eq. 6 of the paper), as the paper reports it. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Likelihood evaluations (value and gradient together) used by the optimiser. */
  evaluations: number;
  /** Parameters the data do not identify (flat likelihood or run away; see ./mle.ts); empty when all are. */
  unidentified: (keyof BgNbdParams)[];
}

/**
 * Log-likelihood of one customer (Fader, Hardie & Lee 2005, eq. 6):
 * ln L = ln[Γ(r+x)αʳ/Γ(r)] + ln[B(a, b+x)/B(a, b)]
 *      + ln[(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x)].
 */
export function bgNbdLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const A1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const A2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const A3 = -(r + x) * Math.log(alpha + T);
  const A4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return A1 + A2 + logAddExp(A3, A4);
}

/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, §3): BFGS on the log scale
 * of (r, α, a, b) with the analytic gradient of eq. 6 (./mle.ts).
 * @throws {ModelError} 'invalid-input' (bad rows), 'too-few-customers', 'no-repeat-buyers',
 *   'not-converged' (no finite optimum found)
 * @example fitBgNbd(rows).params // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 */
export function fitBgNbd(rows: readonly RfmRow[]): BgNbdFit {
  return fitBetaGeometric(rows, false, 'BG/NBD');
}

/**
 * The fit shared by the beta-geometric purchase models: BG/NBD (dropout only after a repeat
 * purchase) and, with `dropAtStart`, MBG/NBD (also right after the first purchase; ./mbgNbd.ts).
 * Start: r and α from the moments of the counts; a = 1, b = 3 (mean dropout ¼ per chance).
 */
export function fitBetaGeometric(rows: readonly RfmRow[], dropAtStart: boolean, model: string): BgNbdFit {
  const prepared = prepareRfmRows(rows);
  const negLL = bgNbdObjective(prepared.values, prepared.weights, prepared.total, dropAtStart);
  const fit = maximiseLikelihood(negLL, [...purchaseRateStart(prepared.values, prepared.weights), 1, 3], prepared.total);
  return namedFit(fit, prepared.total, ['r', 'alpha', 'a', 'b'], `${model} fit found no finite maximum of the likelihood`, (p) =>
    p.every(Number.isFinite)
  );
}

/**
 * The mean negative log-likelihood of eq. 6 and its gradient in (r, α, a, b). The Γ/B terms depend
 * on a row only through x and enter the sum weighted, so they are computed once per distinct x;
 * ln(α+T), ln(α+tₓ) once per distinct T and tₓ; customers without repeats, whose likelihood is
 * (α/(α+T))ʳ, once per distinct T.
 *
 * With `dropAtStart` the MBG/NBD likelihood (Batislam, Denizel & Filiztekin 2007, with the erratum
 * of Wagner & Hoppe 2008): one more chance to drop out, at the first purchase, shifts the geometric
 * count by one: B(a, b+x+1)/B(a, b) and a/(b+x) (α+tₓ)^−(r+x) for every x, 0 included.
 */
export function bgNbdObjective(values: readonly number[][], weights: readonly number[], total: number, dropAtStart = false) {
  const shift = dropAtStart ? 1 : 0;
  const index = <K>(keys: K[]) => {
    const distinct = [...new Set(keys)];
    const at = new Map(distinct.map((k, i) => [k, i]));
    return { distinct, of: keys.map((k) => at.get(k)!) };
  };
  const repeat = values.map((v, i) => i).filter((i) => values[i][0] + shift > 0);
  const xs = index(repeat.map((i) => values[i][0]));
  const ages = index(values.map((v) => v[2]));
  const recencies = index(repeat.map((i) => values[i][1]));
  const nX = xs.distinct.length,
    nT = ages.distinct.length,
    nTx = recencies.distinct.length;
  // Per distinct x: its value and total weight; per distinct T: the weight of customers without repeats.
  const xValue = Float64Array.from(xs.distinct);
  const xWeight = new Float64Array(nX);
  const zeroWeightAtT = new Float64Array(nT);
  const rowX = Int32Array.from(xs.of),
    rowT = new Int32Array(repeat.length),
    rowTx = Int32Array.from(recencies.of);
  const rowWeight = new Float64Array(repeat.length),
    rowXValue = new Float64Array(repeat.length);
  repeat.forEach((i, k) => {
    xWeight[rowX[k]] += weights[i];
    rowT[k] = ages.of[i];
    rowWeight[k] = weights[i];
    rowXValue[k] = values[i][0];
  });
  values.forEach((v, i) => {
    if (v[0] + shift === 0) zeroWeightAtT[ages.of[i]] += weights[i];
  });
  const T = Float64Array.from(ages.distinct),
    tx = Float64Array.from(recencies.distinct);
  const logAT = new Float64Array(nT),
    invAT = new Float64Array(nT);
  const logATx = new Float64Array(nTx),
    invATx = new Float64Array(nTx);
  const logBx = new Float64Array(nX),
    invBx = new Float64Array(nX);

  return (theta: readonly number[], g: number[]): number => {
    const [r, alpha, a, b] = theta;
    for (let k = 0; k < nT; k++) {
      logAT[k] = Math.log(alpha + T[k]);
      invAT[k] = 1 / (alpha + T[k]);
    }
    for (let k = 0; k < nTx; k++) {
      logATx[k] = Math.log(alpha + tx[k]);
      invATx[k] = 1 / (alpha + tx[k]);
    }
    const logAlpha = Math.log(alpha),
      logA = Math.log(a);
    // Every customer: r ln α. Customers without repeats: −r ln(α+T).
    let ll = total * r * logAlpha;
    let gr = total * logAlpha,
      gAlpha = (total * r) / alpha,
      ga = 0,
      gb = 0;
    for (let k = 0; k < nT; k++) {
      const w = zeroWeightAtT[k];
      if (w === 0) continue;
      ll -= w * r * logAT[k];
      gr -= w * logAT[k];
      gAlpha -= w * r * invAT[k];
    }
    // Repeat buyers, per distinct x: ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b).
    const lgR = lgamma(r),
      psiR = digamma(r),
      lgAB = lgamma(a + b),
      psiAB = digamma(a + b),
      lgB = lgamma(b),
      psiB = digamma(b);
    for (let i = 0; i < nX; i++) {
      const x = xValue[i],
        xk = x + shift,
        w = xWeight[i];
      const psiABx = digamma(a + b + xk);
      ll += w * (lgamma(r + x) - lgR + lgAB + lgamma(b + xk) - lgB - lgamma(a + b + xk));
      gr += w * (digamma(r + x) - psiR);
      ga += w * (psiAB - psiABx);
      gb += w * (psiAB + digamma(b + xk) - psiB - psiABx);
      logBx[i] = Math.log(b + xk - 1);
      invBx[i] = 1 / (b + xk - 1);
    }
    // Per row: ln[(α+T)^−(r+x) + a/(b+x−1) (α+tₓ)^−(r+x)] as log-add-exp with its two weights.
    for (let i = 0; i < rowWeight.length; i++) {
      const w = rowWeight[i],
        rx = r + rowXValue[i],
        iT = rowT[i],
        iTx = rowTx[i],
        ix = rowX[i];
      const alive = -rx * logAT[iT];
      const dropped = logA - logBx[ix] - rx * logATx[iTx];
      const d = dropped - alive;
      const e = Math.exp(-Math.abs(d));
      const wDropped = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const wAlive = 1 - wDropped;
      ll += w * ((d > 0 ? dropped : alive) + Math.log1p(e));
      gr -= w * (wAlive * logAT[iT] + wDropped * logATx[iTx]);
      gAlpha -= w * rx * (wAlive * invAT[iT] + wDropped * invATx[iTx]);
      ga += (w * wDropped) / a;
      gb -= w * wDropped * invBx[ix];
    }
    g[0] = -gr / total;
    g[1] = -gAlpha / total;
    g[2] = -ga / total;
    g[3] = -gb / total;
    return -ll / total;
  };
}

/**
 * Expected number of purchases by a new customer in (0, t] (Fader, Hardie & Lee 2005, eq. 9):
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))], the x = 0, T = 0 case of
 * bgNbdPurchasesIfAlive.
 * @throws {ModelError} 'invalid-input' for t < 0
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  return bgNbdPurchasesIfAlive(params, t, 0, 0);
}

/**
 * Expected purchases in the next t periods by a customer with history (x, tₓ, T) (Fader, Hardie &
 * Lee 2005, eq. 10): bgNbdPurchasesIfAlive(x, T) × P(alive | x, tₓ, T).
 * @throws {ModelError} 'invalid-input' for an inconsistent row or t < 0
 */
export function bgNbdConditionalPurchases(params: BgNbdParams, t: number, row: RfmRow): number {
  if (!(t >= 0)) throw new ModelError('invalid-input', `t must be ≥ 0 (got ${t})`);
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  if (t === 0) return 0;
  return bgNbdPurchasesIfAlive(params, t, x, T) * bgNbdProbAlive(params, row);
}

/**
 * The part of eq. 10 that does not depend on tₓ, the expected purchases in the next t periods of a
 * customer with x repeat purchases at age T who is alive:
 * [(a+b+x−1)/(a−1)] [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 * Computed after Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
 * (A&S 15.3.3), under which the bracket is 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z): no power
 * of order x, and a series whose terms shrink faster as x grows (several times fewer terms for the
 * frequent buyers of a large base). A customer base shares it per (x, T).
 */
export function bgNbdPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  if (Math.abs(a - 1) < 1e-9) return bgNbdPurchasesIfAlive({ ...params, a: 1 + 1e-7 }, t, x, T);
  const z = t / (alpha + T + t);
  return ((a + b + x - 1) / (a - 1)) * (1 - Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z));
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive at T (Fader, Hardie & Lee
 * 2005, appendix / eq. 11): P = 1 / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)].
 * @throws {ModelError} 'invalid-input' for an inconsistent row
 */
export function bgNbdProbAlive(params: BgNbdParams, row: RfmRow): number {
  const { frequency: x, recency: tx, T } = row;
  checkRfmRow(x, tx, T, 0);
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}
