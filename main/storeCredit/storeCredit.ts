// SPDX-License-Identifier: UNLICENSED
// Store credit as a tender (docs/cash-control.md, "Tenders"): a return refunded as store credit issues a voucher —
// a short code the cashier types or scans, and an amount — and a sale may pay with it up to its balance, the rest
// left for another day. Quotes only look (problems shown before the sale); the voucher is taken from inside the
// sale's own commit (StoreCreditStore.redeem), so a refused or failed sale uses nothing and two tills racing on one
// voucher cannot both spend it. Codes are Crockford base32 (no I, L, O, U: nothing to misread on paper) after "SC".
import { randomBytes } from 'node:crypto';
import type { ErrorText } from '../../app/contract/errors';
import type { CardNetwork, PaymentMethod, VoucherBalance } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import type { StoreCreditStore } from './storeCreditStore';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'SC';

/** A tender as the counter holds it (main/sale/saleBuilder.ts). */
export interface TenderLike {
  readonly method: PaymentMethod;
  readonly amount: string;
  readonly network?: CardNetwork | undefined;
  readonly voucherCode?: string | undefined;
}

/** A new voucher code: "SC" and 8 Crockford base32 characters (40 random bits). */
export function newVoucherCode(bytes: Uint8Array = randomBytes(5)): string {
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) out = ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)]! + out;
  return PREFIX + out;
}

/** A code as typed or scanned, as stored: upper case, without spaces or dashes, O read as 0 and I or L as 1. */
export function normalizeVoucherCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(PREFIX)) return compact;
  return PREFIX + compact.slice(PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** As printed: SC-7K3M-9QXD. */
export function formatVoucherCode(code: string): string {
  return /^SC[0-9A-Z]{8}$/.test(code) ? `SC-${code.slice(2, 6)}-${code.slice(6)}` : code;
}

/** An amount of at most two decimals as whole halalas (exact: amounts have at most 9 integer digits). */
export function toHalalas(amount: string): number {
  return Number(Decimal.parse(amount).toFixed(2).replace('.', ''));
}

export function fromHalalas(halalas: number): string {
  return Decimal.fromUnits(BigInt(halalas), 2).toFixed(2);
}

export class StoreCredit {
  constructor(
    private readonly store: Pick<StoreCreditStore, 'voucher' | 'issue' | 'redeem'>,
    private readonly clock: () => Date,
  ) {}

  /** The voucher's balance and how much of it a sale with `due` still to pay can use; refused when unknown or used up. */
  lookup(raw: string, due?: string): VoucherBalance {
    const code = normalizeVoucherCode(raw);
    const voucher = this.store.voucher(code);
    if (!voucher) throw new DukkanError('store-credit.unknown-code', { code: formatVoucherCode(code) }, { field: 'code' });
    if (voucher.balance_halalas === 0) throw new DukkanError('store-credit.exhausted', { code: formatVoucherCode(code) }, { field: 'code' });
    const usable = due === undefined ? voucher.balance_halalas : Math.min(voucher.balance_halalas, toHalalas(due));
    return { code: formatVoucherCode(code), balance: fromHalalas(voucher.balance_halalas), usable: fromHalalas(usable) };
  }

  /** Why the store-credit tenders of a cart cannot be used as they are (shown with the quote); empty when they can. */
  problems(payments: readonly TenderLike[]): ErrorText[] {
    const problems: ErrorText[] = [];
    const seen = new Set<string>();
    for (const p of payments) {
      if (p.method !== 'store-credit' || p.voucherCode === undefined) continue;
      const code = normalizeVoucherCode(p.voucherCode);
      const shown = formatVoucherCode(code);
      if (seen.has(code)) problems.push({ reason: 'store-credit.voucher-twice', params: { code: shown } });
      seen.add(code);
      const voucher = this.store.voucher(code);
      if (!voucher) problems.push({ reason: 'store-credit.unknown-code', params: { code: shown } });
      else if (voucher.balance_halalas === 0) problems.push({ reason: 'store-credit.exhausted', params: { code: shown } });
      else if (toHalalas(p.amount) > voucher.balance_halalas)
        problems.push({
          reason: 'store-credit.above-balance',
          params: { code: shown, amount: Decimal.parse(p.amount).toFixed(2), balance: fromHalalas(voucher.balance_halalas) },
        });
    }
    return problems;
  }

  /**
   * Inside the sale's commit: takes each store-credit tender from its voucher, or throws — and the whole sale with
   * it is rolled back (nothing signed is kept, nothing is taken). `fieldOf` names the request's field of a voucher.
   * Returns the voucher and its balance after this sale, per tender, for the payment rows and the receipt.
   */
  redeem(
    documentId: number,
    payments: readonly TenderLike[],
    fieldOf: (code: string) => string,
  ): (TenderLike & { voucher?: { code: string; balance: string } })[] {
    return payments.map((p) => {
      if (p.method !== 'store-credit' || p.voucherCode === undefined) return p;
      const code = normalizeVoucherCode(p.voucherCode);
      const halalas = toHalalas(p.amount);
      const after = this.store.redeem(code, documentId, halalas, this.clock());
      if (after === undefined) {
        const voucher = this.store.voucher(code);
        const params = { code: formatVoucherCode(code) };
        if (!voucher) throw new DukkanError('store-credit.unknown-code', params, { field: fieldOf(code) });
        if (voucher.balance_halalas === 0) throw new DukkanError('store-credit.exhausted', params, { field: fieldOf(code) });
        throw new DukkanError(
          'store-credit.above-balance',
          { ...params, amount: fromHalalas(halalas), balance: fromHalalas(voucher.balance_halalas) },
          { field: fieldOf(code).replace(/voucherCode$/, 'amount') },
        );
      }
      return { ...p, voucherCode: code, voucher: { code, balance: fromHalalas(after) } };
    });
  }

  /** Inside a return's commit: a new voucher of `amount` for the credit note `documentId`. */
  issue(documentId: number, code: string, amount: string): void {
    this.store.issue(code, documentId, toHalalas(amount), this.clock());
  }
}
