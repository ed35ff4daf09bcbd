// SPDX-License-Identifier: UNLICENSED
// How talking to a printer can fail, as data the cashier UI and the retry logic can act on.

export type PrinterIoErrorKind =
  /** Nothing reached the printer: refused, no route, unknown host, no such device. Safe to retry as is. */
  | 'unreachable'
  /** The connection broke after it was made: part of the job may have printed. */
  | 'connection-lost'
  /** Connected, but the printer neither took the data nor answered in time. */
  | 'timeout'
  /** This connection kind cannot do what was asked (e.g. read status from a system print queue). */
  | 'unsupported'
  /** The device or driver reported an error writing the data. */
  | 'write-failed';

export class PrinterIoError extends Error {
  override readonly name = 'PrinterIoError';
  constructor(
    readonly kind: PrinterIoErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
