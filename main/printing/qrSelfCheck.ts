// SPDX-License-Identifier: UNLICENSED
// Self-check before printing: decode the QR from the exact 1-bit bitmap the printer will burn and compare it with
// the QR text stored in the signed XML. Any difference (a rendering bug, a font fallback that shifted the layout
// into the code, a threshold gone wrong) blocks the print rather than handing a customer an unverifiable receipt.
import type jsQR from 'jsqr';
import { monoToRgba, type MonoBitmap } from '../../app/receipt/monochrome';
import type { PixelBox } from './rasterizer';

export interface QrSelfCheckResult {
  readonly ok: boolean;
  /** The decoded text, or null when no QR could be decoded. */
  readonly decoded: string | null;
}

// jsQR is loaded at the first receipt, not at start-up: it is ~330 KB of JavaScript the till does not need before
// its first print (BENCHMARKS.md, "Startup")
let decoder: Promise<typeof jsQR> | undefined;
const loadDecoder = () => (decoder ??= import('jsqr').then((m) => m.default));

/**
 * Decode the QR, looking first at the laid-out QR element (fast: a ~330 px square instead of the whole receipt),
 * then, if that fails, at the whole bitmap.
 */
export async function checkPrintedQr(image: MonoBitmap, expected: string, qrBox: PixelBox | null): Promise<QrSelfCheckResult> {
  const decode = await loadDecoder();
  const regions = qrBox ? [padded(qrBox, 8), undefined] : [undefined];
  let decoded: string | null = null;
  for (const region of regions) {
    const rgba = monoToRgba(image, region);
    if (rgba.width === 0 || rgba.height === 0) continue;
    const data = rgba.data instanceof Uint8ClampedArray ? rgba.data : new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, rgba.data.byteLength);
    const code = decode(data, rgba.width, rgba.height, { inversionAttempts: 'dontInvert' });
    if (code) {
      decoded = code.data;
      break;
    }
  }
  return { ok: decoded === expected, decoded };
}

function padded(box: PixelBox, px: number): PixelBox {
  return { x: box.x - px, y: box.y - px, width: box.width + 2 * px, height: box.height + 2 * px };
}
