// SPDX-License-Identifier: UNLICENSED
// The manager's side through the contract on a real app: X/Z reports that add up to the signed documents, the
// zip export checked by unzip and Python's zipfile against the ledger's bytes, CSV import (all or nothing), users
// with hashed PINs, printer settings, and onboarding refusals in plain words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomUUID, scryptSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Decimal } from '../../app/money/decimal';
import { computeTotals } from '../../app/totals/computeTotals';
import type { DukkanApp } from '../../main/app/openApp';
import { DocumentExporter } from '../../main/export/documentExporter';
import { silentLogger } from '../../main/log/logger';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { clientOf, openTestApp, signIn, type Client } from './support';

describe('manager screens (through the dispatcher)', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let dataDir: string;
  let cashier: Client;
  let manager: Client;
  const numbers: string[] = [];

  beforeAll(async () => {
    // a second without calls before upkeep runs, so that the export test can keep the till busy for less than that
    ({ app, dataDir } = await openTestApp({ quietMs: 1_000 }));
    cashier = clientOf(app, 'till');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
  });
  afterAll(() => app.close());

  const product = (name: string) => app.core.catalog.list().find((p) => p.name.startsWith(name))!.id;

  it('imports a spreadsheet catalog all or nothing, with line numbers for every problem', async () => {
    const bad =
      '\uFEFFname;name_ar;barcode;price;price_includes_vat;vat_category;vat_rate;exemption_code\r\n' +
      'Tea 100 bags;"شاي، ١٠٠ كيس";6281234567897;12.50;yes;S;15;\r\n' +
      'Broken;;628;12,5x;maybe;S;15;\r\n' +
      'Insulin;انسولين;6281111111111;30;yes;Z;0;\r\n';
    const r1 = await manager.call('catalog.importCsv', { csv: bad });
    expect(r1.created).toBe(0);
    expect(r1.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r1.errors).toEqual([
      { line: 3, reason: 'csv.number', params: { row: 3, column: 'price', value: '12,5x', separator: '.' }, field: 'price' },
      { line: 4, reason: 'catalog.exemption-required', params: { category: 'Z' }, field: 'exemptionCode' },
    ]);
    expect(app.core.catalog.lookup('6281234567897')).toBeUndefined();

    const good =
      'name,name_ar,barcode,price,price_includes_vat,vat_category,vat_rate,exemption_code\n' +
      'Tea 100 bags,"شاي، ١٠٠ كيس",6281234567897|6281234567880,12.50,yes,S,15,\n' +
      'Insulin,انسولين,6281111111111,30,yes,Z,0,VATEX-SA-35\n' +
      '"Olive oil ""extra virgin""",,6289999999994,21.74,no,S,15,\n';
    const r2 = await manager.call('catalog.importCsv', { csv: good });
    expect(r2).toEqual({ created: 3, updated: 0, errors: [] });
    expect(app.core.catalog.lookup('6281234567880')).toMatchObject({ name: 'Tea 100 bags', nameAr: 'شاي، ١٠٠ كيس', price: '12.50' });
    expect(app.core.catalog.lookup('6289999999994')).toMatchObject({ name: 'Olive oil "extra virgin"', priceIncludesVat: false });
    // the same file again updates by barcode
    expect(await manager.call('catalog.importCsv', { csv: good.replace('12.50', '13.00') })).toEqual({ created: 0, updated: 3, errors: [] });
    expect(app.core.catalog.lookup('6281234567897')!.price).toBe('13.00');
  });

  it('refuses a barcode that belongs to another product and VAT rules that do not hold', async () => {
    const e = await manager.refusal('catalog.save', {
      name: 'Tea copy',
      barcodes: ['6281234567897'],
      price: '1',
      priceIncludesVat: true,
      vatCategory: 'S',
      vatRate: '15',
    });
    expect(e).toMatchObject({
      code: 'invalid-input',
      reason: 'catalog.barcode-taken',
      params: { barcode: '6281234567897', product: 'Tea 100 bags' },
      field: 'barcodes',
    });
    expect(e.message).toContain('already belongs to product Tea 100 bags');
    expect(
      await manager.refusal('catalog.save', { name: 'Odd', barcodes: [], price: '1', priceIncludesVat: true, vatCategory: 'S', vatRate: '0' }),
    ).toMatchObject({ reason: 'catalog.standard-rate', field: 'vatRate' });
    expect(
      await manager.refusal('catalog.save', { name: 'Odd', barcodes: [], price: '1', priceIncludesVat: true, vatCategory: 'E', vatRate: '0' }),
    ).toMatchObject({ reason: 'catalog.exemption-required', params: { category: 'E' }, field: 'exemptionCode' });
  });

  it('X report adds up the signed documents per VAT rate and payment method; Z closes the period', async () => {
    const sell = async (lines: { productId: number; quantity: string }[], payments: { method: 'cash' | 'card'; amount: string }[]) =>
      numbers.push((await cashier.call('sale.complete', { lines, payments, saleId: randomUUID() })).document.number);
    await sell(
      [
        { productId: product('Tea'), quantity: '2' },
        { productId: product('Insulin'), quantity: '1' },
      ],
      [{ method: 'card', amount: '56.00' }],
    );
    // an X report in between: the next one adds the later documents to what it already computed (main/reports)
    const early = await manager.call('reports.daily', { kind: 'X' });
    expect(early).toMatchObject({ documents: { invoices: 1, creditNotes: 0, debitNotes: 0 }, totals: { sales: '56.00', net: '56.00' } });
    await sell([{ productId: product('Olive'), quantity: '1' }], [{ method: 'cash', amount: '30' }]);
    const approvalId = (await cashier.call('approval.request', { pin: '1234', purpose: 'return' })).approvalId;
    const note = await cashier.call('returns.create', {
      originalNumber: numbers[0]!,
      lines: [{ lineId: 1, quantity: '1' }],
      reason: 'Wrong item',
      refundMethod: 'card',
      approvalId,
      requestId: randomUUID(),
    });

    const x = await manager.call('reports.daily', { kind: 'X' });
    expect(x).toMatchObject({ kind: 'X', number: null, documents: { invoices: 2, creditNotes: 1, debitNotes: 0 }, training: true });
    expect(x.totals).toEqual({ sales: '81.00', returns: '13.00', debits: '0.00', net: '68.00', vat: expect.any(String) });
    expect(x.payments).toEqual(
      expect.arrayContaining([
        { method: 'card', amount: '43.00' },
        { method: 'cash', amount: '25.00' },
      ]),
    );
    // independently: the VAT rows equal the sum over the stored documents recomputed by the engine
    const docs = [...numbers, note.document.number].map((n) => app.core.current().documents.byNumber(n)!);
    const expected = new Map<string, Decimal>();
    for (const d of docs) {
      const sign = d.kind === 'credit-note' ? Decimal.fromInt(-1) : Decimal.fromInt(1);
      for (const c of computeTotals(app.core.current().documents.documentOf(d)).categories) {
        const key = `${c.vatKey.category}|${c.vatKey.rate.toMinimal()}`;
        expected.set(key, (expected.get(key) ?? Decimal.ZERO).add(c.vat.mul(sign)));
      }
    }
    expect(Object.fromEntries(x.vat.map((v) => [`${v.category}|${v.rate}`, v.vat]))).toEqual(
      Object.fromEntries([...expected].map(([k, v]) => [k, v.toFixed(2)])),
    );
    expect(x.vat.find((v) => v.category === 'Z')).toMatchObject({ rate: '0', taxable: '30.00', vat: '0.00' });

    const z = await manager.call('reports.daily', { kind: 'Z' });
    expect(z).toMatchObject({ kind: 'Z', number: 1, totals: x.totals, documents: x.documents });
    const after = await manager.call('reports.daily', { kind: 'X' });
    expect(after.documents).toEqual({ invoices: 0, creditNotes: 0, debitNotes: 0 });
    expect(after.totals.net).toBe('0.00');
    // a second Z with nothing new is refused, naming the Z to reprint instead, and closes nothing
    expect(await manager.refusal('reports.daily', { kind: 'Z' })).toMatchObject({ reason: 'report.nothing-new', params: { number: 1 } });
    // the next period counts only its own documents
    await sell([{ productId: product('Olive'), quantity: '1' }], [{ method: 'card', amount: '25.00' }]);
    const next = await manager.call('reports.daily', { kind: 'X' });
    expect(next).toMatchObject({ documents: { invoices: 1, creditNotes: 0, debitNotes: 0 }, totals: { sales: '25.00', returns: '0.00', net: '25.00' } });
    expect(next.payments).toEqual([{ method: 'card', amount: '25.00' }]);
  });

  it('exports the period as a zip that unzip and Python accept, with every document byte for byte', async () => {
    const today = app.core.current().documents.byNumber(numbers[0]!)!.issue_date;
    const r = await manager.call('export.documents', { from: today, to: today });
    expect(r.documents).toBeGreaterThanOrEqual(3);
    expect(r.fileName).toMatch(/^dukkan-training-documents-/);
    expect(execFileSync('unzip', ['-t', r.path]).toString()).toMatch(/No errors detected/);
    const listing = JSON.parse(
      execFileSync('python3', [
        '-c',
        'import sys,zipfile,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))',
        r.path,
      ]).toString(),
    ) as Record<string, string>;
    const manifest = Buffer.from(listing['manifest.csv']!, 'base64').toString('utf8').trim().split('\r\n');
    expect(manifest).toHaveLength(r.documents + 1);
    for (const line of manifest.slice(1)) {
      const [number, uuid, , , , , , , hash, , file] = line.split(',');
      const row = app.core.current().documents.byNumber(number!)!;
      expect(row.uuid).toBe(uuid);
      expect(row.hash).toBe(hash);
      expect(Buffer.from(listing[file!]!, 'base64').equals(Buffer.from(row.xml))).toBe(true);
    }
    expect(readFileSync(r.path).length).toBe(r.bytes);
    expect(await manager.refusal('export.documents', { from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ code: 'invalid-input' });
    // a day the calendar does not have is refused by name, not read as the day after
    for (const day of ['2026-02-30', '2026-11-31', '2026-13-01']) {
      expect(await manager.refusal('export.documents', { from: day, to: '2026-12-31' })).toMatchObject({
        code: 'invalid-input',
        fields: expect.arrayContaining([expect.objectContaining({ path: 'from', reason: 'input.date' })]),
      });
    }
  });

  it('exports page by page off the event loop, of the documents there were when it was asked for', async () => {
    const olive = product('Olive');
    // more than one page of the export (main/export/exportDocuments.ts reads 64 at a time)
    for (let i = 0; i < 70; i++) {
      await cashier.call('sale.complete', { lines: [{ productId: olive, quantity: '1' }], payments: [{ method: 'cash', amount: '25' }], saleId: randomUUID() });
    }
    const today = app.core.current().documents.byNumber(numbers[0]!)!.issue_date;
    const before = app.core.current().documents.maxId();
    const inThreads = app.core.exporter.writtenInThreads;
    // the previous test's export gives its memory back once the till has been quiet for a second (quietMs above)
    await vi.waitFor(() => expect(app.core.exporter.pendingReleases).toBe(0), { timeout: 10_000 });
    const releases = app.core.exporter.memoryReleases;
    let loopTurned = false;
    const exporting = manager.call('export.documents', { from: today, to: today });
    setImmediate(() => (loopTurned = true));
    // a sale during the export is answered and belongs to the next export
    const during = await cashier.call('sale.complete', {
      lines: [{ productId: olive, quantity: '1' }],
      payments: [{ method: 'cash', amount: '25' }],
      saleId: randomUUID(),
    });
    const r = await exporting;
    expect(loopTurned).toBe(true); // the export ran in a worker thread, and the event loop went on meanwhile
    expect(app.core.exporter.writtenInThreads).toBe(inThreads + 1); // not the main thread's fallback
    // once its thread had ended, glibc gave what it had freed back to the system (native/memory), but not while the
    // till was answering calls: a sale answered during the trim costs the main thread more (main/app/quietMoments.ts)
    const busyUntil = performance.now() + 1_500;
    while (performance.now() < busyUntil) {
      await cashier.call('session.get', {});
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(app.core.exporter.memoryReleases).toBe(releases);
    expect(app.core.exporter.pendingReleases).toBe(1);
    await vi.waitFor(() => expect(app.core.exporter.memoryReleases).toBe(releases + 1), { timeout: 10_000 });
    expect(app.core.exporter.pendingReleases).toBe(0);
    const names = execFileSync('unzip', ['-Z1', r.path]).toString().trim().split('\n');
    const inPeriod = app.core
      .current()
      .db.prepare<[string, number], { number: string; uuid: string }>(
        'SELECT number, uuid FROM documents WHERE issue_date = ? AND id <= ? ORDER BY chain_id, icv',
      )
      .all(today, before);
    expect(r.documents).toBe(inPeriod.length);
    expect(names.slice(0, -2)).toEqual(inPeriod.map((d) => `${today}/${d.number}_${d.uuid}.xml`));
    expect(names.slice(-2)).toEqual(['manifest.csv', 'audit-trail.csv']);
    expect(names.some((n) => n.includes(`/${during.document.number}_`))).toBe(false);
  });

  it('an export stopped with the app fails by name and leaves no file behind', async () => {
    const today = app.core.current().documents.byNumber(numbers[0]!)!.issue_date;
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-export-stopped-'));
    const exporter = new DocumentExporter({ threads: true, logger: silentLogger });
    const folder = app.core.current();
    const exporting = exporter.export(folder.db, folder.options.file, { from: today, to: today, dir, now: new Date(), training: true });
    const outcome = exporting.then(
      () => 'finished',
      (e: unknown) => e,
    );
    // stopped while the worker writes the zip: its unfinished file is there, then gone with the thread
    while (readdirSync(dir).length === 0) await new Promise((r) => setImmediate(r));
    expect(readdirSync(dir)[0]).toMatch(/^\.dukkan-training-documents-.*\.tmp$/);
    await exporter.close();
    expect(await outcome).toMatchObject({ code: 'worker.closed', params: { task: 'export.documents' } });
    expect(readdirSync(dir)).toEqual([]);
    await expect(exporter.export(folder.db, folder.options.file, { from: today, to: today, dir, now: new Date(), training: true })).rejects.toMatchObject({
      code: 'worker.closed',
    });
  });

  it('keeps PINs hashed, changes them, and never leaves the terminal without a manager', async () => {
    const created = await manager.call('users.save', { name: 'Sara', role: 'cashier', pin: '4821' });
    const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    const stored = db
      .prepare<[number], { pin_salt: Buffer; pin_hash: Buffer; pin_params: string }>('SELECT pin_salt, pin_hash, pin_params FROM users WHERE id = ?')
      .get(created.id)!;
    db.close();
    expect(stored.pin_salt).toHaveLength(16);
    expect(stored.pin_hash).toHaveLength(32);
    // the hash is scrypt(PIN, salt) with the stored parameters, checked with node:crypto independently
    expect(scryptSync('4821', stored.pin_salt, 32, { N: 16384, r: 8, p: 1 }).equals(stored.pin_hash)).toBe(true);
    expect(JSON.parse(stored.pin_params)).toEqual({ N: 16384, r: 8, p: 1, keylen: 32 });
    const sara = clientOf(app, 'till-sara');
    expect(await sara.refusal('session.login', { userId: created.id, pin: '0000' })).toMatchObject({ code: 'wrong-pin' });
    await sara.call('session.login', { userId: created.id, pin: '4821' });
    const boss = app.core.users.list().find((u) => u.role === 'manager')!;
    expect(await manager.refusal('users.save', { id: boss.id, name: boss.name, role: 'cashier' })).toMatchObject({
      code: 'invalid-input',
      reason: 'user.last-manager',
      field: 'role',
      message: expect.stringContaining('at least one active manager'),
    });
    // once the factory PINs are changed the sign-in screen stops showing them
    const cashierUser = app.core.users.list().find((u) => u.name === 'Cashier')!;
    await manager.call('users.save', { id: cashierUser.id, name: 'Cashier', role: 'cashier', pin: '7391' });
    await manager.call('users.save', { id: boss.id, name: boss.name, role: 'manager', pin: '5520' });
    expect((await cashier.call('session.get', {})).defaultPinsHint).toBeNull();
  });

  it('saves printer settings, refusing addresses it cannot drive', async () => {
    expect(await manager.call('printer.save', { address: 'tcp://192.168.1.50:9100', paperWidth: 58 })).toEqual({
      address: 'tcp://192.168.1.50:9100',
      paperWidth: 58,
    });
    expect(await manager.call('printer.get', {})).toEqual({ address: 'tcp://192.168.1.50:9100', paperWidth: 58 });
    expect(await manager.refusal('printer.save', { address: 'http://evil/', paperWidth: 80 })).toMatchObject({
      code: 'invalid-input',
      fields: [{ path: 'address', reason: 'input.printer-address' }],
    });
    expect(await manager.refusal('printer.save', { address: 'printer:Office', paperWidth: 80 })).toMatchObject({
      code: 'invalid-input',
      reason: 'printer.system-queue-unsupported',
      message: expect.stringContaining('printer driver'),
    });
    await manager.call('printer.save', { address: null, paperWidth: 80 });
  });

  it('explains a refused onboarding by catalog code, field by field, and stays in training', async () => {
    const shop = {
      vatNumber: '123',
      crn: '1010010000',
      sellerName: { ar: 'متجر', en: 'Shop' },
      branch: 'فرع',
      industry: 'Retail',
      address: { street: 'x', building: '12', district: 'd', city: 'c', postalCode: '1234' },
    };
    const p = await manager.call('onboarding.start', { environment: 'simulation', otp: '123456', shop });
    expect(p.state).toBe('failed');
    expect(p.error).toMatchObject({ code: 'invalid-input', reason: 'onboarding.invalid-input' });
    expect(p.error!.fields).toEqual(
      expect.arrayContaining([
        { path: 'vatNumber', reason: 'shop.vat-number', params: {} },
        { path: 'branch', reason: 'shop.latin-only', params: { field: 'branch' } },
        { path: 'address.building', reason: 'shop.building-number', params: {} },
        { path: 'address.postalCode', reason: 'shop.postal-code', params: {} },
      ]),
    );
    expect(app.mode()).toBe('training');
    expect(await manager.refusal('onboarding.start', { environment: 'simulation', otp: '12', shop })).toMatchObject({
      code: 'invalid-input',
      reason: 'api.invalid-input',
      fields: [{ path: 'otp', reason: 'input.otp', params: {} }],
    });
  });
});
