// SPDX-License-Identifier: UNLICENSED
// A receipt's print job in parts, top to bottom, each ready as soon as its strip of the page is captured and turned
// into bands in the worker thread: the printer starts on the header while Chromium captures the rest
// (docs/printing.md, "Streaming"). Three strips: the first few bands (the header), the rows down to the band above
// the QR, and the rest with the QR, whose part is released only once the QR decoded from its own 1-bit image
// matches the signed invoice's (qrSelfCheck.ts). Strips start on band boundaries, so the parts laid end to end are
// byte for byte the job prepareReceiptJob (receiptJob.ts) builds from the whole capture.
import type { PaperDots } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { defaultBandRows } from '../../app/receipt/rasterBands';
import type { DukkanWorkers } from '../workers/dukkanWorkers';
import { PrintError } from './printError';
import type { CapturedStrip, ReceiptLayout, ReceiptRasterizer } from './rasterizer';
import type { RasterOutcome } from './receiptRaster';
import { documentOffThread, qrRefusal, type PaperProfile, type PrepareOptions, type ReceiptRenderKit } from './receiptJob';
import { RASTER_TIMEOUT_MS } from './rasterToJob';

/** Rows of the first strip, rounded up to whole bands: the receipt's header, what the printer starts on. */
export const FIRST_STRIP_ROWS = 160;
/** Margin kept around the QR's box when it is decoded (qrSelfCheck.ts pads it by 8 px): the QR strip starts above it. */
const QR_MARGIN_PX = 8;

export interface ReceiptPart {
  readonly bytes: Uint8Array;
  /** The part that ends with the cut. */
  readonly last: boolean;
}

/** A kit that can stream: worker threads and a rasterizer that captures in strips. */
export type StreamingKit = ReceiptRenderKit & {
  readonly workers: DukkanWorkers;
  readonly rasterizer: ReceiptRasterizer & Required<Pick<ReceiptRasterizer, 'captureStrips'>>;
};

export function canStream(kit: ReceiptRenderKit): kit is StreamingKit {
  return kit.workers !== undefined && typeof kit.rasterizer.captureStrips === 'function';
}

/**
 * Where the strips start: after the header's bands, and at the last band boundary above the QR (with its margin).
 * A receipt whose QR was not found in the layout is one strip, checked whole as prepareReceiptJob checks it.
 */
export function stripCuts(layout: ReceiptLayout, paperDots: PaperDots, bandRows = defaultBandRows(paperDots / 8)): number[] {
  if (!layout.qrBox) return [];
  const qrStrip = Math.floor(Math.max(0, layout.qrBox.y - QR_MARGIN_PX) / bandRows) * bandRows;
  const first = Math.ceil(FIRST_STRIP_ROWS / bandRows) * bandRows;
  return first < qrStrip ? [first, qrStrip] : [qrStrip];
}

/**
 * The job's parts in order. Each is yielded once its strip is captured and encoded; a failure (Chromium, the worker,
 * the QR self-check) is thrown where the parts stop, as the PrintError prepareReceiptJob would throw, and the parts
 * already yielded stay valid bands: the caller ends the job there (receiptPrinter.ts).
 */
export async function* receiptParts(model: ReceiptModel, kit: StreamingKit, profile: PaperProfile, options: PrepareOptions = {}): AsyncGenerator<ReceiptPart> {
  const doc = await documentOffThread(model, profile.paperDots, kit.template, kit.workers);
  const bandRows = profile.bandRows ?? defaultBandRows(profile.paperDots / 8);
  const escpos = {
    ...(profile.bandRows !== undefined ? { bandRows: profile.bandRows } : {}),
    ...(profile.cutFeed !== undefined ? { cutFeed: profile.cutFeed } : {}),
    openDrawer: options.openDrawer ?? false,
  };
  const strips: { readonly strip: CapturedStrip; readonly outcome: Promise<RasterOutcome> }[] = [];
  let wake: (() => void) | null = null;
  let captured = false;
  const capturing = kit.rasterizer
    .captureStrips(
      doc.html,
      profile.paperDots,
      (layout) => stripCuts(layout, profile.paperDots, bandRows),
      (strip) => {
        const outcome = kit.workers.run(
          'receipt.strip',
          {
            png: strip.png,
            first: strip.top === 0,
            last: strip.last,
            // only the strip with the QR checks it, in its own coordinates
            qr: strip.last ? { expected: model.qr, box: strip.qrBox && { ...strip.qrBox, y: strip.qrBox.y - strip.top } } : null,
            ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}),
            escpos,
          },
          { transfer: [strip.png.buffer as ArrayBuffer], timeoutMs: RASTER_TIMEOUT_MS },
        );
        outcome.catch(() => undefined); // awaited in order below, or abandoned with the job
        strips.push({ strip, outcome });
        wake?.();
      },
    )
    .finally(() => {
      captured = true;
      wake?.();
    });
  capturing.catch(() => undefined); // awaited below
  const renderFailed = (e: unknown): PrintError => new PrintError('print.render-failed', { receipt: model.number }, { cause: e });
  for (let i = 0; ; i++) {
    while (strips.length <= i && !captured) await new Promise<void>((resolve) => (wake = resolve));
    const next = strips[i];
    if (!next) {
      // no strip left: either the last one was yielded, or the capture failed before it
      await capturing.catch((e: unknown) => Promise.reject(renderFailed(e)));
      throw renderFailed(new Error('the capture ended before the receipt’s last strip'));
    }
    let outcome: RasterOutcome;
    try {
      outcome = await next.outcome;
    } catch (e) {
      throw renderFailed(e);
    }
    if (next.strip.last && (!outcome.qr?.ok || !outcome.bytes)) throw qrRefusal(model, outcome.qr ?? { ok: false, decoded: null });
    yield { bytes: outcome.bytes!, last: next.strip.last };
    if (next.strip.last) return;
  }
}
