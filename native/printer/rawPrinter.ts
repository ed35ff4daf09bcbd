// SPDX-License-Identifier: UNLICENSED
// A thin adapter over node-thermal-printer that sends bytes we encoded ourselves (raster receipts, status queries).
// We never use the library's text or image helpers: receipts are rasterised and banded by app/receipt
// (printImageBuffer sends one unbanded GS v 0 block).
//
// Addresses, as node-thermal-printer parses them (lib/interfaces/index.js):
//   tcp://host[:port]   network printer, raw TCP (default port 9100) — our TcpPrinterInterface, which can read
//                       replies, so status queries and delivery confirmation work;
//   printer:Name        a system print queue through an injected driver (the `printer` / `electron-printer` module
//                       API: getPrinter, getPrinters, printDirect); write-only;
//   anything else       a local device path or file (/dev/usb/lp0, /dev/ttyUSB0, \\.\COM1); write-only.
import type { ThermalPrinter } from 'node-thermal-printer';
import { PrinterIoError } from './printerIoError';
import { TcpPrinterInterface } from './tcpPrinterInterface';
import { openTcpPrinterStream, type PrinterStream } from './tcpPrinterStream';

export type PrinterConnectionKind = 'network' | 'system' | 'device';

export interface RawPrinterConfig {
  readonly address: string;
  /** For `printer:Name`: the system printer module (printDirect etc.), injected so only apps that need it load it. */
  readonly driver?: object;
  /** Connect / idle timeout for network printers. */
  readonly timeoutMs?: number;
}

export interface RawPrinter {
  readonly address: string;
  readonly kind: PrinterConnectionKind;
  /** Whether the connection can carry replies (status queries, delivery confirmation): network printers only. */
  readonly canReply: boolean;
  /** Send bytes as they are. */
  send(bytes: Uint8Array): Promise<void>;
  /**
   * Send bytes that end with real-time queries and wait for `replyBytes` bytes back: the reply proves the printer
   * received everything before the queries. Network printers only.
   */
  sendAndRead(bytes: Uint8Array, replyBytes: number): Promise<Uint8Array>;
  isConnected(): Promise<boolean>;
  /**
   * One connection a job is written to in parts as they are ready (network printers only): the receipt's first bands
   * reach the printer while the rest renders (docs/printing.md).
   */
  openStream?(): PrinterStream;
}

const NETWORK = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i;
const SYSTEM = /^printer:([^/]+)(?:\/([\w-]*))?$/i;

export function connectionKind(address: string): PrinterConnectionKind {
  if (NETWORK.test(address)) return 'network';
  if (SYSTEM.test(address)) return 'system';
  return 'device';
}

export function openRawPrinter(config: RawPrinterConfig): RawPrinter {
  const address = config.address.trim();
  if (!address) throw new Error('openRawPrinter: address is empty (expected tcp://host:9100, printer:Name or a device path)');
  const kind = connectionKind(address);
  if (kind === 'system' && !config.driver)
    throw new Error(`openRawPrinter: ${address} needs a system printer driver (the 'printer' module) injected as driver`);
  const net = NETWORK.exec(address);
  const timeoutMs = config.timeoutMs ?? 3000;
  const tcp = net ? new TcpPrinterInterface(net[1]!, net[2] ? Number(net[2]) : 9100, timeoutMs) : null;
  // the library is loaded at the first job, not when the till starts with a printer set up (BENCHMARKS.md, "Startup")
  let made: Promise<ThermalPrinter> | undefined;
  const thermal = () =>
    (made ??= import('node-thermal-printer').then(
      (lib) =>
        new lib.ThermalPrinter({
          type: lib.PrinterTypes.EPSON,
          // The library takes an interface object as is (lib/interfaces/index.js); its typings only admit strings.
          interface: (tcp ?? address) as unknown as string,
          ...(config.driver ? { driver: config.driver } : {}),
        }),
    ));

  return {
    address,
    kind,
    canReply: tcp !== null,
    async send(bytes) {
      const printer = await thermal();
      try {
        await printer.raw(toBuffer(bytes));
      } catch (e) {
        throw asIoError(e, address);
      }
    },
    async sendAndRead(bytes, replyBytes) {
      if (!tcp) throw new PrinterIoError('printer.replies-unsupported', { printer: address, connection: kind });
      // setBuffer + execute rather than raw(): raw() passes no options to the interface. Synchronous hand-over, so
      // concurrent calls cannot swap buffers.
      const printer = await thermal();
      printer.setBuffer(toBuffer(bytes));
      const execute = printer.execute as unknown as (options: { replyBytes: number }) => Promise<Buffer>;
      try {
        const reply = await execute.call(printer, { replyBytes });
        return new Uint8Array(reply);
      } catch (e) {
        throw asIoError(e, address);
      } finally {
        printer.clear();
      }
    },
    ...(tcp ? { openStream: () => openTcpPrinterStream(tcp.host, tcp.port, timeoutMs) } : {}),
    async isConnected() {
      try {
        return Boolean(await (await thermal()).isPrinterConnected());
      } catch {
        return false; // the system-printer interface throws `false` when the queue is not available
      }
    },
  };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asIoError(e: unknown, address: string): PrinterIoError {
  if (e instanceof PrinterIoError) return e;
  const err = e as NodeJS.ErrnoException | string | undefined;
  const code = typeof err === 'object' && err ? err.code : undefined;
  const text = typeof err === 'string' ? err : (err?.message ?? String(e));
  const unreachable = code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'EACCES';
  const params = { printer: address, detail: text };
  return unreachable ? new PrinterIoError('printer.unreachable', params, { cause: e }) : new PrinterIoError('printer.write-failed', params, { cause: e });
}
