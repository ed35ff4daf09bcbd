// SPDX-License-Identifier: UNLICENSED
/** Why issuance was refused. Every refusal leaves the ledger exactly as it was. */
export type LedgerRefusal =
  | 'clock-behind'
  | 'clock-ahead'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'unknown-original'
  | 'return-exceeds-sale'
  | 'not-rejected'
  | 'stamp-self-check'
  | 'business-rules'
  | 'seller-not-in-certificate'
  | 'storage-full'
  | 'storage-read-only'
  | 'storage-busy'
  | 'storage';

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly reason: LedgerRefusal,
    message: string,
    /** Field path into the document JSON, when the problem is in the input. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** Maps SQLite's storage failures to clear refusals; anything else is rethrown unchanged. */
export function storageError(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_FULL')
    throw new LedgerError('storage-full', 'the disk (or database) is full: the document was not issued and nothing was printed; free space and try again');
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY')) {
    throw new LedgerError('storage-read-only', 'the ledger database is read-only: the document was not issued and nothing was printed');
  }
  if (code === 'SQLITE_BUSY') throw new LedgerError('storage-busy', 'another Dukkan process holds the ledger: the document was not issued; try again');
  if (code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR'))
    throw new LedgerError('storage', `the ledger could not be written (${code}): the document was not issued`);
  throw err;
}
