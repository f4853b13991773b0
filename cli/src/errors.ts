/**
 * The command's errors and exit codes (documented in `clm --help` and the README):
 * 0 done; 2 usage (unknown command or option, unreadable settings file); 3 input (a file missing,
 * empty, unreadable or of columns another file of the set does not have); 4 the analysis does not
 * apply to this data (the tab would show the same message); 5 out of memory; 1 anything else.
 */
import { isCodedError } from '../../common/errors.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, input: 3, analysis: 4, memory: 5 } as const;
export type ExitKind = keyof typeof EXIT;

export class CliError extends Error {
  constructor(
    readonly kind: ExitKind,
    message: string,
    readonly detail?: string
  ) {
    super(message);
  }
}

/** Engine error codes about the input files themselves (the rest are analyses refusing the data). */
const INPUT_CODES = new Set([
  'empty-file',
  'binary-file',
  'unsupported-format',
  'no-data-rows',
  'read-failed',
  'bad-mapping',
  'no-customer-column',
  'too-many-columns',
  'xlsx-failed',
  'panel-needs-transactions'
]);

/** Any error as a CliError with its exit kind; engine errors keep their code in the message. */
export function toCliError(e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (isCodedError(e)) {
    const kind: ExitKind =
      e.code === 'out-of-memory' ? 'memory' : INPUT_CODES.has(e.code) ? 'input' : e.code === 'query-failed' ? 'failed' : 'analysis';
    return new CliError(kind, `${e.message} [${e.code}]`, e.detail);
  }
  return new CliError('failed', e instanceof Error ? e.message : String(e));
}
