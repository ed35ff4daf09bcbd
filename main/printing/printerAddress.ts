// SPDX-License-Identifier: UNLICENSED
// Which printer addresses the till will write to (docs/security.md "Printer address"). A receipt, a test print, a
// drawer kick are raw bytes written to whatever the address names — an address like `/dev/../home/shop/ledger`
// would overwrite that file with printer bytes. So only these are accepted:
// - `tcp://host[:port]` (a network printer; without a port 9100, the raw-printing port), and a bare IPv4 address
//   `192.168.1.50[:port]`, which means the same;
// - on Linux, a character device under /dev/usb/ (lp0…) or /dev/ttyUSB*, /dev/ttyACM* (USB serial), checked on
//   disk: its real path (symbolic links resolved) must still be such a device, and it must be a character device,
//   never a regular file;
// - on Windows, a COM port by name (COM3, \\.\COM3), or a system printer by name (printer:Name — refused further
//   on until a driver module ships, printingService.ts).
// Everything else is refused with a bilingual message naming the field. The device check runs when the address is
// saved and again each time the printer is opened, so a device swapped for a link or a file later is caught too.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';

export interface PrinterAddressOptions {
  readonly platform?: NodeJS.Platform;
  /** Where device paths live (tests point it at a folder of their own). Default /dev. */
  readonly deviceRoot?: string;
}

const TCP = /^tcp:\/\/([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/i;
const BARE_IPV4 = /^((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?::(\d{1,5}))?$/;
const WINDOWS_COM = /^(?:\\\\\.\\)?COM([1-9]\d{0,2})$/i;
const WINDOWS_PRINTER = /^printer:[^/\\\s][^/\\]{0,127}$/i;
/** Device names relative to the device root: usb/lp0, ttyUSB0, ttyACM0. */
const LINUX_DEVICE = /^(?:usb\/[A-Za-z0-9_-]+|tty(?:USB|ACM)\d{1,3})$/;

const notAllowed = (address: string): DukkanError => new DukkanError('printer.address-not-allowed', { address: address.slice(0, 120) }, { field: 'address' });

function tcpAddress(host: string, port: string | undefined, original: string): string {
  const n = port === undefined ? 9100 : Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw notAllowed(original);
  return `tcp://${host}:${n}`;
}

/** The device's name under `root` when `file` is an allowed printer device path there, else undefined. */
function deviceName(file: string, root: string): string | undefined {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return LINUX_DEVICE.test(rel) ? rel : undefined;
}

/**
 * The device behind a path: it must exist, resolve (links followed) to an allowed device path, and be a character
 * device. Throws the refusal otherwise.
 */
export function checkPrinterDevice(address: string, options: PrinterAddressOptions = {}): void {
  const root = options.deviceRoot ?? '/dev';
  let real: string;
  try {
    real = realpathSync(address);
  } catch {
    throw new DukkanError('printer.device-missing', { address }, { field: 'address' });
  }
  const rootReal = realpathSync(root);
  if (deviceName(real, rootReal) === undefined) throw new DukkanError('printer.device-elsewhere', { address, target: real }, { field: 'address' });
  if (!statSync(real).isCharacterDevice()) throw new DukkanError('printer.not-a-device', { address, target: real }, { field: 'address' });
}

/** The address as it will be stored and opened (`tcp://host:port` for network printers), or a refusal. */
export function checkPrinterAddress(address: string, options: PrinterAddressOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const a = address.trim();
  const tcp = TCP.exec(a) ?? BARE_IPV4.exec(a);
  if (tcp) return tcpAddress(tcp[1]!, tcp[2], a);
  if (platform === 'win32') {
    if (WINDOWS_COM.test(a) || WINDOWS_PRINTER.test(a)) return a;
    throw notAllowed(a);
  }
  const root = options.deviceRoot ?? '/dev';
  // the path as written, before any link is followed: `..`, doubled slashes and other folders are refused here
  if (platform !== 'linux' || !a.startsWith(`${root}/`) || path.normalize(a) !== a || deviceName(a, root) === undefined) throw notAllowed(a);
  checkPrinterDevice(a, options);
  return a;
}
