// SPDX-License-Identifier: UNLICENSED
// Export of a period's documents for an accountant or a ZATCA request: every signed XML exactly as stored and sent
// (the bytes the hash chain covers), one file per document, plus a manifest listing number, UUID, ICV, PIH, hash
// and reporting state, in one zip. The period is by issue date as written in the documents (Riyadh local time).
import path from 'node:path';
import type { ExportResult } from '../../app/contract/types';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { auditTrailCsv } from '../audit/auditCsv';
import { makePrivateDir } from '../fs/privateFiles';
import { exportPage, lastDocumentId } from './exportStore';
import { DeflatingEntry } from './deflatingEntry';
import { ZipWriter } from './zipWriter';

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Documents read and handed to the compressor at a time: enough to keep the thread pool busy, few enough to yield. */
const PAGE = 64;

export interface ExportOptions {
  readonly from: string;
  readonly to: string;
  readonly dir: string;
  readonly now: Date;
  readonly training: boolean;
}

/** What an export writes, fixed when it is asked for: the file, the period and the newest document to take. */
export interface ExportPlan {
  readonly fileName: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly now: Date;
  /** The documents there are now: sales made while the export runs belong to the next one. */
  readonly lastId: number;
}

/** Fixes the export's file and the documents it takes (on the connection that sells, so none is missed). */
export function planExport(db: SqliteDatabase, options: ExportOptions): ExportPlan {
  makePrivateDir(options.dir); // the documents name customers and amounts: owner-only, as the data folder
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const fileName = `dukkan-${options.training ? 'training-' : ''}documents-${options.from}_${options.to}-${stamp}.zip`;
  return { fileName, file: path.join(options.dir, fileName), from: options.from, to: options.to, now: options.now, lastId: lastDocumentId(db) };
}

/** Plans and writes an export on one connection (the command line, tests; the app writes it in a worker thread). */
export async function exportDocuments(db: SqliteDatabase, options: ExportOptions): Promise<ExportResult> {
  return writeExport(db, planExport(db, options));
}

/**
 * Writes a planned export: any connection to the ledger will do, a read-only one in a worker thread included
 * (main/export/exportInWorker.ts). A failed export leaves no file.
 */
export async function writeExport(db: SqliteDatabase, plan: ExportPlan): Promise<ExportResult> {
  const { fileName, file } = plan;
  const period = { from: plan.from, to: plan.to, lastId: plan.lastId };
  const zip = new ZipWriter(file);
  // the manifest and the audit trail are compressed a page at a time as they are read (deflatingEntry.ts): one
  // string of a 20,000-document day turned into bytes in one go held the event loop for 50 ms (BENCHMARKS.md, "A long
  // day"), and one buffer of a year's manifest was tens of MiB
  const manifest = new DeflatingEntry();
  const auditTrail = new DeflatingEntry();
  manifest.write(Buffer.from('number,uuid,icv,kind,issue_date,issue_time,payable,pih,invoice_hash,reporting_state,file\r\n', 'utf8'));
  let count = 0;
  try {
    for (let after = { chainId: 0, icv: 0 }; ;) {
      const rows = exportPage(db, period, after, PAGE);
      if (rows.length === 0) break;
      const written: Promise<void>[] = [];
      const lines: string[] = [];
      for (const r of rows) {
        const name = `${r.issue_date}/${r.number}_${r.uuid}.xml`;
        written.push(zip.add(name, r.xml, new Date(r.committed_at)));
        lines.push([r.number, r.uuid, r.icv, r.kind, r.issue_date, r.issue_time, r.payable, r.pih, r.hash, r.state ?? 'unknown', name].map(csvField).join(','));
        count++;
      }
      manifest.write(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
      const last = rows.at(-1)!;
      after = { chainId: last.chain_id, icv: last.icv };
      // the page is compressed in the thread pool meanwhile; whatever else this thread serves is answered between pages
      await Promise.all(written);
    }
    const manifestWritten = zip.addDeflated('manifest.csv', manifest.end(), plan.now);
    // the till's audit trail of the same days (main/audit): voids, overrides, refunds, drawer opens, shifts
    for (const piece of auditTrailCsv(db, plan.from, plan.to, csvField)) auditTrail.write(Buffer.from(piece, 'utf8'));
    await Promise.all([manifestWritten, zip.addDeflated('audit-trail.csv', auditTrail.end(), plan.now)]);
    const bytes = await zip.finish();
    return { fileName, path: file, documents: count, bytes };
  } catch (e) {
    zip.abort();
    manifest.destroy();
    auditTrail.destroy();
    throw e;
  }
}
