// SPDX-License-Identifier: UNLICENSED
// Two tenders beside cash and card (docs/cash-control.md, "Tenders"):
// - a card payment may carry the card's network (mada, Visa, …): a label on the one card tender, printed on the
//   receipt and broken down in the X/Z report; the card total stays one figure;
// - store credit: a return refunded to store credit issues a voucher (a short code and an amount); a sale pays with
//   it up to its balance. The balance is whole halalas so SQL itself can refuse to take it below zero, inside the
//   sale's own commit (main/storeCredit/storeCreditStore.ts).
// document_payments is rebuilt because SQLite cannot widen a CHECK constraint in place; its rows are copied as they
// are (no network, no voucher).
import type { Migration } from './types';

export const tendersMigration: Migration = {
  version: 100,
  name: '0100-tenders',
  up(db) {
    db.exec(`
      CREATE TABLE document_payments_0100 (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        seq INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'store-credit')),
        amount TEXT NOT NULL,                 -- what the document settles with this method (refunds for credit notes)
        -- the card's network as the cashier chose it; only on a card payment, and optional there
        network TEXT CHECK (network IS NULL OR (method = 'card' AND network IN ('mada', 'visa', 'mastercard', 'amex', 'other'))),
        -- the voucher a store-credit payment redeemed, or a store-credit refund issued, and its balance after it
        voucher_code TEXT,
        voucher_balance TEXT,
        CHECK ((method = 'store-credit') = (voucher_code IS NOT NULL)),
        CHECK ((voucher_code IS NULL) = (voucher_balance IS NULL)),
        PRIMARY KEY (document_id, seq)
      ) STRICT;
      INSERT INTO document_payments_0100 (document_id, seq, method, amount)
        SELECT document_id, seq, method, amount FROM document_payments;
      DROP TABLE document_payments;
      ALTER TABLE document_payments_0100 RENAME TO document_payments;

      -- One voucher per credit note refunded to store credit. The CHECK on the balance is the last word: whatever a
      -- quote said, no statement can leave a voucher below zero or above what it was issued for.
      CREATE TABLE store_credit_vouchers (
        code TEXT PRIMARY KEY,
        issued_document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id),
        amount_halalas INTEGER NOT NULL CHECK (amount_halalas > 0),
        balance_halalas INTEGER NOT NULL CHECK (balance_halalas >= 0 AND balance_halalas <= amount_halalas),
        issued_at INTEGER NOT NULL
      ) STRICT;

      -- Each use of a voucher, by the sale that used it (written in that sale's commit).
      CREATE TABLE store_credit_redemptions (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        code TEXT NOT NULL REFERENCES store_credit_vouchers (code),
        amount_halalas INTEGER NOT NULL CHECK (amount_halalas > 0),
        at INTEGER NOT NULL,
        PRIMARY KEY (document_id, code)
      ) STRICT;
    `);
  },
};
