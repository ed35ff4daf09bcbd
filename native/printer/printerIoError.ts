// SPDX-License-Identifier: UNLICENSED
// How talking to a printer can fail, as data the cashier UI and the retry logic can act on: a catalog code (the
// text, in both languages) and the kind the retry logic branches on, which follows from the code.
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';

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

const KIND_OF = {
  'printer.unreachable': 'unreachable',
  'printer.no-connection': 'unreachable',
  'printer.cannot-connect': 'unreachable',
  'printer.lost-awaiting-reply': 'connection-lost',
  'printer.lost-while-sending': 'connection-lost',
  'printer.closed-before-reply': 'connection-lost',
  'printer.closed-while-sending': 'connection-lost',
  'printer.no-reply': 'timeout',
  'printer.no-progress': 'timeout',
  'printer.replies-unsupported': 'unsupported',
  'printer.write-failed': 'write-failed',
} as const satisfies Partial<Record<ErrorCode, PrinterIoErrorKind>>;

export type PrinterIoCode = keyof typeof KIND_OF;

export class PrinterIoError extends DukkanError {
  override readonly name = 'PrinterIoError';
  declare readonly code: PrinterIoCode;
  readonly kind: PrinterIoErrorKind;

  /** `params.printer` is the printer's address; `detail`, where the code has one, the system's error code or text. */
  constructor(code: PrinterIoCode, params: ErrorParams & { readonly printer: string }, options?: { cause?: unknown }) {
    super(code, params, options);
    this.kind = KIND_OF[code];
  }
}
