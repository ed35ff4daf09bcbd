// SPDX-License-Identifier: UNLICENSED
// Master data pulled from the store server, written into the till's own catalog, users and settings
// (docs/store-server.md, "Master data at the till"). All changes of one pull and the new version cursor are written
// in one transaction: an entry the till cannot use (a bad price, a barcode that is not one, a name that could
// disguise a receipt) stops it with the entry, the field and the rule, and nothing of that pull is applied. The
// server wins: a product or user it changed is overwritten, a barcode it gives moves to its product, an entry it
// deleted is kept inactive (documents and shifts name it). Applying the same changes again changes nothing more.
import type { z } from 'zod';
import { pulledFooter, pulledPrinter, pulledProduct, pulledQuickKey, pulledUser, PULLED_SETTINGS } from '../../app/contract/storeMasterData';
import type { MasterDataChange, MasterDataKind } from '../../app/contract/storeSync';
import type { QuickKey } from '../../app/contract/tillTypes';
import { DukkanError, type FieldProblem } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { TerminalSettings } from '../app/terminalSettings';
import { CatalogStore } from '../catalog/catalogStore';
import { fieldErrorOf } from '../ipc/inputIssues';
import { checkPrinterAddress } from '../printing/printerAddress';
import { ReceiptFooter } from '../till/receiptFooter';
import { PinOutboxStore } from './pinOutboxStore';
import { TillMasterDataStore } from './tillMasterDataStore';

export interface ApplyContext {
  /** This till's id at the store server: "printer:<id>" is its own printer setting. */
  readonly terminalId: string;
  readonly at: Date;
}

/** The refusal of one entry, naming it; `problems` say which field broke which rule. */
function invalid(c: MasterDataChange, field: string, problems: readonly FieldProblem[]): DukkanError {
  return new DukkanError('store.master-data-invalid', { kind: c.kind, key: c.key, version: c.version, field }, { field, problems });
}

function parse<S extends z.ZodType>(schema: S, c: MasterDataChange): z.output<S> {
  const parsed = schema.safeParse(c.body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const e = fieldErrorOf(issue as Parameters<typeof fieldErrorOf>[0]);
    return { path: e.path, code: e.reason, params: e.params };
  });
  throw invalid(c, problems[0]?.path ?? 'body', problems);
}

/** A refusal of the till's own stores (a catalog rule, a printer address) as the refusal of the entry. */
function guarded<T>(c: MasterDataChange, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof DukkanError) || err.code === 'store.master-data-invalid') throw err;
    const field = err.field ?? 'body';
    throw invalid(c, field, [{ path: field, code: err.code, params: err.params }]);
  }
}

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key, 'en', { numeric: true });

class Applier {
  private readonly store: TillMasterDataStore;
  private readonly catalog: CatalogStore;
  private readonly settings: TerminalSettings;
  private readonly pins: PinOutboxStore;
  private readonly at: number;

  constructor(
    db: SqliteDatabase,
    private readonly context: ApplyContext,
  ) {
    this.store = new TillMasterDataStore(db);
    this.catalog = new CatalogStore(db, () => context.at);
    this.settings = new TerminalSettings(db);
    this.pins = new PinOutboxStore(db);
    this.at = context.at.getTime();
  }

  apply(c: MasterDataChange): void {
    const handlers: Record<MasterDataKind, (c: MasterDataChange) => void> = {
      product: (x) => this.product(x),
      'quick-key': (x) => this.quickKey(x),
      user: (x) => this.user(x),
      setting: (x) => this.setting(x),
    };
    handlers[c.kind](c);
  }

  private localId(kind: MasterDataKind, key: string, exists: (id: number) => boolean): number | undefined {
    const id = this.store.entry(kind, key)?.local_id ?? undefined;
    return id !== undefined && exists(id) ? id : undefined;
  }

  private product(c: MasterDataChange): void {
    let id = this.localId('product', c.key, (i) => this.store.productExists(i));
    if (c.body === null) {
      if (id !== undefined) this.store.deactivateProduct(id, this.at);
      this.store.putEntry('product', c.key, c.version, id ?? null, null);
      return;
    }
    const p = parse(pulledProduct, c);
    // a product the till had before it was enrolled, with one of these barcodes (or the key as barcode), becomes
    // the server's rather than a twin of it
    if (id === undefined) id = [c.key, ...p.barcodes].map((b) => this.store.barcodeOwner(b)).find((o) => o !== undefined && !this.store.mapped('product', o));
    for (const b of p.barcodes) this.store.releaseBarcode(b, id ?? -1);
    const saved = guarded(c, () => this.catalog.save({ ...p, id }));
    this.store.putEntry('product', c.key, c.version, saved.id, c.body);
  }

  private quickKey(c: MasterDataChange): void {
    if (c.body !== null) parse(pulledQuickKey, c);
    this.store.putEntry('quick-key', c.key, c.version, null, c.body);
  }

  private user(c: MasterDataChange): void {
    let id = this.localId('user', c.key, (i) => this.store.userExists(i));
    if (c.body === null) {
      if (id !== undefined) this.store.deactivateUser(id, this.at);
      this.store.putEntry('user', c.key, c.version, id ?? null, null);
      return;
    }
    const u = parse(pulledUser, c);
    const sameName = this.store.userByName(u.name);
    if (id === undefined && sameName !== undefined && !this.store.mapped('user', sameName)) id = sameName;
    else if (sameName !== undefined && sameName !== id) throw invalid(c, 'name', [{ path: 'name', code: 'user.name-taken', params: { name: u.name } }]);
    // a PIN changed here that has not reached the server yet stays: the server's hash is the older one
    const waiting = id === undefined ? undefined : this.pins.waitingPin(id);
    const row = {
      name: u.name,
      role: u.role,
      active: u.active,
      salt: waiting?.salt ?? Buffer.from(u.pinSalt, 'base64'),
      hash: waiting?.hash ?? Buffer.from(u.pinHash, 'base64'),
      params: waiting?.params ?? u.pinParams,
    };
    this.store.putEntry('user', c.key, c.version, this.store.putUser(id, row, this.at), c.body);
  }

  private setting(c: MasterDataChange): void {
    if (c.key === PULLED_SETTINGS.footer) {
      const text = c.body === null ? '' : parse(pulledFooter, c).text;
      guarded(c, () => new ReceiptFooter(this.settings).save(text));
    } else if (c.key === PULLED_SETTINGS.printer || c.key === `${PULLED_SETTINGS.printer}:${this.context.terminalId}`) {
      if (c.body !== null) {
        const printer = parse(pulledPrinter, c);
        if (printer.address) guarded(c, () => checkPrinterAddress(printer.address!));
      }
    }
    this.store.putEntry('setting', c.key, c.version, null, c.body);
  }

  /** The till's printer from the server's entries: this till's own first, then the shop's; none keeps the till's. */
  settle(): void {
    const own = this.store.entry('setting', `${PULLED_SETTINGS.printer}:${this.context.terminalId}`)?.body ?? null;
    const shop = this.store.entry('setting', PULLED_SETTINGS.printer)?.body ?? null;
    const chosen = own ?? shop;
    if (chosen !== null) {
      const printer = pulledPrinter.parse(JSON.parse(chosen));
      const address =
        printer.address === undefined ? this.settings.get('printer').address : printer.address === null ? null : checkPrinterAddress(printer.address);
      this.settings.set('printer', { address, paperWidth: printer.paperWidth });
    }
    if (this.store.hasKind('quick-key')) this.settings.set('quickKeys', this.quickKeys());
  }

  /** The grid in the order of the server's keys; a key whose product is unknown or inactive is left out. */
  private quickKeys(): QuickKey[] {
    return this.store
      .liveEntries('quick-key')
      .sort(byKey)
      .flatMap(({ body }) => {
        const k = pulledQuickKey.parse(body);
        const productId = this.store.entry('product', k.product)?.local_id ?? undefined;
        return productId !== undefined && this.catalog.get(productId)?.active ? [{ productId, category: k.category, colour: k.colour }] : [];
      });
  }
}

/** Applies one pull's changes and moves the cursor to `version`, all in one transaction, or throws and writes nothing. */
export function applyMasterData(db: SqliteDatabase, changes: readonly MasterDataChange[], version: number, context: ApplyContext): void {
  const store = new TillMasterDataStore(db);
  // nothing new (most minutes): no catalog store is opened, which would re-read every product's search key
  if (changes.length === 0) return store.setPulled(version, context.at.getTime());
  const applier = new Applier(db, context);
  db.transaction(() => {
    for (const c of changes) applier.apply(c);
    applier.settle();
    store.setPulled(version, context.at.getTime());
  })();
}
