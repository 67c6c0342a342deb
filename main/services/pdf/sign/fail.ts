import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError, type ErrorCode } from '../../../../preload/contract/vanthu-error.ts';

/** A VanthuError with the shared Vietnamese text plus an optional specific detail. */
export function signFailure(code: ErrorCode, detail?: string, details?: Record<string, unknown>): VanthuError {
  return new VanthuError(code, errorMessageVi(code, detail), details === undefined ? {} : { details });
}
