// SPDX-License-Identifier: UNLICENSED
// Shared pieces of the printing tests and the benchmark: the real template and Chromium rasterizer wired together,
// and two independent QR decoders (jsqr in-process, zbarimg from Debian's zbar-tools as a separate program).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import type { ReceiptRenderKit } from '../../main/printing/receiptJob';
import { renderReceiptHtml } from '../../app/receipt/template/renderReceiptHtml';

export const template = renderReceiptHtml;

export function chromiumKit(): ReceiptRenderKit & { rasterizer: ChromiumRasterizer } {
  return { template, rasterizer: new ChromiumRasterizer() };
}

export function decodeQrWithJsqr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height)?.data ?? null;
}

/** Every QR zbarimg finds in the PNG (one line each, raw bytes, no charset conversion). */
export async function decodeQrWithZbar(png: Buffer): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-zbar-'));
  try {
    const file = path.join(dir, 'receipt.png');
    writeFileSync(file, png);
    const { stdout } = await promisify(execFile)('zbarimg', ['--raw', '-q', '--nodbus', '-Sdisable', '-Sqrcode.enable', file]);
    return stdout.split('\n').filter((l) => l.length > 0);
  } catch (e) {
    // zbarimg exits 4 when it finds no symbol
    if ((e as { code?: number }).code === 4) return [];
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
