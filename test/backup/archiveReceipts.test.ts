// SPDX-License-Identifier: UNLICENSED
// The archive a restore onto a new computer leaves (docs/backups.md) in use at the till: the receipts screen finds an
// old terminal's document by number or QR when this terminal's own ledger has no such document, prints a copy of it
// and previews it, and never writes to the archive. Real SQLite files: a terminal issues signed documents, backs up,
// and the backup is restored into another data folder whose keychain does not know the terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { ArchiveShelf } from '../../main/backup/archiveShelf';
import { runBackup } from '../../main/backup/backupRun';
import { generatePassphrase } from '../../main/backup/backupPassphrase';
import { restoreBackup } from '../../main/backup/restoreBackup';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { DocumentStore } from '../../main/sale/documentStore';
import { Receipts, type ReceiptOutput } from '../../main/sale/receipts';
import { silentLogger } from '../../main/log/index';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, openTerminal, type TestTerminal } from './support';

const newDir = useTempDirs('dukkan-archive-receipts-');
const PASSPHRASE = generatePassphrase();

/** The printer as the receipts see it: what it was asked to print, and a preview that says which document. */
function recordingPrinter(): ReceiptOutput & { printed: { model: ReceiptModel; copy: boolean }[] } {
  const printed: { model: ReceiptModel; copy: boolean }[] = [];
  return {
    printed,
    print: async (model, options) => {
      printed.push({ model, copy: options?.copy ?? false });
      return { state: 'printed', message: null };
    },
    preview: async (model) => `data:text/plain,${model.number}`,
  };
}

describe('receipts from a restored archive', () => {
  let old: TestTerminal;
  let newComputer: string;
  let shelf: ArchiveShelf;
  let receipts: Receipts;
  let printer: ReturnType<typeof recordingPrinter>;
  let own: ReturnType<typeof openDeviceDatabase>;
  let archived: { number: string; qr: string }[];
  let archiveFile: string;

  beforeAll(async () => {
    old = openTerminal(path.join(newDir(), 'old'));
    await old.issue(3);
    const target = newDir();
    await runBackup({ db: old.db, dataDir: old.dataDir, targets: [target], passphrase: PASSPHRASE, training: false, now: new Date() });
    archived = old.db.prepare<[], { number: string; qr: string }>('SELECT number, qr FROM documents ORDER BY icv').all();
    newComputer = path.join(newDir(), 'data');
    const r = await restoreBackup({ dataDir: newComputer, files: [target], passphrase: PASSPHRASE, keychainOf: memoryKeychains().of, now: new Date() });
    expect(r.mode).toBe('archive');
    archiveFile = r.ledger!;
    // the new computer's own ledger (onboarded as a new EGS unit): empty of the old terminal's documents
    own = openDeviceDatabase(path.join(newComputer, DATABASE_FILE_NAME));
    shelf = new ArchiveShelf(newComputer, silentLogger);
    printer = recordingPrinter();
    receipts = new Receipts({ documents: new DocumentStore(own), printing: printer, branch: () => undefined, training: false, archives: shelf });
  });
  afterAll(() => {
    shelf?.close();
    own?.close();
    old?.close();
  });

  it('finds an archived document by number and by its QR, marked as of the archive', () => {
    const byNumber = receipts.find(archived[1]!.number);
    expect(byNumber?.document).toMatchObject({ number: archived[1]!.number, kind: 'invoice' });
    expect(byNumber?.archive?.name).toBe(path.basename(path.dirname(archiveFile)));
    expect(byNumber?.lines.length).toBeGreaterThan(0);
    expect(receipts.find(archived[2]!.qr)?.document.number).toBe(archived[2]!.number);
    expect(receipts.find('T1-999999')).toBeNull();
  });

  it("a document of this terminal's own ledger is not marked as archived", () => {
    expect(receipts.find(archived[0]!.number)?.archive).toBeDefined();
    expect(
      new Receipts({ documents: new DocumentStore(own), printing: printer, branch: () => undefined, training: false }).find(archived[0]!.number),
    ).toBeNull();
  });

  it('prints a copy and previews an archived document, and the archive file is unchanged', async () => {
    const before = readFileSync(archiveFile);
    const mode = statSync(archiveFile).mode & 0o777;
    await receipts.reprint(archived[0]!.number);
    expect(printer.printed).toHaveLength(1);
    expect(printer.printed[0]).toMatchObject({ copy: true, model: { number: archived[0]!.number } });
    expect((await receipts.preview(archived[0]!.number)).dataUrl).toBe(`data:text/plain,${archived[0]!.number}`);
    await expect(receipts.reprint('T1-999999')).rejects.toMatchObject({ code: 'receipt.not-found' });
    expect(readFileSync(archiveFile).equals(before)).toBe(true);
    expect(statSync(archiveFile).mode & 0o777).toBe(mode);
  });

  it('an unreadable archive is skipped, the others still answer', () => {
    const dataDir = newDir();
    mkdirSync(path.join(dataDir, 'archives', 'zz-broken'), { recursive: true });
    writeFileSync(path.join(dataDir, 'archives', 'zz-broken', DATABASE_FILE_NAME), 'not a database, a damaged disk');
    mkdirSync(path.join(dataDir, 'archives', 'aa-good'));
    copyFileSync(archiveFile, path.join(dataDir, 'archives', 'aa-good', DATABASE_FILE_NAME));
    const both = new ArchiveShelf(dataDir, silentLogger);
    try {
      expect(both.find({ number: archived[0]!.number })?.origin.name).toBe('aa-good');
    } finally {
      both.close();
    }
  });
});
