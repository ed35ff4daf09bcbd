// SPDX-License-Identifier: UNLICENSED
// A fake network receipt printer: a real TCP server on 127.0.0.1 that records every byte of every connection,
// answers DLE EOT status queries like an Epson TM printer (only where they are commands, never inside raster data),
// and can be told to be out of paper, to have its cover open, to stay silent, or to drop the connection mid-job
// (the cable pulled). Field notes §3.3.
import net from 'node:net';
import { parseEscPos } from './escposDecoder';

export type FakePrinterCondition = 'online' | 'paper-near-end' | 'paper-out' | 'cover-open';

export interface ReceivedConnection {
  readonly index: number;
  readonly connectedAt: number;
  firstByteAt: number | null;
  closedAt: number | null;
  /** Everything received on this connection, in order. */
  bytes: Buffer;
  /** True when the fake dropped this connection on purpose. */
  dropped: boolean;
  /** Status replies sent back, in order. */
  readonly replies: number[];
}

/** DLE EOT n replies (Epson ESC/POS reference): fixed bits 0x12, plus the condition bits. */
export function statusReply(condition: FakePrinterCondition, n: number): number {
  const FIXED = 0x12;
  switch (condition) {
    case 'online':
      return FIXED;
    case 'paper-near-end':
      return n === 4 ? FIXED | 0x0c : FIXED;
    case 'paper-out':
      return n === 1 ? FIXED | 0x08 : n === 2 ? FIXED | 0x20 : n === 4 ? FIXED | 0x60 : FIXED;
    case 'cover-open':
      return n === 1 ? FIXED | 0x08 : n === 2 ? FIXED | 0x04 : FIXED;
  }
}

export class FakeEscPosPrinter {
  readonly connections: ReceivedConnection[] = [];
  condition: FakePrinterCondition = 'online';
  /** Answer no status query at all (a printer that does not implement DLE EOT, or a hung one). */
  silent = false;
  /** Drop connections once they have brought this many bytes, `dropCount` times (then behave). */
  dropAfterBytes: number | null = null;
  dropCount = 0;
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  private firstByteWaiters: ((c: ReceivedConnection) => void)[] = [];

  get port(): number {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('FakeEscPosPrinter is not listening');
    return address.port;
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Listen on 127.0.0.1: the given port (9100 by default, as a real printer), or any free port if it is taken. */
  async start(preferredPort = 9100): Promise<this> {
    const listen = (port: number): Promise<net.Server> =>
      new Promise((resolve, reject) => {
        const server = net.createServer((socket) => this.accept(socket));
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve(server);
        });
      });
    try {
      this.server = await listen(preferredPort);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
      this.server = await listen(0);
    }
    return this;
  }

  /** Resolves with the next connection's record when its first byte arrives. */
  nextFirstByte(): Promise<ReceivedConnection> {
    return new Promise((resolve) => this.firstByteWaiters.push(resolve));
  }

  /** Resolves once every connection so far has closed (for write-only senders that cannot know when we got it all). */
  async settled(): Promise<void> {
    while (this.sockets.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Connections that carried a print job (their bytes start with ESC @ after any padding). */
  jobs(): ReceivedConnection[] {
    return this.connections.filter((c) => c.bytes.includes(Buffer.from([0x1b, 0x40])));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const record: ReceivedConnection = {
      index: this.connections.length,
      connectedAt: performance.now(),
      firstByteAt: null,
      closedAt: null,
      bytes: Buffer.alloc(0),
      dropped: false,
      replies: [],
    };
    this.connections.push(record);
    let parsed = 0;
    socket.on('data', (chunk: Buffer) => {
      if (record.dropped) return;
      if (record.firstByteAt === null) {
        record.firstByteAt = performance.now();
        for (const w of this.firstByteWaiters.splice(0)) w(record);
      }
      const dropAt = this.dropAfterBytes;
      if (dropAt !== null && this.dropCount > 0 && record.bytes.length + chunk.length >= dropAt) {
        this.dropCount--;
        record.bytes = Buffer.concat([record.bytes, chunk.subarray(0, dropAt - record.bytes.length)]);
        record.dropped = true;
        // RST, as when the printer loses power or the cable is pulled and the peer gives up.
        socket.resetAndDestroy();
        return;
      }
      record.bytes = Buffer.concat([record.bytes, chunk]);
      const { commands, consumed } = parseEscPos(record.bytes.subarray(parsed), parsed);
      parsed += consumed;
      for (const c of commands) {
        if (c.type === 'status-query' && !this.silent) {
          const reply = statusReply(this.condition, c.n);
          record.replies.push(reply);
          socket.write(Buffer.of(reply));
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      record.closedAt = performance.now();
      this.sockets.delete(socket);
    });
  }
}
