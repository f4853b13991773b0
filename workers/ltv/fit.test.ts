// The AIC choice of the LTV view never takes a fit the data do not identify. The case that asked for
// it: a shop's own daily log of 400 customers over two years (tests/fixtures/models/dailyLog.ts,
// dropout the same for every customer), where Pareto/NBD drifts to s, β → ∞ and has the lower AIC.
// Read through the engine as the tab reads it (CSV → DuckDB → rfm.sql → fits), with one customer
// whose only purchase is on the calibration end (T = 0), which used to fail the whole fit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { nodeEngine } from '../../tests/sql/engine.ts';
import { DAILY_SPLIT, dailyLogCsv } from '../../tests/fixtures/models/dailyLog.ts';
import { ltvApi } from './api.ts';
import type { LtvFitResult, LtvModel } from './contract.ts';
import { preferredModel } from './fit.ts';

let fit: LtvFitResult;

beforeAll(async () => {
  const engine: Engine = await nodeEngine();
  const csv = dailyLogCsv() + 'NEWCOMER,2023-12-31,25.00\n';
  const s = await engine.ingestFile(new Blob([csv]), 'daily-log.csv');
  fit = await ltvApi(() => engine).ltvFit(s.id, DAILY_SPLIT);
}, 120_000);

describe('400-customer daily log', () => {
  it('fits every model and keeps the newcomer with T = 0', () => {
    expect(fit.customers).toBeGreaterThan(380);
    expect(fit.bgNbd.ok && fit.paretoNbd.ok && fit.gammaGamma.ok).toBe(true);
  });

  it('flags Pareto/NBD as not identified (s and β run away) and does not choose it although its AIC is lower', () => {
    if (!fit.paretoNbd.ok || !fit.bgNbd.ok) throw new Error('fit failed');
    expect(fit.paretoNbd.unidentified).toEqual(['s', 'beta']);
    expect(fit.paretoNbd.params.beta).toBeGreaterThan(1000);
    expect(fit.paretoNbd.aic).toBeLessThan(fit.bgNbd.aic);
    expect(fit.bgNbd.unidentified).toEqual([]);
    expect(fit.preferred).toBe('bgNbd');
  });
});

describe('preferredModel', () => {
  const model = (aic: number, unidentified: string[] = []): LtvModel<object> =>
    ({ ok: true, params: {}, logLikelihood: -aic / 2, aic, converged: true, unidentified });
  const failed: LtvModel<object> = { ok: false, code: 'not-converged', message: '' };
  it('takes the lower AIC among identified fits, and none when neither is identified', () => {
    expect(preferredModel(model(100), model(90))).toBe('paretoNbd');
    expect(preferredModel(model(100), model(90, ['s']))).toBe('bgNbd');
    expect(preferredModel(model(80, ['a', 'b']), model(90))).toBe('paretoNbd');
    expect(preferredModel(model(80, ['a']), model(90, ['s']))).toBeNull();
    expect(preferredModel(model(80), failed)).toBe('bgNbd');
    expect(preferredModel(failed, failed)).toBeNull();
  });
});
