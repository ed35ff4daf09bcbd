// SPDX-License-Identifier: UNLICENSED
// Receipts from the counter, with the real template and Chromium rasterizer, to the fake network printer: the
// document is committed before the first byte reaches the printer; the printed QR is the stored one; a dead printer
// never costs the sale; reprints, previews and the printer test page go through the same pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PrintOutcome } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import { decodedImagePng, decodeEscPos } from '../printer/escposDecoder';
import { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import { decodeQrWithJsqr, decodeQrWithZbar } from '../printer/printingHarness';
import { clientOf, openTestApp, signIn, type Client } from './support';

describe('printing from the counter', { timeout: 120_000 }, () => {
  let app: DukkanApp;
  let dataDir: string;
  let printer: FakeEscPosPrinter;
  let cashier: Client;
  let manager: Client;
  const milk = () => app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;

  beforeAll(async () => {
    printer = await new FakeEscPosPrinter().start(0);
    ({ app, dataDir } = await openTestApp({
      rasterizer: new ChromiumRasterizer(),
      printer: { address: printer.address, paperWidth: 58 },
      printRetryDelaysMs: [50, 50],
    }));
    cashier = clientOf(app, 'till');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
  });
  afterAll(async () => {
    await app.close();
    await printer.close();
  });

  /** The next print event: the document, its outcome and when it came (performance.now()). */
  const nextPrint = () =>
    new Promise<{ number: string; outcome: PrintOutcome; after: number }>((resolve) => {
      const stop = app.subscribe((e) => {
        if (e.type === 'print') {
          stop();
          resolve({ number: e.number, outcome: e.outcome, after: performance.now() });
        }
      });
    });

  const lastJobPng = async () => {
    await printer.settled();
    return decodedImagePng(decodeEscPos(printer.jobs().at(-1)!.bytes));
  };

  it('prints only what is committed: the document is in the ledger before the first byte reaches the printer', async () => {
    const firstByte = printer.nextFirstByte();
    const print = nextPrint();
    const sale = cashier.call('sale.complete', {
      lines: [{ productId: milk(), quantity: '2' }],
      payments: [{ method: 'cash', amount: '20' }],
      saleId: randomUUID(),
    });
    await firstByte;
    // a second connection, as another process would see it
    const db = openDeviceDatabase(path.join(dataDir, 'training', DATABASE_FILE_NAME), { readonly: true });
    const committed = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents').get()!.n;
    db.close();
    expect(committed).toBe(1);
    const r = await sale;
    // the sale answers at its commit; the receipt's outcome follows as an event
    expect(r.print).toEqual({ state: 'printing', message: null });
    expect(await print).toMatchObject({ number: r.document.number, outcome: { state: 'printed', message: null } });
    const row = app.core.current().documents.byNumber(r.document.number)!;
    const png = await lastJobPng();
    expect(decodeQrWithJsqr(png)).toBe(row.qr);
    expect(await decodeQrWithZbar(png)).toEqual([row.qr]);
    // the cash sale opened the drawer (ESC p), after the receipt
    expect(decodeEscPos(printer.jobs().at(-1)!.bytes).commands.some((c) => c.type === 'drawer-kick')).toBe(true);
  });

  it('reprints a copy and previews the same receipt, QR unchanged', async () => {
    const found = (await cashier.call('receipts.find', { query: 'TR-000001' }))!;
    const jobs = printer.jobs().length;
    expect(await cashier.call('receipts.reprint', { number: found.document.number })).toEqual({ state: 'printed', message: null });
    expect(printer.jobs().length).toBe(jobs + 1);
    const qr = app.core.current().documents.byNumber('TR-000001')!.qr;
    expect(decodeQrWithJsqr(await lastJobPng())).toBe(qr);
    const preview = await cashier.call('receipts.preview', { number: 'TR-000001' });
    expect(preview.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(decodeQrWithJsqr(Buffer.from(preview.dataUrl.slice(preview.dataUrl.indexOf(',') + 1), 'base64'))).toBe(qr);
  });

  it('prints a test page through the same pipeline', async () => {
    expect(await manager.call('printer.testPrint', {})).toEqual({ state: 'printed', message: null });
    expect(await decodeQrWithZbar(await lastJobPng())).toHaveLength(1);
  });

  it('keeps the sale when the printer is gone, without waiting for it, says why by code, and prints once it is back', async () => {
    const port = printer.port;
    await printer.close();
    const print = nextPrint();
    const started = performance.now();
    const r = await cashier.call('sale.complete', {
      lines: [{ productId: milk(), quantity: '1' }],
      payments: [{ method: 'card', amount: '6.50' }],
      saleId: randomUUID(),
    });
    const answeredAfterMs = performance.now() - started;
    // complete at the commit: not after the connection attempts and retries that a dead printer costs
    expect(r.print).toEqual({ state: 'printing', message: null });
    expect(app.core.current().documents.byNumber(r.document.number)).toBeDefined();
    const failed = await print;
    expect(failed.number).toBe(r.document.number);
    expect(failed.outcome.state).toBe('failed');
    expect(failed.outcome.message).toMatch(/cannot reach/);
    // the reason travels by catalog code, so the banner can say it in Arabic too
    expect(failed.outcome.reason?.reason).toBe('print.printer-unreachable');
    expect(failed.after - started).toBeGreaterThan(answeredAfterMs);
    expect((await cashier.call('status.get', {})).printer.state).toBe('error');
    printer = await new FakeEscPosPrinter().start(port);
    expect(await cashier.call('receipts.reprint', { number: r.document.number })).toEqual({ state: 'printed', message: null });
    expect(decodeQrWithJsqr(await lastJobPng())).toBe(app.core.current().documents.byNumber(r.document.number)!.qr);
  });
});
