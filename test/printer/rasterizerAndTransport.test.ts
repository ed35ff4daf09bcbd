// SPDX-License-Identifier: UNLICENSED
// The parts around the happy path: our fast PNG decoders against pngjs, a crashed Chromium, a system print queue.
import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { toMonochrome } from '../../app/receipt/monochrome';
import { decodePng, decodePngToMonochrome } from '../../main/printing/png';
import { RasterizeError } from '../../main/printing/rasterizeError';
import { receiptDocument } from '../../main/printing/receiptJob';
import { ReceiptPrinter } from '../../main/printing/receiptPrinter';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { PrinterIoError } from '../../native/printer/printerIoError';
import { commandNames, decodedImagePng, decodeEscPos } from './escposDecoder';
import { chromiumKit, decodeQrWithJsqr } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

describe('decodePng (the fast path for screenshots)', () => {
  it('decodes 8-bit RGB and RGBA with every row filter exactly as pngjs does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom(0, 1, 2, 3, 4, -1),
        fc.constantFrom(2 as const, 6 as const),
        fc.integer(),
        (width, height, filterType, colorType, seed) => {
          const png = new PNG({ width, height, filterType, colorType, inputHasAlpha: true });
          for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 2654435761 + seed) >>> 24;
          const bytes = PNG.sync.write(png, { colorType, filterType });
          const ours = decodePng(bytes);
          const theirs = PNG.sync.read(bytes);
          expect([ours.width, ours.height]).toEqual([width, height]);
          expect(Buffer.from(ours.data)).toEqual(theirs.data);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('falls back to pngjs for other PNG kinds and rejects non-PNG input', () => {
    const grey = new PNG({ width: 3, height: 2, colorType: 0, inputHasAlpha: true });
    grey.data.fill(200);
    const bytes = PNG.sync.write(grey, { colorType: 0 });
    expect(Buffer.from(decodePng(bytes).data)).toEqual(PNG.sync.read(bytes).data);
    expect(() => decodePng(Buffer.from('GIF89a not a png at all, really not'))).toThrow(/not a PNG/);
  });
});

describe('decodePngToMonochrome (the worker’s decode, row by row, no RGBA image in between)', () => {
  it('gives the bits of toMonochrome(pngjs’s decode) for RGB and RGBA, every filter, any threshold, split IDATs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom(0, 1, 2, 3, 4, -1),
        fc.constantFrom(2 as const, 6 as const),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (width, height, filterType, colorType, threshold, idats, seed) => {
          const png = new PNG({ width, height, filterType, colorType, inputHasAlpha: true });
          for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 2654435761 + seed) >>> 24;
          const bytes = withIdatSplit(PNG.sync.write(png, { colorType, filterType }), idats);
          const theirs = PNG.sync.read(bytes);
          expect(idatCount(bytes)).toBe(idats);
          const ours = decodePngToMonochrome(bytes, threshold);
          expect(ours).toEqual(toMonochrome({ width, height, data: new Uint8Array(theirs.data) }, threshold));
        },
      ),
      { numRuns: 80 },
    );
  });

  function idatCount(png: Buffer): number {
    let n = 0;
    for (let o = 8; o < png.length; o += 12 + png.readUInt32BE(o)) if (png.toString('latin1', o + 4, o + 8) === 'IDAT') n++;
    return n;
  }

  /** The same PNG with its one IDAT cut into `pieces` IDATs (PNG spec §11.2.4: the data is their concatenation). */
  function withIdatSplit(png: Buffer, pieces: number): Buffer {
    const chunks: Buffer[] = [png.subarray(0, 8)];
    for (let o = 8; o < png.length;) {
      const len = png.readUInt32BE(o);
      const type = png.subarray(o + 4, o + 8);
      const data = png.subarray(o + 8, o + 8 + len);
      const parts = type.toString('latin1') === 'IDAT' ? pieces : 1;
      for (let i = 0; i < parts; i++) {
        const part = data.subarray(Math.floor((len * i) / parts), Math.floor((len * (i + 1)) / parts));
        const head = Buffer.alloc(8);
        head.writeUInt32BE(part.length, 0);
        type.copy(head, 4);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(Buffer.concat([type, part])), 0);
        chunks.push(head, part, crc);
      }
      o += 12 + len;
    }
    return Buffer.concat(chunks);
  }

  it('falls back to pngjs for other PNG kinds, and refuses what toMonochrome refuses', () => {
    const grey = new PNG({ width: 11, height: 3, colorType: 0, inputHasAlpha: true });
    for (let i = 0; i < grey.data.length; i++) grey.data[i] = (i * 37) & 255;
    const bytes = PNG.sync.write(grey, { colorType: 0 });
    expect(decodePngToMonochrome(bytes)).toEqual(toMonochrome({ width: 11, height: 3, data: new Uint8Array(PNG.sync.read(bytes).data) }));
    expect(() => decodePngToMonochrome(bytes, 0)).toThrow(/threshold must be in 1\.\.255/);
    expect(() => decodePngToMonochrome(Buffer.from('GIF89a not a png at all, really not'))).toThrow(/not a PNG/);
  });
});

describe('ChromiumRasterizer', () => {
  const kit = chromiumKit();
  afterAll(() => kit.rasterizer.close());

  it('relaunches after the browser process dies', async () => {
    const model = sampleReceipt();
    const { html } = receiptDocument(model, 384, kit.template);
    const first = await kit.rasterizer.rasterize(html, 384);
    // kill the Chromium this test process started (its direct children), by pid
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([pid, comm]) => pid && /chrom/.test(comm ?? ''))
      .map(([pid]) => Number(pid));
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, 'SIGKILL');
    // a job racing the kill fails with a typed error; one started after it was noticed relaunches at once
    const racing = await kit.rasterizer.rasterize(html, 384).then(
      () => null,
      (e: unknown) => e,
    );
    if (racing !== null) expect(racing).toBeInstanceOf(RasterizeError);
    const again = await kit.rasterizer.rasterize(html, 384);
    expect([again.bitmap.width, again.bitmap.height]).toEqual([first.bitmap.width, first.bitmap.height]);
    expect(Buffer.from(again.bitmap.data).equals(Buffer.from(first.bitmap.data))).toBe(true); // same pixels
  });
});

describe('system printers (printer:Name through an injected driver)', () => {
  const kit = chromiumKit();
  afterAll(() => kit.rasterizer.close());

  it('hands the raw job to the driver’s printDirect; status cannot be read, so it is unknown', async () => {
    const sent: { data: Buffer; printer: string; type: string }[] = [];
    // the API of the `printer` / `electron-printer` modules that node-thermal-printer calls (lib/interfaces/printer.js)
    const driver = {
      getPrinters: () => [{ name: 'TM-T20', attributes: ['RAW-ONLY'] }],
      getPrinter: (name: string) => ({ name, status: ['IDLE'] }),
      printDirect(job: { data: Buffer; printer: string; type: string; success: (id: number) => void }) {
        sent.push({ data: job.data, printer: job.printer, type: job.type });
        job.success(1);
      },
    };
    const raw = openRawPrinter({ address: 'printer:TM-T20', driver });
    expect(raw).toMatchObject({ kind: 'system', canReply: false });
    expect(await raw.isConnected()).toBe(true);
    const printer = new ReceiptPrinter({ printer: raw, kit, profile: { paperDots: 576 }, retryDelaysMs: [] });
    const model = sampleReceipt();
    expect((await printer.print(model)).state).toBe('printed');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ printer: 'TM-T20', type: 'RAW' });
    const decoded = decodeEscPos(sent[0]!.data);
    expect(commandNames(decoded).at(-1)).toBe('cut');
    expect(decodeQrWithJsqr(decodedImagePng(decoded))).toBe(model.qr);
    expect((await printer.status()).state).toBe('unknown');
  });

  it('refuses a system printer address without a driver', () => {
    expect(() => openRawPrinter({ address: 'printer:TM-T20' })).toThrow(/needs a system printer driver/);
  });

  it('cannot read replies from a system printer: printer.replies-unsupported, of kind unsupported', async () => {
    const driver = { getPrinters: () => [], getPrinter: (name: string) => ({ name, status: ['IDLE'] }), printDirect: () => undefined };
    const raw = openRawPrinter({ address: 'printer:TM-T20', driver });
    const refusal = await raw.sendAndRead(Uint8Array.of(0x10, 0x04, 1), 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(PrinterIoError);
    expect(refusal).toMatchObject({ code: 'printer.replies-unsupported', kind: 'unsupported', params: { printer: 'printer:TM-T20', connection: 'system' } });
    expect((refusal as PrinterIoError).text('ar')).toContain('printer:TM-T20');
  });
});
