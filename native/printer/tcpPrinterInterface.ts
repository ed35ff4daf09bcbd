// SPDX-License-Identifier: UNLICENSED
// A raw TCP (port 9100, "JetDirect") printer connection in node-thermal-printer's interface shape
// (isPrinterConnected / execute / getPrinterName; lib/interfaces/index.js accepts such an object as `interface`).
//
// Why not the library's own network interface (lib/interfaces/network.js): it listens for 'error' and 'timeout'
// only, so a printer that closes the connection mid-job is noticed only after the idle timeout or not at all; with
// waitForResponse it resolves and destroys the socket on the first byte back, which may arrive while the job is
// still being written. Here every way a connection can end is an outcome: the whole buffer written and (when asked)
// the printer's reply received, or a typed PrinterIoError.
import net from 'node:net';
import type { PrinterIoError } from './printerIoError';
import { connectionEnded } from './tcpPrinterStream';

export interface TcpExecuteOptions {
  /** Wait for this many reply bytes after the buffer is written (e.g. 1 per DLE EOT query at its end). */
  readonly replyBytes?: number;
}

export class TcpPrinterInterface {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly timeoutMs: number,
  ) {}

  getPrinterName(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  async isPrinterConnected(): Promise<boolean> {
    try {
      await this.execute(Buffer.alloc(0));
      return true;
    } catch {
      return false;
    }
  }

  /** Write `buffer` on a fresh connection; resolves with the reply bytes (empty when none were asked for). */
  execute(buffer: Buffer, options: TcpExecuteOptions = {}): Promise<Buffer> {
    const want = options.replyBytes ?? 0;
    const where = this.getPrinterName();
    return new Promise<Buffer>((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      let connected = false;
      let written = false;
      let settled = false;
      const replies: Buffer[] = [];
      let replyLength = 0;
      const finish = (error: PrinterIoError | null): void => {
        if (settled) return;
        settled = true;
        socket.removeAllListeners('data');
        if (error) {
          socket.destroy();
          reject(error);
        } else {
          socket.end();
          resolve(Buffer.concat(replies).subarray(0, want));
        }
      };
      const maybeDone = (): void => {
        if (written && replyLength >= want) finish(null);
      };
      socket.setNoDelay(true);
      socket.setTimeout(this.timeoutMs);
      socket.on('connect', () => {
        connected = true;
        socket.write(buffer, (err) => {
          if (err) return; // reported through 'error'
          written = true;
          maybeDone();
        });
      });
      socket.on('data', (chunk: Buffer) => {
        replies.push(chunk);
        replyLength += chunk.length;
        maybeDone();
      });
      socket.on('timeout', () => finish(connectionEnded({ kind: 'timeout', ms: this.timeoutMs }, where, connected, written)));
      socket.on('error', (err: NodeJS.ErrnoException) => finish(connectionEnded({ kind: 'error', err }, where, connected, written)));
      socket.on('close', () => finish(connectionEnded({ kind: 'close' }, where, connected, written)));
    });
  }
}
