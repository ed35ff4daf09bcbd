// The QR rendered as an image decodes back to the exact text stored in the signed document, with two
// independent decoders (jsqr in-process, zbarimg from Debian).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { signWithSdkKey } from '../support/signing';
import { simplifiedInvoice } from '../fixtures/documents';

describe('QR image round trip', () => {
  it('the PNG of a signed invoice QR decodes to the stored QR text', async () => {
    const signed = await signWithSdkKey(
      simplifiedInvoice({ seller: { ...simplifiedInvoice().seller, name: 'شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD' } }),
    );
    const png = await QRCode.toBuffer(signed.qr, { errorCorrectionLevel: 'M', scale: 4, margin: 4 });
    const image = PNG.sync.read(png);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(signed.qr);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-qr-')), 'qr.png');
    writeFileSync(file, png);
    expect(execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim()).toBe(signed.qr);
  });
});
