// SPDX-License-Identifier: UNLICENSED
// The steps `npm run smoke:electron` takes in the Electron app, taken here in browser mode (the same renderer and
// composition root, in Debian's Chromium): a fresh terminal whose printer is set up only through the manager screen,
// then a training sale whose receipt reaches the fake network printer with a readable QR, then the day's export from
// the manager screen. What differs in Electron (IPC instead of HTTP, receipts rasterised by Electron, the export's
// worker bundle carrying better-sqlite3) is what the smoke run adds on a machine with the binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserModeProcess, type BrowserModeProcess } from '../e2e/browserModeProcess';
import { launchChromium, openTill } from '../e2e/till';
import { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import { exportToday, setUpPrinter, trainingSale } from './smokeFlow';

describe('the smoke run’s till steps, in browser mode', { timeout: 180_000 }, () => {
  let printer: FakeEscPosPrinter;
  let app: BrowserModeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    printer = await new FakeEscPosPrinter().start(0);
    app = await startBrowserModeProcess();
    browser = await launchChromium();
    ({ page, problems } = await openTill(browser, app.launchUrl));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('sets up the printer from the manager screen of a terminal that had none', async () => {
    expect(await page.textContent('[data-test=default-pins]')).toContain('0000');
    await setUpPrinter(page, printer.address);
    expect(printer.jobs()).toEqual([]);
  });

  let number = '';

  it('sells in training mode and prints the receipt, QR included, to that printer', async () => {
    const sale = await trainingSale(page, printer);
    number = sale.number;
    expect(sale.number).toMatch(/^TR-\d{6}$/);
    expect(sale.receiptBytes).toBeGreaterThan(1000);
    expect(sale.qr.fields.totalWithVat).toBe('6.50');
    expect(problems).toEqual([]);
  });

  it('exports the day from the manager screen: a zip with the sale, its manifest and the audit trail', async () => {
    const exported = await exportToday(page, number);
    expect(exported.path).toMatch(/dukkan-training-documents-.*\.zip$/);
    expect(exported.entries.filter((e) => e.endsWith('.xml'))).toEqual([expect.stringContaining(`/${number}_`)]);
    expect(exported.entries.slice(-2)).toEqual(['manifest.csv', 'audit-trail.csv']);
    expect(problems).toEqual([]);
  });
});
