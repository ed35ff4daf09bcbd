// SPDX-License-Identifier: UNLICENSED
// Small terminal settings (printer, language, number prefix) as JSON values by name, each validated on read so a
// hand-edited or older value falls back to the default instead of breaking start-up.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { terminalSettingsStatements } from './terminalSettingsStore';
import { QUICK_KEY_COLOURS, type QuickKey } from '../../app/contract/tillTypes';
import { DISCOUNT_PERCENT } from '../../app/contract/shiftApi';

export interface PrinterSettingsValue {
  readonly address: string | null;
  readonly paperWidth: 58 | 80;
}

export interface SettingsShape {
  readonly printer: PrinterSettingsValue;
  readonly locale: 'ar' | 'en';
  readonly numberPrefix: string;
  /** The till's quick-key grid (main/till/quickKeys.ts). */
  readonly quickKeys: readonly QuickKey[];
  /** Printed under the QR: return policy, phone, thank-you (empty: none). */
  readonly receiptFooter: string;
  /** Seconds without a touch or a key before the till locks (docs/cash-control.md); 0: never. */
  readonly idleLockSeconds: number;
  /** Returns without this till's receipt allowed per Riyadh day (docs/cash-control.md). */
  readonly externalReturnsPerDay: number;
  /**
   * A discount up to this percent of its line needs no manager (docs/cash-control.md); '0': every discount does.
   * A decimal string, exact, 0–100 with up to 2 decimals.
   */
  readonly discountFreePercent: string;
  /** Going live: the manager kept or removed the training catalog (main/catalog/trainingCatalog.ts); null: not asked yet. */
  readonly trainingCatalog: 'keep' | 'remove' | null;
}

const DEFAULTS: SettingsShape = {
  printer: { address: null, paperWidth: 80 },
  locale: 'ar',
  numberPrefix: 'T1',
  quickKeys: [],
  receiptFooter: '',
  idleLockSeconds: 300,
  externalReturnsPerDay: 5,
  discountFreePercent: '0',
  trainingCatalog: null,
};

const VALID: { readonly [K in keyof SettingsShape]: (v: unknown) => v is SettingsShape[K] } = {
  printer: (v): v is PrinterSettingsValue =>
    typeof v === 'object' &&
    v !== null &&
    ((v as PrinterSettingsValue).address === null || typeof (v as PrinterSettingsValue).address === 'string') &&
    [58, 80].includes((v as PrinterSettingsValue).paperWidth),
  locale: (v): v is 'ar' | 'en' => v === 'ar' || v === 'en',
  numberPrefix: (v): v is string => typeof v === 'string' && /^[A-Za-z0-9]{1,10}$/.test(v),
  quickKeys: (v): v is readonly QuickKey[] => Array.isArray(v) && v.every(isQuickKey),
  receiptFooter: (v): v is string => typeof v === 'string' && v.length <= 300,
  externalReturnsPerDay: (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1000,
  trainingCatalog: (v): v is 'keep' | 'remove' | null => v === 'keep' || v === 'remove' || v === null,
  discountFreePercent: (v): v is string => typeof v === 'string' && DISCOUNT_PERCENT.test(v),
  idleLockSeconds: (v): v is number => Number.isInteger(v) && (v === 0 || ((v as number) >= 10 && (v as number) <= 7200)),
};

function isQuickKey(v: unknown): v is QuickKey {
  const k = v as QuickKey;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(k.productId) &&
    typeof k.category === 'string' &&
    k.category.length <= 30 &&
    (QUICK_KEY_COLOURS as readonly string[]).includes(k.colour)
  );
}

export class TerminalSettings {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = terminalSettingsStatements(db);
  }

  get<K extends keyof SettingsShape>(key: K): SettingsShape[K] {
    const row = this.q.get.get(key);
    if (!row) return DEFAULTS[key];
    try {
      const value: unknown = JSON.parse(row.value);
      return VALID[key](value) ? value : DEFAULTS[key];
    } catch {
      return DEFAULTS[key];
    }
  }

  has(key: keyof SettingsShape): boolean {
    return this.q.get.get(key) !== undefined;
  }

  set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): void {
    if (!VALID[key](value)) throw new Error(`setting ${key}: invalid value`);
    this.q.set.run(key, JSON.stringify(value));
  }
}
