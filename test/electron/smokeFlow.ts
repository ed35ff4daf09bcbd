// SPDX-License-Identifier: UNLICENSED
// The till's first minutes on a new terminal, driven as a shop would: the manager sets up the receipt printer, the
// cashier makes a training sale paid in cash, the receipt comes out, the manager exports the day. Used by
// `npm run smoke:electron` on the real Electron app, and run in browser mode by smokeFlow.test.ts so its every step
// is known to work here.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { decodeQr, type DecodedQr } from '../../app/qr/tlv';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { signIn, sellForCash, untilTrainingReady, useLanguage } from '../e2e/till';
import { decodedImagePng, decodeEscPos } from '../printer/escposDecoder';
import type { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import { decodeQrWithJsqr } from '../printer/printingHarness';

/** The factory PINs of a terminal in training mode. */
export const TRAINING_PINS = { manager: '1234', cashier: '0000' } as const;

const addressInput = '[data-test=printer-address]';

/** As the manager, in the manager screen's printer tab: saves the printer's address and reads it back. */
export async function setUpPrinter(page: Page, address: string): Promise<void> {
  await useLanguage(page, 'en');
  await signIn(page, 'Manager', TRAINING_PINS.manager);
  await page.keyboard.press('F7');
  await page.click('[data-test=tab-printer]');
  await page.waitForSelector(addressInput);
  await page.fill(addressInput, address);
  await page.selectOption('[data-test=printer-width]', '80');
  await page.click('[data-test=printer-save]');
  await page.waitForFunction(() => document.querySelector('.toast.ok') !== null);
  // what the terminal kept, not what the field shows: the tab loads the saved settings when it opens
  await page.click('[data-test=tab-status]');
  await page.click('[data-test=tab-printer]');
  await page.waitForFunction((a) => (document.querySelector('[data-test=printer-address]') as HTMLInputElement | null)?.value === a, address);
}

export interface PrintedSale {
  /** The training document's number as the till shows it. */
  readonly number: string;
  /** Bytes of the receipt's print job as the printer received them. */
  readonly receiptBytes: number;
  /** The QR read back from the printed raster, decoded. */
  readonly qr: DecodedQr;
}

/**
 * As the cashier: one item rung up by barcode and paid in cash; waits until the till says the receipt is printed,
 * then reads the printer's new job back: an ESC/POS raster whose QR decodes.
 */
export async function trainingSale(page: Page, printer: FakeEscPosPrinter): Promise<PrintedSale> {
  const jobsBefore = printer.jobs().length;
  await signIn(page, 'Cashier', TRAINING_PINS.cashier);
  // a first start prepares training mode in the background (main/app/modeController.ts): the sale needs it done
  await untilTrainingReady(page);
  const number = await sellForCash(page, [DEMO_PRODUCTS[0]!.barcodes[0]!], '10');
  await page.waitForSelector('[data-test=print-state][data-state=printed]');
  await printer.settled();
  const jobs = printer.jobs();
  if (jobs.length !== jobsBefore + 1) throw new Error(`the printer received ${jobs.length - jobsBefore} print jobs for one sale`);
  const bytes = jobs.at(-1)!.bytes;
  const text = decodeQrWithJsqr(decodedImagePng(decodeEscPos(bytes)));
  if (text === null) throw new Error(`no QR code in the printed receipt (${bytes.length} bytes)`);
  return { number, receiptBytes: bytes.length, qr: decodeQr(text) };
}

export interface ExportedDay {
  /** The zip's path as the manager screen reports it. */
  readonly path: string;
  /** The zip's entries as unzip lists them. */
  readonly entries: readonly string[];
}

/**
 * As the manager, in the manager screen's export tab: exports today's documents (the app writes the zip in a worker
 * thread of its own, main/export/documentExporter.ts) and reads the zip back with unzip; `number` must be in it.
 */
export async function exportToday(page: Page, number: string): Promise<ExportedDay> {
  await signIn(page, 'Manager', TRAINING_PINS.manager);
  await page.keyboard.press('F7');
  await page.click('[data-test=tab-export]');
  await page.click('[data-test=export-run]');
  await page.waitForFunction(() => /\.zip\s*$/.test(document.querySelector('[data-test=export-result]')?.textContent ?? ''));
  const shown = (await page.textContent('[data-test=export-result]')) ?? '';
  const file = /(\S+\.zip)\s*$/.exec(shown)![1]!;
  const entries = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
  if (!entries.some((e) => e.includes(`/${number}_`))) throw new Error(`the export ${file} does not hold ${number}: ${entries.join(', ')}`);
  return { path: file, entries };
}
