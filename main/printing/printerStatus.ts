// SPDX-License-Identifier: UNLICENSED
// Printer status as the cashier needs it: one state, from the DLE EOT real-time status replies.
import { concatBytes } from '../../app/bytes';
import { dleEotStatus, isStatusReply, parseStatusReply, type PrinterStatusBits, type StatusKind } from '../../app/receipt/escpos';
import { PrinterIoError } from '../../native/printer/printerIoError';
import type { RawPrinter } from '../../native/printer/rawPrinter';
import { PrintError, type PrintFailureCode } from './printError';

export type PrinterState =
  | 'ready'
  /** Printing works; the roll is nearly finished. */
  | 'paper-near-end'
  | 'paper-out'
  | 'cover-open'
  /** Cutter jam, head error or other error the printer reports. */
  | 'error'
  /** Offline for another reason (e.g. paper being fed with the feed button). */
  | 'offline'
  /** No connection. */
  | 'unreachable'
  /** Connected but the state cannot be read (write-only connection, or a printer that does not answer DLE EOT). */
  | 'unknown';

export interface PrinterStatus {
  readonly address: string;
  readonly state: PrinterState;
  /** Decoded reply bits, when the printer answered. */
  readonly bits?: PrinterStatusBits;
  readonly message: string;
}

const QUERIES: readonly StatusKind[] = [1, 2, 3, 4];

/** DLE EOT 1–4 in one exchange: four one-byte replies. */
export function statusQueryBytes(): Uint8Array {
  return concatBytes(...QUERIES.map(dleEotStatus));
}

export function statusFromReplies(address: string, replies: Uint8Array): PrinterStatus {
  if (replies.length < QUERIES.length || ![...replies.subarray(0, QUERIES.length)].every(isStatusReply)) {
    return {
      address,
      state: 'unknown',
      message: `${address}: the printer's status reply is not ESC/POS DLE EOT (${[...replies].map((b) => b.toString(16)).join(' ')})`,
    };
  }
  const bits: PrinterStatusBits = Object.assign({}, ...QUERIES.map((k, i) => parseStatusReply(k, replies[i]!)));
  const state: PrinterState =
    bits.paperEnd || bits.paperEndStop
      ? 'paper-out'
      : bits.coverOpen
        ? 'cover-open'
        : bits.errorOccurred || bits.cutterError || bits.unrecoverableError || bits.autoRecoverableError
          ? 'error'
          : bits.offline
            ? 'offline'
            : bits.paperNearEnd
              ? 'paper-near-end'
              : 'ready';
  return { address, state, bits, message: STATE_MESSAGES[state](address) };
}

const STATE_MESSAGES: Record<PrinterState, (address: string) => string> = {
  ready: (a) => `${a}: ready`,
  'paper-near-end': (a) => `${a}: paper is running out; change the roll soon`,
  'paper-out': (a) => `${a}: out of paper; load a new roll`,
  'cover-open': (a) => `${a}: the cover is open; close it`,
  error: (a) => `${a}: the printer reports an error (cutter or head); check the printer`,
  offline: (a) => `${a}: the printer is offline`,
  unreachable: (a) => `${a}: cannot reach the printer; check power and cable`,
  unknown: (a) => `${a}: connected; status cannot be read`,
};

export async function queryPrinterStatus(printer: RawPrinter): Promise<PrinterStatus> {
  const address = printer.address;
  if (!printer.canReply) {
    const up = await printer.isConnected();
    return { address, state: up ? 'unknown' : 'unreachable', message: STATE_MESSAGES[up ? 'unknown' : 'unreachable'](address) };
  }
  try {
    return statusFromReplies(address, await printer.sendAndRead(statusQueryBytes(), QUERIES.length));
  } catch (e) {
    if (e instanceof PrinterIoError && e.kind === 'unreachable') return { address, state: 'unreachable', message: STATE_MESSAGES.unreachable(address) };
    if (e instanceof PrinterIoError) return { address, state: 'unknown', message: `${address}: no status reply (${e.message})` };
    throw e;
  }
}

/** The states a job cannot print in: the failure before the job was sent, and after the whole job reached the printer. */
const STATE_FAILURES: Partial<Record<PrinterState, readonly [PrintFailureCode, PrintFailureCode]>> = {
  'paper-out': ['print.paper-out', 'print.paper-out-delivered'],
  'cover-open': ['print.cover-open', 'print.cover-open-delivered'],
  error: ['print.printer-error', 'print.printer-error-delivered'],
  offline: ['print.printer-offline', 'print.printer-offline-delivered'],
  unreachable: ['print.printer-unreachable', 'print.printer-unreachable-delivered'],
};

/** The failure a non-printing state means, or null when the printer can take a job. */
export function statusFailure(status: PrinterStatus, delivered = false): PrintError | null {
  const codes = STATE_FAILURES[status.state];
  return codes ? new PrintError(codes[delivered ? 1 : 0], { printer: status.address }) : null;
}

const IO_FAILURES: Record<PrinterIoError['kind'], PrintFailureCode> = {
  unreachable: 'print.printer-unreachable',
  timeout: 'print.printer-timeout',
  'connection-lost': 'print.connection-lost',
  unsupported: 'print.write-failed',
  'write-failed': 'print.write-failed',
};

/** A transport error as a print failure; the transport's own error (with the system's detail) is its cause. */
export function ioFailure(e: unknown, printer: string): PrintError {
  if (e instanceof PrintError) return e;
  return new PrintError(e instanceof PrinterIoError ? IO_FAILURES[e.kind] : 'print.write-failed', { printer }, { cause: e });
}
