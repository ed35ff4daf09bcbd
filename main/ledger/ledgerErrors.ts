// SPDX-License-Identifier: UNLICENSED
// Why issuance was refused, by catalog code (app/errors/codes/terminalCodes.ts, `ledger.*`). Every refusal leaves
// the ledger exactly as it was. A LedgerError is a DukkanError: the API answers it with its code and parameters
// (main/ipc/apiErrors.ts) and the screen shows it in its own language.
import { DukkanError, type ErrorCode, type ErrorParams, type FieldProblem } from '../../app/errors/index';

export type LedgerCode = Extract<ErrorCode, `ledger.${string}`>;

export class LedgerError extends DukkanError {
  override readonly name = 'LedgerError';
  declare readonly code: LedgerCode;

  constructor(
    code: LedgerCode,
    params: ErrorParams = {},
    /** `field`: the path into the document JSON when the problem is in the input (e.g. "lines.0.quantity"). */
    options: { readonly field?: string; readonly problems?: readonly FieldProblem[]; readonly cause?: unknown } = {},
  ) {
    super(code, params, options);
  }
}

/** Maps SQLite's storage failures to clear refusals; anything else is rethrown unchanged. */
export function storageError(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_FULL') throw new LedgerError('ledger.storage-full', {}, { cause: err });
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY')) throw new LedgerError('ledger.storage-read-only', {}, { cause: err });
  if (code === 'SQLITE_BUSY') throw new LedgerError('ledger.storage-busy', {}, { cause: err });
  if (code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR')) throw new LedgerError('ledger.storage-failed', { sqlite: code }, { cause: err });
  throw err;
}
