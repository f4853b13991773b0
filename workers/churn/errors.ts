/**
 * Churn errors as engine errors with codes the UI translates; numeric-model failures (ModelError)
 * are mapped onto the same codes (featureApi) so the user reads why and what to try.
 */
import type { EngineError } from '../contract.ts';
import { engineError, type FeatureErrors } from '../engine/errors.ts';
import type { ChurnErrorCode } from './contract.ts';

export function churnError(code: ChurnErrorCode, message: string): EngineError {
  return engineError(code, message);
}

export const CHURN_ERRORS: FeatureErrors<ChurnErrorCode> = {
  models: {
    'too-few-rows': 'churn-too-few-rows',
    'no-events': 'churn-no-churners',
    'no-churn': 'churn-no-churners',
    'no-variation-in-target': 'churn-no-churners',
    'all-churned': 'churn-all-churned',
    'constant-feature': 'churn-no-features',
    'perfect-separation': 'churn-not-converged',
    'not-converged': 'churn-not-converged',
    'numerical-failure': 'churn-not-converged'
  },
  model: 'churn-model-failed'
};
