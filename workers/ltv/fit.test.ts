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
import type { LtvFitResult, LtvModelResult, PurchaseModelId } from './contract.ts';
import { preferredModel } from './fit.ts';
import { MODEL_ENTRIES } from './models.ts';
import { modelOf } from './results.ts';

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
    // Every registry model, in the registry's order (adding one adds it here without editing this test).
    expect(fit.models.map((m) => m.id)).toEqual(MODEL_ENTRIES.map(([id]) => id));
    expect(fit.models.filter((m) => !m.ok)).toEqual([]);
  });

  it('flags Pareto/NBD as not identified (s and β run away) and does not choose it although its AIC is lower than BG/NBD', () => {
    const bgNbd = modelOf(fit, 'bgNbd'),
      paretoNbd = modelOf(fit, 'paretoNbd');
    if (!paretoNbd.ok || !bgNbd.ok) throw new Error('fit failed');
    expect(paretoNbd.unidentified).toEqual(['s', 'beta']);
    expect(paretoNbd.params.beta).toBeGreaterThan(1000);
    expect(paretoNbd.aic).toBeLessThan(bgNbd.aic);
    expect(bgNbd.unidentified).toEqual([]);
    // Of the identified fits MBG/NBD has the lowest AIC on this log; Pareto/NBD's does not count.
    const mbgNbd = modelOf(fit, 'mbgNbd');
    if (!mbgNbd.ok) throw new Error('MBG/NBD did not fit');
    expect(mbgNbd.unidentified).toEqual([]);
    expect(mbgNbd.aic).toBeLessThan(bgNbd.aic);
    expect(fit.preferred).toBe('mbgNbd');
  });
});

describe('preferredModel', () => {
  const described = (id: string, kind: 'purchase' | 'spend' = 'purchase') => ({
    id: id as PurchaseModelId,
    kind,
    label: { en: id, zh: id },
    reference: '',
    symbols: {}
  });
  const model = (id: string, aic: number, unidentified: string[] = []): LtvModelResult => ({
    ...described(id),
    ok: true,
    params: {},
    logLikelihood: -aic / 2,
    aic,
    converged: true,
    unidentified
  });
  const failed = (id: string): LtvModelResult => ({ ...described(id), ok: false, code: 'not-converged', message: '' });
  it('takes the lowest AIC among identified purchase-model fits, and none when none is identified', () => {
    expect(preferredModel([model('bgNbd', 100), model('paretoNbd', 90)])).toBe('paretoNbd');
    expect(preferredModel([model('bgNbd', 100), model('paretoNbd', 90, ['s'])])).toBe('bgNbd');
    expect(preferredModel([model('bgNbd', 80, ['a', 'b']), model('paretoNbd', 90)])).toBe('paretoNbd');
    expect(preferredModel([model('bgNbd', 80, ['a']), model('paretoNbd', 90, ['s'])])).toBeNull();
    expect(preferredModel([model('bgNbd', 80), failed('paretoNbd')])).toBe('bgNbd');
    expect(preferredModel([failed('bgNbd'), failed('paretoNbd')])).toBeNull();
    // Three purchase models; a spend model's AIC is never compared; a tie goes to the earlier entry.
    expect(
      preferredModel([model('bgNbd', 90), model('paretoNbd', 95), model('mbgNbd', 85), { ...model('gammaGamma', 1), kind: 'spend' }])
    ).toBe('mbgNbd');
    expect(preferredModel([model('bgNbd', 90), model('paretoNbd', 90)])).toBe('bgNbd');
  });
});
