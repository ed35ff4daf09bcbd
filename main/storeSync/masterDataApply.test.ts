// SPDX-License-Identifier: UNLICENSED
// Master data written into a real till database (docs/store-server.md, "Master data at the till"): the server's key
// keeps pointing at the same row, a barcode moves to the server's product, a product the till had before becomes the
// server's, a deletion leaves the row inactive, the quick-key grid follows the server's keys, this till's printer
// setting beats the shop's, applying the same pull again changes nothing, and one bad entry rolls the pull back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MasterDataChange } from '../../app/contract/storeSync';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { TerminalSettings } from '../app/terminalSettings';
import { CatalogStore } from '../catalog/catalogStore';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { hashPin } from '../users/pinHash';
import { UserStore } from '../users/userStore';
import { applyMasterData } from './masterDataApply';
import { TillMasterDataStore } from './tillMasterDataStore';

const AT = new Date('2026-12-04T09:00:00Z');
const context = { terminalId: 'T-1', at: AT };
let open: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

function till() {
  const db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-master-')), 'dukkan.sqlite'));
  open.push(db);
  return { db, catalog: new CatalogStore(db), settings: new TerminalSettings(db), users: new UserStore(db), pull: new TillMasterDataStore(db) };
}

let version = 0;
const change = (kind: MasterDataChange['kind'], key: string, body: Record<string, unknown> | null): MasterDataChange => ({
  kind,
  key,
  version: ++version,
  body,
});
const product = (name: string, price: string, barcodes: string[]) => ({ name, price, barcodes });

describe('applying master data at the till', () => {
  it('keeps one row per server key, moves barcodes to the server’s product, and applies a pull twice as once', () => {
    const t = till();
    const local = t.catalog.save({
      name: 'Tea (local)',
      barcodes: ['6290000000011'],
      price: '4.00',
      priceIncludesVat: true,
      vatCategory: 'S',
      vatRate: '15',
      active: true,
    });
    const other = t.catalog.save({
      name: 'Sugar',
      barcodes: ['6290000000028'],
      price: '6.00',
      priceIncludesVat: true,
      vatCategory: 'S',
      vatRate: '15',
      active: true,
    });
    const pull = [
      change('product', 'TEA', product('Tea 100 bags', '4.50', ['6290000000011'])),
      change('product', 'COFFEE', product('Coffee 250 g', '18.00', ['6290000000035', '6290000000028'])),
    ];
    applyMasterData(t.db, pull, version, context);
    applyMasterData(t.db, pull, version, context);

    // the till's own products with the server's barcodes became the server's (same rows), not twins of them
    expect(t.catalog.get(local.id)).toMatchObject({ name: 'Tea 100 bags', price: '4.50', barcodes: ['6290000000011'] });
    expect(t.catalog.get(other.id)).toMatchObject({ name: 'Coffee 250 g', barcodes: ['6290000000028', '6290000000035'] });
    expect(t.catalog.list()).toHaveLength(2);
    expect(t.pull.pullState()).toMatchObject({ version, pulled_at: AT.getTime(), error_code: null });

    // a barcode the server gives another of its products moves there: the server wins
    applyMasterData(t.db, [change('product', 'TEA', product('Tea 100 bags', '4.50', ['6290000000011', '6290000000028']))], version, context);
    expect(t.catalog.lookup('6290000000028')?.id).toBe(local.id);
    expect(t.catalog.get(other.id)?.barcodes).toEqual(['6290000000035']);
    applyMasterData(t.db, [change('product', 'COFFEE', null)], version, context);
    expect(t.catalog.lookup('6290000000035')).toMatchObject({ name: 'Coffee 250 g', active: false });
  });

  it('orders quick keys by the server’s keys, leaves out unknown products, and prefers this till’s printer', () => {
    const t = till();
    t.settings.set('printer', { address: 'tcp://192.168.1.50:9100', paperWidth: 80 });
    applyMasterData(
      t.db,
      [
        change('product', 'A', product('Bread', '1.00', ['6290000000042'])),
        change('product', 'B', product('Milk', '6.50', ['6290000000059'])),
        change('quick-key', '10', { product: 'A', category: 'Bakery', colour: 'amber' }),
        change('quick-key', '2', { product: 'B', category: 'Dairy' }),
        change('quick-key', '3', { product: 'NOPE' }),
        change('setting', 'printer', { paperWidth: 58 }),
      ],
      version,
      context,
    );
    const ids = (name: string) => t.catalog.list().find((p) => p.name === name)!.id;
    expect(t.settings.get('quickKeys')).toEqual([
      { productId: ids('Milk'), category: 'Dairy', colour: 'green' },
      { productId: ids('Bread'), category: 'Bakery', colour: 'amber' },
    ]);
    // the shop's printer setting gives the width and keeps this till's own printer
    expect(t.settings.get('printer')).toEqual({ address: 'tcp://192.168.1.50:9100', paperWidth: 58 });
    applyMasterData(t.db, [change('setting', 'printer:T-1', { paperWidth: 80, address: 'tcp://10.0.0.5:9100' })], version, context);
    expect(t.settings.get('printer')).toEqual({ address: 'tcp://10.0.0.5:9100', paperWidth: 80 });
  });

  it('rolls the whole pull back on one entry the till cannot use, naming it and the rule', async () => {
    const t = till();
    const pin = await hashPin('4826');
    const user = (name: string) => ({
      name,
      role: 'cashier',
      active: true,
      pinSalt: pin.salt.toString('base64'),
      pinHash: pin.hash.toString('base64'),
      pinParams: pin.params,
    });
    applyMasterData(t.db, [change('user', 'u1', user('Noura'))], version, context);
    const before = { version: t.pull.pullState().version, users: t.users.list(), products: t.catalog.list() };

    const refusal = (() => {
      try {
        applyMasterData(t.db, [change('product', 'OK', product('Fine', '1.00', ['6290000000066'])), change('user', 'u2', user('Noura'))], version, context);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(DukkanError);
    expect(refusal).toMatchObject({ code: 'store.master-data-invalid', params: { kind: 'user', key: 'u2', field: 'name' } });
    expect((refusal as DukkanError).problems).toEqual([{ path: 'name', code: 'user.name-taken', params: { name: 'Noura' } }]);
    expect((refusal as DukkanError).text('ar')).toMatch(/[\u0600-\u06FF]/);
    expect({ version: t.pull.pullState().version, users: t.users.list(), products: t.catalog.list() }).toEqual(before);

    // a name that could disguise a receipt is the catalog's own refusal, carried as the entry's
    expect(() => applyMasterData(t.db, [change('product', 'X', product('Milk\u202E', '1.00', []))], version, context)).toThrow(
      expect.objectContaining({ code: 'store.master-data-invalid', problems: [expect.objectContaining({ code: 'catalog.spoofing-character' })] }),
    );
  });
});
