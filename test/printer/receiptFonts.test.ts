// SPDX-License-Identifier: UNLICENSED
// Receipts are set in the fonts the app ships (main/resources/fonts), never in whatever the OS has: the same pixels
// on a system without a single font, a template that names no OS family, and no receipt while a face failed to load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECEIPT_FONT_FACES, RECEIPT_FONT_FAMILIES } from '../../app/receipt/template/receiptFonts';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import { RasterizeError } from '../../main/printing/rasterizeError';
import { receiptDocument } from '../../main/printing/receiptJob';
import { FONTS_ROOT, shippedReceiptFonts } from '../../main/printing/receiptFonts';
import { template } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

const html = receiptDocument(sampleReceipt({ copy: true, training: true }), 384, template).html;

// Fontconfig with the system's rendering settings (hinting, antialiasing: /etc/fonts/conf.d) but no font
// directory: Chromium started with it sees no font at all.
const noFontsDir = mkdtempSync(path.join(tmpdir(), 'dukkan-nofonts-'));
writeFileSync(
  path.join(noFontsDir, 'fonts.conf'),
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
    `  <cachedir>${noFontsDir}/cache</cachedir>\n  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n`,
);
const NO_OS_FONTS = { ...(process.env as Record<string, string>), FONTCONFIG_FILE: path.join(noFontsDir, 'fonts.conf') };

const rasterizers: ChromiumRasterizer[] = [];
function rasterizer(options: ConstructorParameters<typeof ChromiumRasterizer>[0] = {}): ChromiumRasterizer {
  const r = new ChromiumRasterizer(options);
  rasterizers.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(rasterizers.map((r) => r.close()));
  rmSync(noFontsDir, { recursive: true, force: true });
});

async function pixels(r: ChromiumRasterizer): Promise<Buffer> {
  const { bitmap } = await r.rasterize(html, 384);
  return Buffer.concat([Buffer.from(`${bitmap.width}x${bitmap.height}:`), Buffer.from(bitmap.data)]);
}

describe('receipt fonts', () => {
  it('the app ships every face the template uses, TrueType, with the OFL licence beside them', () => {
    for (const face of RECEIPT_FONT_FACES) {
      expect(readFileSync(path.join(FONTS_ROOT, face.file)).readUInt32BE(0)).toBe(0x00010000);
    }
    expect(readFileSync(path.join(FONTS_ROOT, 'OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE[\s\S]*Version 1\.1/);
  });

  it('the template names only the shipped families, then a generic family', () => {
    const families = [...html.matchAll(/font-family:\s*([^;}]+)/g)].flatMap((m) => m[1]!.split(',').map((f) => f.trim().replace(/^'|'$/g, '')));
    expect(families.length).toBeGreaterThan(0);
    expect(new Set(families)).toEqual(new Set([RECEIPT_FONT_FAMILIES.latin, RECEIPT_FONT_FAMILIES.arabic, 'sans-serif']));
  });

  it('a receipt renders the same pixels on a system with no fonts at all', async () => {
    const withOsFonts = await pixels(rasterizer());
    const withoutOsFonts = await pixels(rasterizer({ env: NO_OS_FONTS }));
    expect(withoutOsFonts.equals(withOsFonts)).toBe(true);
    // control: that environment really has no fonts — without the app's faces, OS or not makes a difference there
    const bareWithOsFonts = await pixels(rasterizer({ fonts: [] }));
    const bareWithoutOsFonts = await pixels(rasterizer({ env: NO_OS_FONTS, fonts: [] }));
    expect(bareWithoutOsFonts.equals(bareWithOsFonts)).toBe(false);
  });

  it('without the app’s @font-face rules the receipt looks different: no OS font stands in for the shipped ones', async () => {
    // this machine has the very same Noto files installed, so a template naming "Noto Sans" would not differ here
    const shipped = await pixels(rasterizer());
    const bare = await pixels(rasterizer({ fonts: [] }));
    expect(bare.equals(shipped)).toBe(false);
  });

  it('refuses to render while a shipped face fails to load, rather than fall back to an OS font', async () => {
    const [first, ...rest] = shippedReceiptFonts();
    const corrupt = { ...first!, bytes: Buffer.from('not a font at all, just some bytes') };
    const r = rasterizer({ fonts: [corrupt, ...rest] });
    const attempt = r.rasterize(html, 384);
    await expect(attempt).rejects.toThrow(RasterizeError);
    await expect(attempt).rejects.toMatchObject({ kind: 'fonts-not-loaded', message: expect.stringContaining(`${first!.family} ${first!.weight}`) });
  });
});
