// SPDX-License-Identifier: UNLICENSED
// Why a receipt could not be turned into a bitmap, typed, so the print queue (which reports it as 'render-failed',
// main/printing/printError.ts) and the logs can tell a hung or crashed renderer from a receipt that is wrong.

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

export class RasterizeError extends Error {
  override readonly name = 'RasterizeError';
  constructor(
    readonly kind: RasterizeFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}
