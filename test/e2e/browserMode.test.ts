// SPDX-License-Identifier: UNLICENSED
// End to end, in Debian's Chromium, against `npm run start:browser` as a real process, with the Fatoora simulator
// (main/fatooraSimulator) and the fake network receipt printer (test/printer) as its outside world:
//   training mode on first run → onboarding with an OTP → the manager's factory PIN replaced, the training users gone,
//   the cashier added by the manager (live terminals refuse factory PINs)
//   → a sale printed and its QR verified → the simulator taken down, 20 sales, brought back, all reported → a return
//   as a credit note → the Arabic screen.
// The flows share one terminal, in order, as a shop would live through them. Each saves a screenshot under
// test-output/e2e/ (reviewed copies are committed in test/e2e/screenshots/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { decodeQr } from '../../app/qr/tlv';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { DocumentRow } from '../../main/ledger/ledgerStore';
import { decodedImagePng, decodeEscPos } from '../printer/escposDecoder';
import { verifyDocument } from '../../main/zatca/verifier';
import { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import { decodeQrWithJsqr, decodeQrWithZbar } from '../printer/printingHarness';
import { startBrowserModeProcess, type BrowserModeProcess } from './browserModeProcess';
import {
  chipText,
  enterPin,
  launchChromium,
  openTill,
  scan,
  screenshot,
  SCREENSHOT_DIR,
  sellForCash,
  signIn,
  typeNewPin,
  untilTrainingReady,
  useLanguage,
} from './till';

const OTP = '246810';
/** The PINs the manager and the cashier choose once the terminal is live (the factory 1234 / 0000 stop working). */
const MANAGER_PIN = '864209';
const CASHIER_PIN = '2580';
const barcode = (i: number) => DEMO_PRODUCTS[i]!.barcodes[0]!;
const MILK = barcode(0);
const BREAD = barcode(1);
const DATES = barcode(2);
const RICE = barcode(5);

describe('the cashier app in browser mode', { timeout: 240_000 }, () => {
  let sim: FatooraSimulator;
  let simPort: number;
  let simState: string;
  let printer: FakeEscPosPrinter;
  let app: BrowserModeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let firstSale = '';

  const db = () => openDeviceDatabase(path.join(app.dataDir, DATABASE_FILE_NAME), { readonly: true });
  const documentByNumber = (number: string): DocumentRow => {
    const d = db();
    try {
      return d.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE number = ? ORDER BY id DESC LIMIT 1').get(number)!;
    } finally {
      d.close();
    }
  };
  const jobState = (id: number): string => {
    const d = db();
    try {
      return d.prepare<[number], { state: string }>('SELECT state FROM reporting_jobs WHERE document_id = ?').get(id)!.state;
    } finally {
      d.close();
    }
  };

  beforeAll(async () => {
    printer = await new FakeEscPosPrinter().start(0);
    app = await startBrowserModeProcess({ args: ['--printer', printer.address, '--paper', '80'] });
    simState = path.join(app.dataDir, 'outside-fatoora');
    sim = await startFatooraSimulator({ stateDir: simState, otps: [OTP] });
    simPort = sim.port;
    // the terminal learns the simulator's URL at start: restart it with --fatoora-url now that the port is known
    await app.stop();
    app = await startBrowserModeProcess({ dataDir: app.dataDir, args: ['--printer', printer.address, '--paper', '80', '--fatoora-url', sim.url] });
    browser = await launchChromium();
    ({ page, problems } = await openTill(browser, app.launchUrl));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.close();
    await printer?.close();
  });

  it('opens in training mode on first run, marked on screen', async () => {
    await useLanguage(page, 'en');
    expect(await page.isVisible('#training-banner')).toBe(true);
    expect(await page.textContent('#training-banner')).toContain('TRAINING MODE');
    expect(await page.textContent('[data-test=default-pins]')).toContain('1234');
    await signIn(page, 'Cashier', '0000');
    expect(await page.isVisible('[data-test=training-badge]')).toBe(true);
    // the first start's training onboarding was cut short by the restart above: finished in the background now,
    // with the till open and saying so while it runs
    await untilTrainingReady(page);
    await screenshot(page, '1-training-mode');
  });

  it('onboards with an OTP from the portal: plain-language error for a wrong one, then connected', async () => {
    await signIn(page, 'Manager', '1234');
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-test=ob-vatNumber]');
    await page.selectOption('[data-test=ob-environment]', 'local-simulator');
    const fill: Record<string, string> = {
      vatNumber: '399999999900003',
      crn: '1010010000',
      nameAr: 'بقالة النخيل',
      nameEn: 'Al Nakheel Grocery',
      branch: 'Olaya Branch',
      industry: 'Retail',
      street: 'شارع العليا',
      building: '2322',
      district: 'العليا',
      city: 'الرياض',
      postalCode: '12211',
    };
    for (const [field, value] of Object.entries(fill)) await page.fill(`[data-test=ob-${field}]`, value);
    await page.fill('[data-test=ob-otp]', '111111');
    await page.click('[data-test=ob-start]');
    const error = await page.waitForSelector('[data-test=ob-error]');
    expect(await error.textContent()).toMatch(/OTP|one-time password/i);
    expect(await page.isVisible('#training-banner')).toBe(true);

    await page.fill('[data-test=ob-otp]', OTP);
    await page.click('[data-test=ob-start]');
    // live now: the manager, still signed in with the factory PIN, must choose their own before anything else
    await page.waitForSelector('[data-test=pin-change]', { timeout: 60_000 });
    await page.waitForFunction(() => (document.getElementById('training-banner') as HTMLElement).hidden);
    await screenshot(page, '2-choose-own-pin');
    // a PIN main refuses (one digit repeated): the screen says why, keeps the current PIN and asks for a new one again
    await typeNewPin(page, '1234', '1111');
    await page.waitForFunction(() => /one digit repeated/.test(document.querySelector('[data-test=pin-change-error]')?.textContent ?? ''));
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-test') === 'new-pin');
    for (const value of [MANAGER_PIN, MANAGER_PIN]) {
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
    await page.waitForSelector('[data-test=pin-change]', { state: 'detached' });
    // back where onboarding ended: the wizard with every step done
    await page.waitForSelector('[data-test=ob-done]');
    expect(await page.isVisible('#training-banner')).toBe(false);
    await screenshot(page, '2-onboarded');
    // the simulator issued a production CSID for this terminal's CSR
    expect(sim.records.csids().some((c) => c.kind === 'production')).toBe(true);
    await page.keyboard.press('Alt+1');
    await page.waitForFunction(() => document.querySelector('[data-test=environment]')?.textContent?.includes('simulator'));
    expect(await page.textContent('[data-test=mode]')).toContain('Live');
  });

  it('keeps no training user once live: the manager adds the cashier, in Arabic, and no factory PIN is taken', async () => {
    await page.click('[data-test=sign-out]');
    await page.waitForSelector('[data-test=pin]');
    // going live removed the training cashier (factory PIN 0000): gone from the list, not merely blocked
    expect(await page.$('[data-test="user-Cashier"]')).toBeNull();
    await signIn(page, 'Manager', MANAGER_PIN);
    await useLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.keyboard.press('F7');
    await page.click('[data-test=tab-users]');
    await page.click('[data-test=new-user]');
    await page.fill('[data-test=u-name]', 'Cashier');
    await page.selectOption('[data-test=u-role]', 'cashier');
    // main refuses a factory PIN for anyone on a live terminal, and says so in the screen's language
    await page.fill('[data-test=u-pin]', '0000');
    await page.click('[data-test=u-save]');
    await page.waitForFunction(() => /افتراضي/.test(document.querySelector('.user-form [role=alert]')?.textContent ?? ''));
    await screenshot(page, '2-cashier-factory-pin-arabic');
    await page.fill('[data-test=u-pin]', CASHIER_PIN);
    await page.click('[data-test=u-save]');
    await page.waitForFunction(() => /Cashier/.test(document.querySelector('[data-test=users]')?.textContent ?? ''));
    await useLanguage(page, 'en');
    await signIn(page, 'Cashier', CASHIER_PIN);
    // the factory PIN never opens the cashier's account
    await enterPin(page, 'Cashier', '0000');
    await page.waitForFunction(() => /Wrong PIN/.test(document.querySelector('[data-test=login-error]')?.textContent ?? ''));
  });

  it('sells, prints the receipt after the commit, and the printed QR is the signed document’s', async () => {
    await signIn(page, 'Cashier', CASHIER_PIN);
    const jobsBefore = printer.jobs().length;
    firstSale = await sellForCash(page, [MILK, BREAD, RICE], '100');
    expect(firstSale).toMatch(/^T1-\d{6}$/);
    await page.waitForSelector('[data-test=print-state][data-state=printed]');
    await screenshot(page, '3-sale-printed');

    const row = documentByNumber(firstSale);
    // the document was verified as stored: stamp, business rules, XSD
    const report = verifyDocument(row.xml, { now: new Date() });
    expect(report.valid, JSON.stringify(report.findings.slice(0, 3))).toBe(true);
    // what the printer received: one new job; decode its raster and read the QR back two independent ways
    await printer.settled();
    const jobs = printer.jobs();
    expect(jobs.length).toBe(jobsBefore + 1);
    const png = decodedImagePng(decodeEscPos(jobs.at(-1)!.bytes));
    writeFileSync(path.join(SCREENSHOT_DIR, '3-printed-receipt.png'), png);
    expect(decodeQrWithJsqr(png)).toBe(row.qr);
    expect(await decodeQrWithZbar(png)).toEqual([row.qr]);
    // and the QR is the document's: tag 6 is the invoice hash in the signed XML
    expect(decodeQr(row.qr).fields.invoiceHash).toBe(row.hash);
    expect(Buffer.from(row.xml).toString('utf8')).toContain(
      `<cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${row.qr}</cbc:EmbeddedDocumentBinaryObject>`,
    );
  });

  it('keeps selling with Fatoora down (20 sales), then reports all of them once it is back', async () => {
    await page.waitForFunction(() => document.querySelector('[data-test=waiting]')?.textContent?.endsWith(' 0'), undefined, { timeout: 30_000 });
    await sim.close();
    const numbers: string[] = [];
    for (let i = 0; i < 20; i++) numbers.push(await sellForCash(page, [i % 2 ? MILK : DATES], '50'));
    expect(new Set(numbers).size).toBe(20);
    await page.waitForFunction(() => document.querySelector('[data-test=connectivity]')?.getAttribute('data-state') === 'bad', undefined, { timeout: 60_000 });
    expect(await chipText(page, 'connectivity')).toBe('Offline');
    // the strip refreshes on the reporting worker's events, which may trail the last sale's answer
    await page
      .waitForFunction(() => document.querySelector('[data-test=waiting]')?.textContent?.replace(/\D+/g, '') === '20', undefined, { timeout: 15_000 })
      .catch(() => undefined);
    expect(Number((await chipText(page, 'waiting')).replace(/\D+/g, ''))).toBe(20);
    expect(await chipText(page, 'deadline')).toMatch(/Next deadline: 2[34] h/);
    await screenshot(page, '4-offline-20-waiting');

    sim = await startFatooraSimulator({ port: simPort, stateDir: simState });
    // the manager does not have to wait for the next connectivity probe
    await signIn(page, 'Manager', MANAGER_PIN);
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+1');
    await page.click('[data-test=retry-now]');
    await page.waitForFunction(() => document.querySelector('[data-test=waiting]')?.textContent?.endsWith(' 0'), undefined, { timeout: 120_000 });
    expect(await chipText(page, 'connectivity')).toBe('Online');
    await screenshot(page, '4-back-online-all-reported');
    const reported = sim.records.reported();
    for (const n of numbers) {
      const row = documentByNumber(n);
      expect(jobState(row.id)).toBe('reported');
      expect(reported.filter((r) => r.invoiceHash === row.hash)).toHaveLength(1);
    }
  });

  it('returns a line as a credit note against the original invoice', async () => {
    await signIn(page, 'Cashier', CASHIER_PIN);
    await page.keyboard.press('F6');
    await page.waitForSelector('[data-test=receipt-query]');
    await page.keyboard.type(firstSale);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test=pick-1]');
    await page.keyboard.press('Space'); // line 1 is focused: pick it
    await page.fill('[data-test=qty-1]', '1');
    await page.fill('[data-test=reason]', 'Damaged / تالف');
    await page.keyboard.press('F8');
    await page.waitForSelector('[data-test=manager-pin]');
    await page.keyboard.type(MANAGER_PIN);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.toast.ok')?.textContent?.includes('Credit note'));
    await page.waitForFunction(
      () => /Returned/.test(document.querySelector('[data-test=receipt-details]')?.textContent ?? '') && document.querySelector('.note-ref') !== null,
    );
    await screenshot(page, '5-credit-note');
    const noteNumber = (await page.textContent('.note-ref .num'))!.trim();
    const note = documentByNumber(noteNumber);
    expect(note.kind).toBe('credit-note');
    expect(note.billing_reference).toBe(firstSale);
    const xml = Buffer.from(note.xml).toString('utf8');
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(xml).toContain(`<cbc:ID>${firstSale}</cbc:ID>`);
    expect(verifyDocument(note.xml, { now: new Date() }).valid).toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-test=waiting]')?.textContent?.endsWith(' 0'), undefined, { timeout: 60_000 });
    expect(sim.records.reported().some((r) => r.invoiceHash === note.hash)).toBe(true);
  });

  it('shows the whole till in Arabic, right to left', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test=scan]');
    await useLanguage(page, 'ar');
    await scan(page, MILK);
    await scan(page, DATES);
    await page.waitForFunction(() => document.querySelectorAll('[data-test=cart] tr[data-test^=line-]').length === 2);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await chipText(page, 'connectivity')).toBe('متصل');
    // the complete button lives in the payment panel, opened by the pay button
    expect(await page.textContent('[data-test=pay]')).toContain('الدفع');
    // mirrored: the totals column is on the left of the till in RTL
    const till = (await page.locator('.till').boundingBox())!;
    const side = (await page.locator('.side').boundingBox())!;
    expect(side.x).toBeLessThan(till.x);
    await screenshot(page, '6-arabic-rtl');
  });

  it('gives the manager the sync log with Fatoora’s answers and a daily X report, by keyboard', async () => {
    await page.keyboard.press('Alt+n');
    await page.click('[data-test=confirm-yes]');
    await useLanguage(page, 'en');
    await signIn(page, 'Manager', MANAGER_PIN);
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+3');
    await page.waitForFunction(() => (document.querySelector('[data-test=sync-log]')?.querySelectorAll('tr').length ?? 0) > 20);
    const log = (await page.textContent('[data-test=sync-log]'))!;
    expect(log).toContain('accepted');
    expect(log).toMatch(/unknown-outcome|retryable/); // the attempts made while Fatoora was down are on record
    await screenshot(page, '7-sync-log');
    await page.keyboard.press('Alt+7');
    await page.click('[data-test=x-report]');
    await page.waitForSelector('[data-test=report] table');
    const report = (await page.textContent('[data-test=report]'))!;
    expect(report).toContain('Invoices21');
    expect(report).toContain('Credit notes1');
    await screenshot(page, '7-x-report');
    expect(problems).toEqual([]);
  });
});
