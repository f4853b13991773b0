/**
 * Kaplan–Meier estimator of the survival function (Kaplan & Meier 1958) with Greenwood's variance
 * (Greenwood 1926) and log-log ("log(−log S)") 95% pointwise confidence bounds (Kalbfleisch &
 * Prentice 2002, §1.4; the same as R survival::survfit(conf.type = "log-log")).
 */
import { ModelError, assertFinite } from './errors.ts';

export interface KaplanMeierResult {
  /** Distinct observed times (events or censorings), ascending. */
  time: number[];
  /** Ŝ(t) just after each time. */
  survival: number[];
  /** Lower 95% log-log bound; 1 where Ŝ = 1 and 0 where Ŝ = 0 (R reports NA there). */
  lower: number[];
  /** Upper 95% log-log bound; 1 where Ŝ = 1 and 0 where Ŝ = 0. */
  upper: number[];
  /** Number at risk just before each time. */
  atRisk: number[];
  /** Events at each time. */
  events: number[];
  /** Censored at each time. */
  censored: number[];
}

const Z95 = 1.959963984540054;

/**
 * Kaplan–Meier estimate Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) with Greenwood variance
 * Var[ln Ŝ(t)] = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) and log-log bounds
 * exp(−exp(ln(−ln Ŝ) ± z·se/|ln Ŝ|)), z = 1.96 (lower bound with +).
 * Censored observations at an event time count as at risk at that time (the usual convention).
 * @throws {ModelError} 'dimension-mismatch', 'too-few-rows' (no observations), 'invalid-input'
 *   (negative or non-finite durations)
 * @example kaplanMeier([1, 2, 2, 3], [true, true, false, true]).survival // [0.75, 0.5, 0]
 */
export function kaplanMeier(durations: readonly number[], events: readonly boolean[]): KaplanMeierResult {
  if (durations.length !== events.length) {
    throw new ModelError('dimension-mismatch', `durations (${durations.length}) and events (${events.length}) differ in length`);
  }
  if (durations.length === 0) throw new ModelError('too-few-rows', 'no observations');
  assertFinite(durations, 'durations');
  if (durations.some((d) => d < 0)) throw new ModelError('invalid-input', 'durations must be ≥ 0');
  const order = durations.map((_, i) => i).sort((a, b) => durations[a] - durations[b]);
  const result: KaplanMeierResult = { time: [], survival: [], lower: [], upper: [], atRisk: [], events: [], censored: [] };
  let atRisk = durations.length;
  let survival = 1;
  let greenwood = 0;
  for (let k = 0; k < order.length;) {
    const t = durations[order[k]];
    let d = 0;
    let c = 0;
    while (k < order.length && durations[order[k]] === t) {
      if (events[order[k]]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood = d < atRisk ? greenwood + d / (atRisk * (atRisk - d)) : Infinity;
    }
    const [lower, upper] = logLogBounds(survival, Math.sqrt(greenwood));
    result.time.push(t);
    result.survival.push(survival);
    result.lower.push(lower);
    result.upper.push(upper);
    result.atRisk.push(atRisk);
    result.events.push(d);
    result.censored.push(c);
    atRisk -= d + c;
  }
  return result;
}

function logLogBounds(s: number, se: number): [number, number] {
  if (s >= 1) return [1, 1];
  if (s <= 0 || !Number.isFinite(se)) return [0, 0];
  const logS = Math.log(s);
  const eta = Math.log(-logS);
  const half = (Z95 * se) / Math.abs(logS);
  return [Math.exp(-Math.exp(eta + half)), Math.exp(-Math.exp(eta - half))];
}

/**
 * Ŝ at an arbitrary time t (the step function; 1 before the first time). Returns survival with its
 * bounds and the number at risk as R's summary(survfit, times = t) does.
 */
export function survivalAt(km: KaplanMeierResult, t: number): { survival: number; lower: number; upper: number } {
  let i = -1;
  while (i + 1 < km.time.length && km.time[i + 1] <= t) i++;
  if (i < 0) return { survival: 1, lower: 1, upper: 1 };
  return { survival: km.survival[i], lower: km.lower[i], upper: km.upper[i] };
}

/**
 * Median survival time: the smallest time with Ŝ(t) ≤ 0.5; where Ŝ equals 0.5 exactly over an
 * interval, the midpoint of that interval (R survival's convention, print.survfit). `null` when
 * Ŝ never falls to 0.5 (the median is not reached within follow-up).
 * @throws {ModelError} 'no-events' when there are no events at all
 */
export function medianSurvival(km: KaplanMeierResult): number | null {
  if (!km.events.some((d) => d > 0)) throw new ModelError('no-events', 'no events: survival never falls, no median');
  const eps = 1e-12;
  for (let i = 0; i < km.time.length; i++) {
    if (km.survival[i] <= 0.5 + eps) {
      if (Math.abs(km.survival[i] - 0.5) <= eps) {
        for (let j = i + 1; j < km.time.length; j++) {
          if (km.events[j] > 0) return (km.time[i] + km.time[j]) / 2;
        }
      }
      return km.time[i];
    }
  }
  return null;
}
