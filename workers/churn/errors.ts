/**
 * Churn errors as engine errors with codes the UI translates; numeric-model failures (ModelError)
 * are mapped onto the same codes so the user reads why and what to try, never a stack trace.
 */
import type { EngineError, EngineErrorCode } from '../contract.ts';
import { engineError, toEngineError } from '../engine/errors.ts';
import { ModelError } from '../models/index.ts';

export type ChurnErrorCode = Extract<EngineErrorCode,
  'churn-not-applicable' | 'churn-too-few-months' | 'churn-no-churners' | 'churn-all-churned' | 'churn-too-few-rows' | 'churn-no-features' | 'churn-not-converged' | 'churn-no-model'>;

export function churnError(code: ChurnErrorCode, message: string): EngineError {
  return engineError(code, message);
}

const MODEL_CODES: Partial<Record<ModelError['code'], ChurnErrorCode>> = {
  'too-few-rows': 'churn-too-few-rows',
  'no-events': 'churn-no-churners',
  'no-churn': 'churn-no-churners',
  'all-churned': 'churn-all-churned',
  'constant-feature': 'churn-no-features',
  'perfect-separation': 'churn-not-converged',
  'not-converged': 'churn-not-converged',
  'numerical-failure': 'churn-not-converged'
};

/** Any error thrown by a churn analysis as an EngineError. */
export function asChurnError(e: unknown): EngineError {
  if (e instanceof ModelError) {
    const code = MODEL_CODES[e.code];
    if (code) return engineError(code, e.message, e.code);
  }
  return toEngineError(e);
}
