// The Model API contract of issues #4 and #5: index.ts exports these functions, and the library
// imports nothing but its own relative `.ts` files (so it runs in Node and the worker without Vite).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as models from './index.ts';

const CONTRACT = [
  'kaplanMeier',
  'fitLogisticRegression',
  'predictLogistic',
  'rocAuc',
  'fitBgNbd',
  'bgNbdExpectedPurchases',
  'bgNbdConditionalPurchases',
  'bgNbdProbAlive',
  'fitParetoNbd',
  'paretoNbdProbAlive',
  'fitGammaGamma',
  'gammaGammaExpectedSpend',
  'fitBgBb',
  'fitSbg',
  'sbgSurvival',
  'sbgRetentionRate',
  'rfmSummary'
];

describe('models index', () => {
  it('exports the Model API', () => {
    for (const name of CONTRACT) expect(typeof (models as Record<string, unknown>)[name], name).toBe('function');
    expect(new models.ModelError('no-events', 'x').code).toBe('no-events');
  });
  it('imports only sibling .ts files', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(dir + file, 'utf8');
      for (const m of text.matchAll(/from '([^']+)'/g)) expect(m[1], `${file}: ${m[1]}`).toMatch(/^\.\/[A-Za-z]+\.ts$/);
    }
  });
});
