/**
 * The discrete and contractual models as the view shows them: BG/BB on aggregated histories (Fader,
 * Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing
 * Science 29(6)) and sBG on cohort survivor counts (Fader & Hardie 2007, "How to Project Customer
 * Retention", JIM 21(1); DERL from Fader & Hardie 2010, Marketing Science 29(1)). Pure.
 */
import {
  bgBbConditionalTransactions,
  bgBbExpectedTransactions,
  bgBbProbAlive,
  fitBgBb,
  fitSbg,
  sbgDerl,
  sbgRetentionRate,
  sbgSurvival,
  type BgBbRow
} from '../models/index.ts';
import type { LtvBgBbResult, LtvSbgResult } from './contract.ts';

export function bgBbResult(rows: readonly (BgBbRow & { count: number })[], horizon: number): LtvBgBbResult {
  const fit = fitBgBb(rows);
  const n = rows.reduce((m, r) => Math.max(m, r.n), -Infinity); // not Math.max(...rows): a long summary overflows the stack
  const h = Math.max(0, Math.round(horizon));
  return {
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    customers: rows.reduce((s, r) => s + r.count, 0),
    n,
    horizon: h,
    rows: rows.map((r) => ({ ...r, pAlive: bgBbProbAlive(fit.params, r), expected: bgBbConditionalTransactions(fit.params, h, r) })),
    curve: Array.from({ length: n + h }, (_, i) => ({ opportunities: i + 1, expected: bgBbExpectedTransactions(fit.params, i + 1) }))
  };
}

export function sbgResult(activeAtStart: readonly number[], projectTo: number, discountRate: number): LtvSbgResult {
  const fit = fitSbg(activeAtStart);
  const last = Math.max(activeAtStart.length - 1, Math.round(projectTo));
  const rows: LtvSbgResult['rows'] = [];
  for (let t = 0; t <= last; t++) {
    const survival = sbgSurvival(fit.params, t);
    rows.push({
      period: t,
      observed: t < activeAtStart.length ? activeAtStart[t] : null,
      survival,
      projected: activeAtStart[0] * survival,
      retention: t >= 1 ? sbgRetentionRate(fit.params, t) : null
    });
  }
  return { params: fit.params, logLikelihood: fit.logLikelihood, rows, derl: sbgDerl(fit.params, discountRate, 0), discountRate };
}
