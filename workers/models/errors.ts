/**
 * Errors raised by the numeric models.
 *
 * Every error carries a stable `code` string that the UI translates into the user's language
 * (errors cross the worker boundary as plain objects, so the code, not the message, is the contract).
 */

/** Stable error codes; the UI maps each to a translated explanation with what to try. */
export type ModelErrorCode =
  | 'invalid-input'
  | 'dimension-mismatch'
  | 'too-few-rows'
  | 'no-variation-in-target'
  | 'constant-feature'
  | 'perfect-separation'
  | 'no-events'
  | 'no-repeat-buyers'
  | 'too-few-customers'
  | 'all-churned'
  | 'no-churn'
  | 'not-converged'
  | 'numerical-failure';

/**
 * An error from a model with a stable machine-readable `code` and an English `message`.
 * `details` holds small plain values (counts, column indices) useful for the message.
 */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly details: Record<string, number | string> | undefined;

  constructor(code: ModelErrorCode, message: string, details?: Record<string, number | string>) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.details = details;
  }

  /** Plain, structured-clone-safe form for sending across a worker boundary. */
  toJSON(): { name: string; code: ModelErrorCode; message: string; details?: Record<string, number | string> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Throw `invalid-input` unless every value is a finite number.
 * @throws {ModelError} code 'invalid-input'
 */
export function assertFinite(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new ModelError('invalid-input', `${what}: value at index ${i} is not a finite number`, {
        index: i
      });
    }
  }
}
