// SPDX-License-Identifier: UNLICENSED
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../bytes';
import { MIN_MODULE_DOTS, planQr, QR_QUIET_ZONE_MODULES, QrCannotFitError } from './qrPlan';

// The real QR of the SDK-3.4.6 simplified invoice sample (632 chars); read directly, app tests may not import test/.
const SAMPLE = path.resolve(import.meta.dirname, '../../test/vectors/sdk-238-R3.4.6-from-phive/Samples/Simplified/Invoice/Simplified_Invoice.xml');
const sampleQr = /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(readFileSync(SAMPLE, 'utf8'))![1]!.trim();

describe('planQr', () => {
  it('plans the SDK sample QR (632 chars) as version 20 at M: 3 dots per module on 58 mm, 4 on 80 mm', () => {
    expect(sampleQr).toHaveLength(632);
    const narrow = planQr(sampleQr, 384);
    expect(narrow).toMatchObject({ version: 20, modules: 97, modulePx: 3, sizeDots: (97 + 8) * 3, errorCorrection: 'M' });
    const wide = planQr(sampleQr, 576);
    expect(wide).toMatchObject({ version: 20, modules: 97, modulePx: 4, sizeDots: (97 + 8) * 4 });
  });

  it('returns the symbol qrcode builds of the text as one byte segment, so the template draws exactly what was planned', () => {
    const plan = planQr(sampleQr, 384);
    const code = create([{ data: new TextEncoder().encode(sampleQr), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    expect(code.segments.map((s) => s.mode.id)).toEqual(['Byte']);
    expect(plan.matrix.size).toBe(code.modules.size);
    expect([...plan.matrix.dark]).toEqual([...code.modules.data].map((v) => (v ? 1 : 0)));
    // qrcode's own split of the text into runs of other modes needs no smaller symbol for a real payload
    expect(create(sampleQr, { errorCorrectionLevel: 'M' }).version).toBe(plan.version);
  });

  it('takes the version from the length alone: 997 characters fit 58 mm at 3 dots, 998–1000 only 80 mm', () => {
    const text = (length: number) => bytesToBase64(new Uint8Array(750).map((_, i) => (i * 151 + 7) & 255)).slice(0, length);
    for (const digitsFirst of [false, true]) {
      // a run of digits, which qrcode's default split would encode in numeric mode, changes nothing
      const at = (length: number) => (digitsFirst ? '1234567890'.repeat(10) + text(length - 100) : text(length));
      expect(planQr(at(911), 384)).toMatchObject({ version: 24, modulePx: 3 });
      expect(planQr(at(997), 384)).toMatchObject({ version: 25, modulePx: 3, sizeDots: 375 });
      expect(() => planQr(at(998), 384)).toThrow(QrCannotFitError);
      expect(planQr(at(1000), 576)).toMatchObject({ version: 26, modulePx: 4, sizeDots: 516 });
    }
  });

  it('fits every payload ZATCA accepts (≤ 1000 base64 chars, BR-CL-KSA-14) on 80 mm, and up to 997 on 58 mm', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 750 }), fc.constantFrom(384 as const, 576 as const), (all, paper) => {
        // 747 bytes are 996 base64 characters
        const bytes = paper === 384 ? all.subarray(0, 747) : all;
        const text = bytesToBase64(bytes);
        const plan = planQr(text, paper);
        expect(plan.modulePx).toBeGreaterThanOrEqual(MIN_MODULE_DOTS[paper]);
        expect(plan.sizeDots).toBe((plan.modules + 2 * QR_QUIET_ZONE_MODULES) * plan.modulePx);
        expect(plan.sizeDots).toBeLessThanOrEqual(paper);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a payload that cannot fit at the minimum module size, with a message that says why', () => {
    const tooLong = bytesToBase64(new Uint8Array(1100).map((_, i) => (i * 37) & 255)); // 1468 chars
    let error: unknown;
    try {
      planQr(tooLong, 384);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QrCannotFitError);
    const e = error as QrCannotFitError;
    expect(e.message).toMatch(/^QR cannot be printed scannably: 1468 characters need version \d+ at level M/);
    expect(e.message).toContain('minimum of 3 dots per module');
    expect(e.message).toContain('wider than the 384 dots of 58 mm paper');
    expect(e.detail).toMatchObject({ chars: 1468, paperDots: 384, minModuleDots: 3 });
    expect(e.code).toBe('receipt.qr-too-wide');
    expect(e.params).toMatchObject({ chars: 1468, level: 'M', minDots: 3, paperDots: 384, mm: 58 });
    expect(e.text('ar')).toContain('1468 حرفًا');
    expect((e.detail.modules + 8) * 3).toBeGreaterThan(384);
  });

  it('rejects an empty QR and an unknown paper width', () => {
    expect(() => planQr('', 384)).toThrow(/qr text is empty/);
    expect(() => planQr(sampleQr, 500 as 384)).toThrow(/paperDots must be 384 \(58 mm\) or 576 \(80 mm\), got 500/);
  });
});
