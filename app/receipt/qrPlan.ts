// SPDX-License-Identifier: UNLICENSED
// How big the Phase 2 QR is printed: whole printer dots per module, never below a minimum, or a clear refusal.
//
// Why whole dots: a module that is 3.4 dots wide is drawn as a mix of 3- and 4-dot columns with grey edges that the
// 1-bit conversion then rounds unpredictably; odoo/odoo#280000 saw exactly this when a long seller name pushed the
// code to a higher version. With an integer scale every module is an exact square of dots.
//
// Why error correction M: the receipt QR carries up to 1000 base64 characters (BR-CL-KSA-14; SDK simplified
// samples are 504–632, reference §6). At M a 632-character payload is version 20 (97 modules); at Q it is version 24
// (113) and at H version 28 (129), which at 3 dots per module no longer fits 58 mm paper with its quiet zone. M
// restores ~15 % of damaged codewords, enough for a thermal smudge or fold; L (7 %) saves only three versions.
//
// Why one byte-mode segment: qrcode's default splits a text into numeric, alphanumeric and byte runs by a
// shortest-path search over every split, which on a receipt's 500–1000 base64 characters took 4–7 ms and left ~3 MB
// of garbage per receipt on the print path, and gave the same version as one byte segment for every random payload
// measured (280 of 280, 504–1000 characters; BENCHMARKS.md, "Printing"). With one byte segment the version follows
// from the length alone: up to 911 characters version 24 or less, 912–997 version 25, 998–1000 version 26.
//
// Why these minimum module sizes: thermal heads are 203 dpi (8 dots/mm) on both widths. One or two dots per
// module are at the mercy of dot gain and a worn head; 3 dots is 0.375 mm, above the ~0.33 mm that phone cameras
// resolve reliably at receipt-reading distance. On 58 mm paper (384 dots) 3 dots is the largest size at which a
// payload of up to 997 base64 characters fits at M (version 25, 117 + 8 quiet modules × 3 = 375 ≤ 384); the last
// three lengths ZATCA accepts (998–1000, BR-CL-KSA-14) are version 26 (387 dots) and are refused on 58 mm with
// receipt.qr-too-wide rather than printed below 3 dots. On 80 mm paper (576 dots) every length fits at 4 dots
// (version 26: 516 ≤ 576), so we ask for 0.5 mm there. A module is capped at 4 dots (0.5 mm): bigger codes scan
// no better and only cost paper.
import { create } from 'qrcode';
import { DukkanError, type ErrorCode, type ErrorParams } from '../errors';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export type PaperDots = 384 | 576;

/** ISO/IEC 18004 asks for a quiet zone of 4 modules on every side. */
export const QR_QUIET_ZONE_MODULES = 4;
export const QR_ERROR_CORRECTION: QrErrorCorrection = 'M';
export const MIN_MODULE_DOTS: Readonly<Record<PaperDots, number>> = { 384: 3, 576: 4 };
export const MAX_MODULE_DOTS = 4;

export interface QrPlan {
  readonly version: number;
  /** Modules per side, without the quiet zone. */
  readonly modules: number;
  /** Printer dots per module (CSS px at device scale 1). */
  readonly modulePx: number;
  /** Width of the symbol including the quiet zone, in dots. */
  readonly sizeDots: number;
  readonly errorCorrection: QrErrorCorrection;
  /** The symbol itself, so the template draws exactly what was planned without computing it again. */
  readonly matrix: QrMatrix;
}

/** Raised when a QR payload cannot be printed at the minimum module size: printing an unscannable code is worse. */
export class QrCannotFitError extends DukkanError {
  override readonly name = 'QrCannotFitError';
  constructor(
    code: Extract<ErrorCode, `receipt.qr-${string}`>,
    params: ErrorParams,
    readonly detail: { readonly chars: number; readonly version: number; readonly modules: number; readonly paperDots: number; readonly minModuleDots: number },
    cause?: unknown,
  ) {
    super(code, params, { cause });
  }
}

export interface QrMatrix {
  readonly version: number;
  readonly size: number;
  /** Row-major, 1 = dark module. */
  readonly dark: Uint8Array;
}

/** The receipt's symbol for `text`: the whole text as one byte-mode segment (see above). */
export function qrMatrix(text: string, errorCorrection: QrErrorCorrection = QR_ERROR_CORRECTION): QrMatrix {
  // as UTF-8 bytes (a QR payload is base64, so ASCII: one byte per character)
  const code = create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: errorCorrection });
  return { version: code.version, size: code.modules.size, dark: Uint8Array.from(code.modules.data, (v) => (v ? 1 : 0)) };
}

export function planQr(text: string, paperDots: PaperDots, errorCorrection: QrErrorCorrection = QR_ERROR_CORRECTION): QrPlan {
  if (text.length === 0) throw new Error('planQr: qr text is empty (BR-CL-KSA-14 requires a QR)');
  const minModuleDots = MIN_MODULE_DOTS[paperDots];
  if (minModuleDots === undefined) throw new Error(`planQr: paperDots must be 384 (58 mm) or 576 (80 mm), got ${String(paperDots)}`);
  let matrix: QrMatrix;
  try {
    matrix = qrMatrix(text, errorCorrection);
  } catch (e) {
    // qrcode throws when the payload exceeds version 40 at this level.
    throw new QrCannotFitError(
      'receipt.qr-no-version',
      { chars: text.length, level: errorCorrection, detail: (e as Error).message },
      { chars: text.length, version: 41, modules: 0, paperDots, minModuleDots },
      e,
    );
  }
  const span = matrix.size + 2 * QR_QUIET_ZONE_MODULES;
  const modulePx = Math.min(MAX_MODULE_DOTS, Math.floor(paperDots / span));
  if (modulePx < minModuleDots) {
    const mm = paperDots === 384 ? 58 : 80;
    throw new QrCannotFitError(
      'receipt.qr-too-wide',
      {
        chars: text.length,
        version: matrix.version,
        level: errorCorrection,
        modules: matrix.size,
        quiet: 2 * QR_QUIET_ZONE_MODULES,
        minDots: minModuleDots,
        dots: span * minModuleDots,
        paperDots,
        mm,
      },
      { chars: text.length, version: matrix.version, modules: matrix.size, paperDots, minModuleDots },
    );
  }
  return { version: matrix.version, modules: matrix.size, modulePx, sizeDots: span * modulePx, errorCorrection, matrix };
}
