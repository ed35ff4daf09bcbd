// SPDX-License-Identifier: UNLICENSED
// The catalog managed once on the store server's manager page (docs/store-server.md, "Manager page"), on PGlite and
// PostgreSQL: a product added, changed and removed by the page's form reaches a till that pulls it into its own
// SQLite catalog; a product the tills could not use is refused at the server — by the form, keeping what was typed,
// and by the JSON API — naming the field and the rule, storing nothing; the section speaks Arabic on the Arabic page
// and escapes what was typed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCredentials } from '../../main/storeSync/storeClient';
import type { MasterDataChange } from '../../app/contract/storeSync';
import { CatalogStore } from '../../main/catalog/catalogStore';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { applyMasterData } from '../../main/storeSync/masterDataApply';
import { pullMasterData } from '../../main/storeSync/masterDataPull';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { enrolledTerminal, managerCall } from './storeFixtures';

const TOKEN = 'manager-catalog-token';
const TEA = {
  key: 'TEA-100',
  name: 'Green tea 100 bags',
  nameAr: 'شاي أخضر ١٠٠ كيس',
  barcodes: '6291234500109, 6291234500116',
  price: '18.50',
  priceIncludesVat: 'true',
  vatCategory: 'S',
  vatRate: '15',
  exemptionCode: '',
  unit: 'piece',
  active: 'true',
};

describe.each(useStorageBackends())('the catalog on the manager page on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  let db: SqliteDatabase;
  let credentials: StoreCredentials;
  let cursor = 0;
  beforeAll(async () => {
    db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-catalog-')), 'dukkan.sqlite'));
    credentials = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till C');
  });
  afterAll(() => db?.close());

  /** The till's pull: every change after its cursor, applied to its own SQLite catalog as the pull worker does. */
  const pull = async () => {
    const changes: MasterDataChange[] = [];
    const version = await pullMasterData(credentials, cursor, (c) => changes.push(c));
    applyMasterData(db, changes, version, { terminalId: credentials.terminalId, at: new Date() });
    cursor = version;
    return changes;
  };
  const tillProduct = (barcode: string) => new CatalogStore(db).lookup(barcode);
  const page = async (query = '') =>
    (await managerFetch(new URL(`/manager${query}`, running.server.url), { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const post = async (route: string, fields: Record<string, string>) => {
    const answer = await managerFetch(new URL(route, running.server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: answer.status, html: await answer.text() };
  };
  const stored = (key: string) =>
    running.storage.query<{ version: number; body: Record<string, unknown> | null }>(
      "SELECT version, body FROM master_data WHERE kind = 'product' AND key = $1",
      [key],
    );
  const all = () => running.storage.query('SELECT kind, key, version, body FROM master_data ORDER BY kind, key');

  it('adds a product by the form, lists it, and a till pulls it; a price change and a removal follow', async () => {
    await pull();
    const added = await post('/manager/catalog?lang=en', TEA);
    expect(added.status).toBe(200);
    const [first] = await stored(TEA.key);
    expect(first!.body).toEqual({
      name: TEA.name,
      nameAr: TEA.nameAr,
      barcodes: ['6291234500109', '6291234500116'],
      price: '18.50',
      priceIncludesVat: true,
      vatCategory: 'S',
      vatRate: '15',
      active: true,
      unit: 'piece',
    });
    expect(added.html).toContain(`Saved: ${TEA.key}, version ${first!.version}.`);
    expect(added.html).toMatch(
      /<td>TEA-100<\/td><td>Green tea 100 bags<\/td><td>شاي أخضر ١٠٠ كيس<\/td><td>6291234500109 6291234500116<\/td><td>18.50<\/td><td>S 15%<\/td><td>yes<\/td>/,
    );

    expect((await pull()).map((c) => [c.key, c.version])).toEqual([[TEA.key, first!.version]]);
    expect(tillProduct('6291234500116')).toMatchObject({ name: TEA.name, nameAr: TEA.nameAr, price: '18.50', vatCategory: 'S', vatRate: '15', active: true });

    // ?edit= fills the form from the stored body; the changed price is the till's at its next pull
    const edit = await page(`?lang=en&edit=${TEA.key}`);
    expect(edit).toContain('name="price" value="18.50"');
    expect(edit).toContain('name="barcodes" value="6291234500109 6291234500116"');
    const changed = await post('/manager/catalog?lang=en', { ...TEA, price: '19.75' });
    expect(changed.status).toBe(200);
    const [second] = await stored(TEA.key);
    expect(second!.version).toBeGreaterThan(first!.version);
    await pull();
    expect(tillProduct('6291234500109')).toMatchObject({ price: '19.75', active: true });

    // removed: the server's body is null and the till keeps the product, inactive
    const removed = await post('/manager/catalog/remove?lang=en', { key: TEA.key });
    expect(removed.status).toBe(200);
    expect(removed.html).toContain(`Removed: ${TEA.key}`);
    expect(await stored(TEA.key)).toEqual([{ version: expect.any(Number), body: null }]);
    expect(removed.html).not.toContain('<td>TEA-100</td>');
    await pull();
    expect(tillProduct('6291234500109')).toMatchObject({ name: TEA.name, price: '19.75', active: false });
  });

  it('refuses a bad price or barcode from the form, naming the field, storing nothing, keeping what was typed', async () => {
    const before = await all();
    const price = await post('/manager/catalog?lang=en', { ...TEA, key: 'RICE-5', name: 'Basmati rice 5 kg', price: '12,50' });
    expect(price.status).toBe(400);
    expect(price.html).toContain('data-test="catalog-refusal"');
    expect(price.html).toMatch(/<code>price<\/code>: [^<]*price/i);
    expect(price.html).toContain('name="key" value="RICE-5"');
    expect(price.html).toContain('name="name" value="Basmati rice 5 kg"');
    expect(price.html).toContain('name="price" value="12,50"');

    const barcode = await post('/manager/catalog?lang=ar', { ...TEA, key: 'RICE-5', barcodes: '6291234500123 ٦٢٩١٢٣٤', price: '12.50' });
    expect(barcode.status).toBe(400);
    expect(barcode.html).toContain('<code>barcodes.1</code>');
    expect(barcode.html).toContain('name="barcodes" value="6291234500123 ٦٢٩١٢٣٤"');
    expect(barcode.html).toMatch(/lang="ar"/);

    // the till catalog's VAT rule, beyond the schema: a zero-rated product needs its exemption reason
    const vat = await post('/manager/catalog?lang=en', { ...TEA, key: 'RICE-5', vatCategory: 'Z', vatRate: '0' });
    expect(vat.status).toBe(400);
    expect(vat.html).toMatch(/<code>exemptionCode<\/code>: Category Z products need a ZATCA exemption reason code/);
    expect(await all()).toEqual(before);
  });

  it('refuses the same bad bodies through /manager/api/master-data, storing nothing', async () => {
    const before = await all();
    const put = (body: unknown) => managerCall(running.server.url, TOKEN, '/manager/api/master-data', { kind: 'product', key: 'RICE-5', body });
    const price = await put({ name: 'Basmati rice 5 kg', price: '12,50' });
    expect(price.status).toBe(400);
    expect(price.body.error.problems).toEqual([{ path: 'body.price', code: 'input.price', params: {}, en: expect.any(String), ar: expect.any(String) }]);
    const barcode = await put({ name: 'Basmati rice 5 kg', price: '12.50', barcodes: ['6291234500123', 'a b'] });
    expect(barcode.status).toBe(400);
    expect(barcode.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['body.barcodes.1']);
    const vat = await put({ name: 'Basmati rice 5 kg', price: '12.50', vatCategory: 'S', vatRate: '0' });
    expect(vat.status).toBe(400);
    expect(vat.body.error.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([['body.vatRate', 'catalog.standard-rate']]);
    expect(vat.body.error.ar).toMatch(/[\u0600-\u06FF]/);
    expect(await all()).toEqual(before);
  });

  it('shows the section in Arabic on the Arabic page and escapes HTML typed in a name', async () => {
    const added = await post('/manager/catalog?lang=ar', { ...TEA, key: 'X<1>', name: '<b>Bold</b> & "dates"', barcodes: '' });
    expect(added.status).toBe(200);
    const ar = await page('?lang=ar&product=bold');
    expect(ar).toContain('الأصناف (يستلمها كل صندوق خلال دقيقة)');
    expect(ar).toContain('حفظ الصنف');
    expect(ar).toContain('<td>X&lt;1&gt;</td><td>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;dates&quot;</td>');
    expect(ar).not.toContain('<b>Bold</b>');
    // the search finds by barcode and by key too, and the list leaves out what does not match
    const byBarcode = await page('?lang=en&product=6291234500109');
    expect(byBarcode).not.toContain('<td>X&lt;1&gt;</td>');
    expect(await page('?lang=en&product=x%3C1')).toContain('<td>X&lt;1&gt;</td>');
  });

  it('shows at most 200 products and says when more match', async () => {
    for (let i = 0; i < 201; i++) {
      const answer = await managerCall(running.server.url, TOKEN, '/manager/api/master-data', {
        kind: 'product',
        key: `BULK-${String(i).padStart(3, '0')}`,
        body: { name: `Bulk item ${i}`, price: '1.00' },
      });
      expect(answer.status).toBe(200);
    }
    const html = await page('?lang=en&product=bulk');
    expect(html.match(/<td>BULK-\d{3}<\/td>/g)).toHaveLength(200);
    expect(html).toContain('More products match than the 200 shown');
    expect(await page('?lang=en&product=BULK-20')).not.toContain('data-test="catalog-more"');
  }, 120_000);
});
