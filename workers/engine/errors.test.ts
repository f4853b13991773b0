// The one error path: every method of every feature API maps what it throws. A DuckDB
// out-of-memory is 'out-of-memory' in every feature and method; a ModelError from the numeric models
// reaches the caller with the calling feature's code (it used to reach value and segments users as
// 'query-failed' with an English message). The engine getter throws, and so does any argument a
// method touches, so each method fails on its first real step.
import { describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { featureApi } from './errors.ts';
import { ModelError } from '../models/errors.ts';
import { lifecycleApi } from '../lifecycle/api.ts';
import { churnApi } from '../churn/api.ts';
import { ltvApi } from '../ltv/api.ts';
import { valueApi } from '../value/api.ts';
import { segmentsApi } from '../segments/api.ts';

const FEATURES = { lifecycle: lifecycleApi, churn: churnApi, ltv: ltvApi, value: valueApi, segments: segmentsApi };
/** Methods that touch neither the engine nor their arguments. */
const PURE = new Set(['lifecycleRuleSets']);

/** Calls every method of a feature whose engine (and every argument) throws `failure`; the codes by method. */
async function codes(make: (engine: () => Engine) => object, failure: () => unknown): Promise<Record<string, string>> {
  const fail = () => {
    throw failure();
  };
  const throwing = new Proxy(function () {}, { get: fail, apply: fail });
  const api = make(() => {
    throw failure();
  }) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const out: Record<string, string> = {};
  for (const name of Object.keys(api).filter((n) => !PURE.has(n))) {
    out[name] = await api[name](throwing, throwing, throwing, throwing, throwing).then(
      () => 'resolved',
      (e: { code?: string }) => e.code ?? 'not coded'
    );
  }
  return out;
}

const OOM = () => new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (1.9 GiB/1.9 GiB used)');

describe('out of memory maps to out-of-memory in every feature and method', () => {
  it.each(Object.entries(FEATURES))('%s', async (_, make) => {
    const got = await codes(make, OOM);
    expect(Object.keys(got).length).toBeGreaterThanOrEqual(2);
    for (const [method, code] of Object.entries(got)) expect(code, method).toBe('out-of-memory');
  });
});

describe('a ModelError reaches the caller with the feature’s code', () => {
  it.each([
    { feature: 'value', model: 'too-few-rows', code: 'value-too-few-customers' },
    { feature: 'value', model: 'constant-feature', code: 'value-model-failed' },
    { feature: 'segments', model: 'too-few-rows', code: 'segments-too-few-customers' },
    { feature: 'segments', model: 'perfect-separation', code: 'segments-model-failed' },
    { feature: 'churn', model: 'no-events', code: 'churn-no-churners' },
    { feature: 'ltv', model: 'no-repeat-buyers', code: 'ltv-no-repeat-buyers' }
  ] as const)('$feature: $model → $code', async ({ feature, model, code }) => {
    const got = await codes(FEATURES[feature], () => new ModelError(model, 'from the model'));
    for (const [method, c] of Object.entries(got)) expect(c, method).toBe(code);
  });
});

describe('featureApi', () => {
  it('passes results through, keeps coded errors, maps the rest', async () => {
    const api = featureApi<{ ok(): Promise<number>; coded(): Promise<void>; plain(): Promise<void>; sync(): Promise<void> }>(
      { model: 'value-model-failed' },
      {
        ok: async () => 42,
        coded: async () => {
          throw { code: 'value-bad-params', message: 'no' };
        },
        plain: async () => {
          throw new Error('Binder Error: no such column\nLINE 1');
        },
        sync: () => {
          throw new ModelError('invalid-input', 'bad');
        }
      }
    );
    expect(await api.ok()).toBe(42);
    await expect(api.coded()).rejects.toEqual({ code: 'value-bad-params', message: 'no' });
    await expect(api.plain()).rejects.toMatchObject({ code: 'query-failed', message: 'Binder Error: no such column' });
    await expect(api.sync()).rejects.toMatchObject({ code: 'value-model-failed', detail: 'invalid-input' });
  });
});
