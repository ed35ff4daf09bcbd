// Store-credit vouchers on real SQLite files (migration 0100-tenders): a voucher is taken only when its balance
// covers the amount, never below zero — also from a second connection that read the balance before another took it
// (two till processes on one ledger) — and a use inside a transaction that fails is undone with it. The whole sale
// path (quote, commit, two tabs racing): test/app/tenders.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { StoreCreditStore } from './storeCreditStore';
import { fromHalalas, newVoucherCode, normalizeVoucherCode, formatVoucherCode, StoreCredit, toHalalas } from './storeCredit';

const AT = new Date('2026-12-04T10:00:00Z');

/**
 * A migrated ledger file, opened without foreign-key checks: the vouchers point at documents only the ledger issues
 * (its own tests sign them), and these tests are about the balance alone.
 */
function ledgerFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-credit-')), 'dukkan.sqlite');
  openDeviceDatabase(file).close();
  return file;
}

function open(file: string) {
  const db = openDeviceDatabase(file);
  db.exec('PRAGMA foreign_keys = OFF');
  return db;
}

describe('store-credit vouchers on a real SQLite file', () => {
  it('takes a voucher only while its balance covers the amount; it never goes below zero', () => {
    const db = open(ledgerFile());
    const store = new StoreCreditStore(db);
    store.issue('SC00000001', 1, 1000, AT);
    expect(store.redeem('SC00000001', 2, 600, AT)).toBe(400);
    expect(store.redeem('SC00000001', 3, 401, AT)).toBeUndefined();
    expect(store.voucher('SC00000001')!.balance_halalas).toBe(400);
    expect(store.redeem('SC00000001', 3, 400, AT)).toBe(0);
    expect(store.redeem('SC00000001', 4, 1, AT)).toBeUndefined();
    expect(store.redeem('SC00000001', 4, 0, AT)).toBeUndefined();
    expect(store.redeem('SC-UNKNOWN', 4, 1, AT)).toBeUndefined();
    // the table itself refuses a balance below zero, whatever statement tries
    expect(() => db.prepare('UPDATE store_credit_vouchers SET balance_halalas = -1').run()).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM store_credit_redemptions').get()).toEqual({ n: 2 });
    db.close();
  });

  it('a use inside a transaction that fails afterwards is undone: the balance is whole again', () => {
    const db = open(ledgerFile());
    const store = new StoreCreditStore(db);
    store.issue('SC00000002', 1, 500, AT);
    const sale = db.transaction(() => {
      expect(store.redeem('SC00000002', 2, 500, AT)).toBe(0);
      throw new Error('the sale failed after taking the credit');
    });
    expect(() => sale.immediate()).toThrow(/sale failed/);
    expect(store.voucher('SC00000002')!.balance_halalas).toBe(500);
    expect(db.prepare('SELECT COUNT(*) AS n FROM store_credit_redemptions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('two connections to one ledger (two till processes): the one that read a stale balance is refused', () => {
    const file = ledgerFile();
    const a = open(file);
    const b = open(file);
    const tillA = new StoreCredit(new StoreCreditStore(a), () => AT);
    const tillB = new StoreCredit(new StoreCreditStore(b), () => AT);
    new StoreCreditStore(a).issue('SC00000003', 1, 1000, AT);
    // both quote: each sees the whole balance
    const pay = (amount: string) => [{ method: 'store-credit' as const, amount, voucherCode: 'sc-0000-0003' }];
    expect(tillA.problems(pay('10.00'))).toEqual([]);
    expect(tillB.problems(pay('10.00'))).toEqual([]);
    // B commits first, in an IMMEDIATE transaction as the ledger's; A's commit then finds nothing left
    b.transaction(() => tillB.redeem(2, pay('10.00'), () => 'payments.0.voucherCode')).immediate();
    expect(() => a.transaction(() => tillA.redeem(3, pay('10.00'), () => 'payments.0.voucherCode')).immediate()).toThrow(
      expect.objectContaining({ code: 'store-credit.exhausted', field: 'payments.0.voucherCode' }),
    );
    expect(() => a.transaction(() => tillA.redeem(3, pay('0.01'), () => 'payments.0.voucherCode')).immediate()).toThrow(
      expect.objectContaining({ code: 'store-credit.exhausted' }),
    );
    expect(new StoreCreditStore(a).voucher('SC00000003')!.balance_halalas).toBe(0);
    a.close();
    b.close();
  });

  it('codes: 8 Crockford characters after SC, read back whatever the case, dashes, O for 0 or I/L for 1', () => {
    const code = newVoucherCode(new Uint8Array([0xff, 0x00, 0x10, 0x20, 0x7f]));
    expect(code).toMatch(/^SC[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(newVoucherCode(new Uint8Array(5))).toBe('SC00000000');
    expect(formatVoucherCode('SC7K3M9QXD')).toBe('SC-7K3M-9QXD');
    expect(normalizeVoucherCode(' sc-7k3m-9qxd ')).toBe('SC7K3M9QXD');
    expect(normalizeVoucherCode('SC-O1IL-0000')).toBe('SC01110000');
    expect([toHalalas('12.5'), toHalalas('0.01'), toHalalas('123456789.99')]).toEqual([1250, 1, 12345678999]);
    expect([fromHalalas(1250), fromHalalas(1), fromHalalas(0)]).toEqual(['12.50', '0.01', '0.00']);
  });
});
