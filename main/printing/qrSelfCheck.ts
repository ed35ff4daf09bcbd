// SPDX-License-Identifier: UNLICENSED
// Self-check before printing: decode the QR from the exact 1-bit bitmap the printer will burn and compare it with
// the QR text stored in the signed XML. Any difference (a rendering bug, a font fallback that shifted the layout
// into the code, a threshold gone wrong) blocks the print rather than handing a customer an unverifiable receipt.
//
// The decoder is ZXing-C++ compiled to WebAssembly (zxing-wasm): on a receipt's version-20 code it decodes in
// ~2 ms where jsQR took ~16–18 ms and left ~25 MB of garbage per receipt in the worker's heap (BENCHMARKS.md,
// "Printing"). It is a decoder of its own, not the encoder's inverse: qrcode draws the code, ZXing reads it back.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as ZXingReader from 'zxing-wasm/reader';
import { monoToRgba, type MonoBitmap } from '../../app/receipt/monochrome';
import type { PixelBox } from './rasterizer';

export interface QrSelfCheckResult {
  readonly ok: boolean;
  /** The decoded text, or null when no QR could be decoded. */
  readonly decoded: string | null;
}

/** The reader's WebAssembly as the Electron build copies it beside its bundles (scripts/buildElectron.mjs). */
export const QR_READER_WASM_NAME = 'zxing_reader.wasm';

/**
 * Where the reader's WebAssembly is: beside this module's bundle in the desktop app (whose bundles have no
 * node_modules beside them), else in the zxing-wasm package. Never fetched: zxing-wasm's own default would
 * download it from a CDN, and a till prints offline.
 */
export function qrReaderWasmPath(moduleUrl: string = import.meta.url): string {
  const beside = fileURLToPath(new URL(`./${QR_READER_WASM_NAME}`, moduleUrl));
  if (existsSync(beside)) return beside;
  return createRequire(moduleUrl).resolve(`zxing-wasm/reader/${QR_READER_WASM_NAME}`);
}

// loaded at the first receipt, not at start-up: the till does not need it before its first print
// (BENCHMARKS.md, "Startup")
let reader: Promise<typeof ZXingReader> | undefined;
const loadReader = () =>
  (reader ??= import('zxing-wasm/reader').then(async (zxing) => {
    const wasm = readFileSync(qrReaderWasmPath());
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  }));

/** Dark modules on white paper, upright: a receipt's code is never inverted, mirrored or turned. */
const READ_OPTIONS = { formats: ['QRCode'], tryInvert: false, tryRotate: false, maxNumberOfSymbols: 1 } satisfies ZXingReader.ReaderOptions;

/**
 * Decode the QR, looking first at the laid-out QR element (fast: a ~330 px square instead of the whole receipt),
 * then, if that fails, at the whole bitmap.
 */
export async function checkPrintedQr(image: MonoBitmap, expected: string, qrBox: PixelBox | null): Promise<QrSelfCheckResult> {
  const zxing = await loadReader();
  const regions = qrBox ? [padded(qrBox, 8), undefined] : [undefined];
  let decoded: string | null = null;
  for (const region of regions) {
    const rgba = monoToRgba(image, region);
    if (rgba.width === 0 || rgba.height === 0) continue;
    const data = new Uint8ClampedArray(rgba.data.buffer as ArrayBuffer, rgba.data.byteOffset, rgba.data.byteLength);
    // zxing-wasm reads any { data, width, height } as RGBA pixels; Node has no ImageData class to make one with
    const pixels: ImageData = { data, width: rgba.width, height: rgba.height, colorSpace: 'srgb' };
    const [code] = await zxing.readBarcodes(pixels, READ_OPTIONS);
    if (code?.isValid) {
      decoded = code.text;
      break;
    }
  }
  return { ok: decoded === expected, decoded };
}

function padded(box: PixelBox, px: number): PixelBox {
  return { x: box.x - px, y: box.y - px, width: box.width + 2 * px, height: box.height + 2 * px };
}
