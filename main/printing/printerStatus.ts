// SPDX-License-Identifier: UNLICENSED
// Printer status as the cashier needs it: one state, from the DLE EOT real-time status replies.
import { concatBytes } from '../../app/bytes';
import { dleEotStatus, isStatusReply, parseStatusReply, type PrinterStatusBits, type StatusKind } from '../../app/receipt/escpos';
import { PrinterIoError } from '../../native/printer/printerIoError';
import type { RawPrinter } from '../../native/printer/rawPrinter';
import { PrintError } from './printError';

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

/**
 * The failure a non-printing state means, or null when the printer can take a job; `delivered` when the whole job
 * had already reached the printer (it may still print, so it is not sent again).
 */
export function statusFailure(status: PrinterStatus, delivered = false): PrintError | null {
  const p = { printer: status.address };
  switch (status.state) {
    case 'paper-out':
      return delivered ? new PrintError('print.paper-out-delivered', p) : new PrintError('print.paper-out', p);
    case 'cover-open':
      return delivered ? new PrintError('print.cover-open-delivered', p) : new PrintError('print.cover-open', p);
    case 'error':
      return delivered ? new PrintError('print.printer-error-delivered', p) : new PrintError('print.printer-error', p);
    case 'offline':
      return delivered ? new PrintError('print.printer-offline-delivered', p) : new PrintError('print.printer-offline', p);
    case 'unreachable':
      return delivered ? new PrintError('print.printer-unreachable-delivered', p) : new PrintError('print.printer-unreachable', p);
    default:
      return null;
  }
}

/** A transport error as a print failure; the transport's own error (with the system's detail) is its cause. */
export function ioFailure(e: unknown, printer: string): PrintError {
  if (e instanceof PrintError) return e;
  const options = { cause: e };
  switch (e instanceof PrinterIoError ? e.kind : 'write-failed') {
    case 'unreachable':
      return new PrintError('print.printer-unreachable', { printer }, options);
    case 'timeout':
      return new PrintError('print.printer-timeout', { printer }, options);
    case 'connection-lost':
      return new PrintError('print.connection-lost', { printer }, options);
    default:
      return new PrintError('print.write-failed', { printer }, options);
  }
}
