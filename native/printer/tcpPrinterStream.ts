// SPDX-License-Identifier: UNLICENSED
// One raw TCP (port 9100) connection a print job is written to in parts, as they are ready: the receipt's top bands
// while the rest is still being captured (main/printing/receiptStream.ts, docs/printing.md). The last part ends
// with real-time queries whose reply proves the printer received everything before them, as
// TcpPrinterInterface.execute does for a job sent in one piece; every way the connection can end is a typed
// PrinterIoError, classified the same way (before it connected, while sending, awaiting the reply).
import net from 'node:net';
import { PrinterIoError } from './printerIoError';

export interface PrinterStream {
  /** Write `bytes` after the parts before them; resolves once they are handed to the OS, rejects when the connection fails. */
  write(bytes: Uint8Array): Promise<void>;
  /** Write the last part and wait for `replyBytes` bytes back (0: none), then close the connection. */
  finish(bytes: Uint8Array, replyBytes: number): Promise<Uint8Array>;
  /** Drop the connection at once (after a failure on our side). Never throws. */
  abort(): void;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export type ConnectionEnd =
  { readonly kind: 'timeout'; readonly ms: number } | { readonly kind: 'error'; readonly err: NodeJS.ErrnoException } | { readonly kind: 'close' };

/**
 * How a printer connection that ended before its job was done failed, by when: before it connected, while the job
 * was being written, or once it was all written and the reply was awaited (this file and tcpPrinterInterface.ts).
 */
export function connectionEnded(end: ConnectionEnd, printer: string, connected: boolean, written: boolean): PrinterIoError {
  switch (end.kind) {
    case 'timeout': {
      const waited = { printer, ms: end.ms };
      if (!connected) return new PrinterIoError('printer.no-connection', waited);
      return written ? new PrinterIoError('printer.no-reply', waited) : new PrinterIoError('printer.no-progress', waited);
    }
    case 'error': {
      const failed = { printer, detail: end.err.code ?? end.err.message };
      const options = { cause: end.err };
      if (!connected && UNREACHABLE_CODES.has(end.err.code ?? '')) return new PrinterIoError('printer.cannot-connect', failed, options);
      return written ? new PrinterIoError('printer.lost-awaiting-reply', failed, options) : new PrinterIoError('printer.lost-while-sending', failed, options);
    }
    case 'close':
      return written ? new PrinterIoError('printer.closed-before-reply', { printer }) : new PrinterIoError('printer.closed-while-sending', { printer });
  }
}

export function openTcpPrinterStream(host: string, port: number, timeoutMs: number): PrinterStream {
  const where = `tcp://${host}:${port}`;
  const socket = net.connect({ host, port });
  let connected = false;
  let finishing = false;
  let ended = false;
  let failure: PrinterIoError | null = null;
  const failedListeners = new Set<(error: PrinterIoError) => void>();
  const replies: Buffer[] = [];
  let replyLength = 0;
  let replyWanted = -1;
  let onReply: (() => void) | null = null;

  const fail = (error: PrinterIoError): void => {
    if (failure || ended) return;
    failure = error;
    socket.destroy();
    for (const listener of [...failedListeners]) listener(error);
  };
  /** `work`, or the connection's failure if that comes first. */
  const guarded = <T>(work: (resolve: (value: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      if (ended) return reject(new Error(`${where}: the job's connection is already closed`));
      const onFail = (error: PrinterIoError): void => reject(error);
      failedListeners.add(onFail);
      work((value) => {
        failedListeners.delete(onFail);
        resolve(value);
      });
    });

  socket.setNoDelay(true);
  socket.setTimeout(timeoutMs);
  socket.on('connect', () => (connected = true));
  socket.on('data', (chunk: Buffer) => {
    replies.push(chunk);
    replyLength += chunk.length;
    if (replyWanted >= 0 && replyLength >= replyWanted) onReply?.();
  });
  socket.on('timeout', () => fail(connectionEnded({ kind: 'timeout', ms: timeoutMs }, where, connected, finishing)));
  socket.on('error', (err: NodeJS.ErrnoException) => fail(connectionEnded({ kind: 'error', err }, where, connected, finishing)));
  socket.on('close', () => fail(connectionEnded({ kind: 'close' }, where, connected, finishing)));

  const write = (bytes: Uint8Array): Promise<void> =>
    guarded<void>((done) => {
      // the printer's time limit runs while it has bytes to take, not while we wait for our own next part
      socket.setTimeout(timeoutMs);
      socket.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => {
        if (err) return; // reported through 'error'
        if (!finishing) socket.setTimeout(0);
        done();
      });
    });

  return {
    write,
    async finish(bytes, replyBytes) {
      finishing = true;
      await write(bytes);
      await guarded<void>((done) => {
        replyWanted = replyBytes;
        onReply = done;
        if (replyLength >= replyBytes) done();
      });
      ended = true;
      socket.removeAllListeners('data');
      socket.end();
      return new Uint8Array(Buffer.concat(replies).subarray(0, replyBytes));
    },
    abort() {
      if (ended) return;
      ended = true;
      socket.destroy();
    },
  };
}
