// SPDX-License-Identifier: UNLICENSED
// Why a receipt could not be turned into a bitmap, typed, so the print queue (which reports it as 'render-failed',
// main/printing/printError.ts) and the logs can tell a hung or crashed renderer from a receipt that is wrong. The
// kind follows from the catalog code (app/errors/codes/deviceCodes.ts).
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';

export type RasterizeFailureKind =
  /** No page to render in: the browser did not start, or the window could not be created. */
  | 'open-failed'
  /** A step did not finish in time (a hung renderer). The page is thrown away; the next receipt gets a fresh one. */
  | 'timeout'
  /** The renderer crashed or its window was destroyed during the job. The next receipt gets a fresh page. */
  | 'renderer-gone'
  /** The app's receipt fonts did not load, so the receipt would have been set in some OS font. */
  | 'fonts-not-loaded'
  /** The receipt laid out to zero height: there is nothing to print. */
  | 'empty-receipt'
  /** The bitmap is not exactly the requested width × the measured height (a scale factor or zoom slipped in). */
  | 'wrong-size'
  /** The browser refused a command or the in-page script failed. */
  | 'page-error';

const KIND_OF = {
  'rasterize.open-failed': 'open-failed',
  'rasterize.timeout': 'timeout',
  'rasterize.renderer-gone': 'renderer-gone',
  'rasterize.fonts-not-loaded': 'fonts-not-loaded',
  'rasterize.empty-receipt': 'empty-receipt',
  'rasterize.wrong-size': 'wrong-size',
  'rasterize.page-error': 'page-error',
} as const satisfies Partial<Record<ErrorCode, RasterizeFailureKind>>;

export type RasterizeFailureCode = keyof typeof KIND_OF;

export class RasterizeError extends DukkanError {
  override readonly name = 'RasterizeError';
  declare readonly code: RasterizeFailureCode;
  readonly kind: RasterizeFailureKind;

  constructor(code: RasterizeFailureCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(code, params, options);
    this.kind = KIND_OF[code];
  }
}
