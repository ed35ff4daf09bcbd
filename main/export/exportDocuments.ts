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
import { ZipWriter } from './zipWriter';

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Documents read and handed to the compressor at a time: enough to keep the thread pool busy, few enough to yield. */
const PAGE = 64;

export async function exportDocuments(
  db: SqliteDatabase,
  options: { readonly from: string; readonly to: string; readonly dir: string; readonly now: Date; readonly training: boolean },
): Promise<ExportResult> {
  makePrivateDir(options.dir); // the documents name customers and amounts: owner-only, as the data folder
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const fileName = `dukkan-${options.training ? 'training-' : ''}documents-${options.from}_${options.to}-${stamp}.zip`;
  const file = path.join(options.dir, fileName);
  // the documents there are now: sales made while the export runs belong to the next one
  const period = { from: options.from, to: options.to, lastId: lastDocumentId(db) };
  const zip = new ZipWriter(file);
  // the manifest's bytes a page at a time: one string of a 20,000-document day turned into bytes in one go held the
  // event loop for 50 ms (BENCHMARKS.md, "A long day")
  const manifest = [Buffer.from('number,uuid,icv,kind,issue_date,issue_time,payable,pih,invoice_hash,reporting_state,file\r\n', 'utf8')];
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
      manifest.push(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
      const last = rows.at(-1)!;
      after = { chainId: last.chain_id, icv: last.icv };
      // the page is compressed in the thread pool meanwhile; the till's calls are answered between pages
      await Promise.all(written);
    }
    const tail = [
      zip.add('manifest.csv', Buffer.concat(manifest), options.now),
      // the till's audit trail of the same days (main/audit): voids, overrides, refunds, drawer opens, shifts
      zip.add('audit-trail.csv', Buffer.from(auditTrailCsv(db, options.from, options.to, csvField), 'utf8'), options.now),
    ];
    await Promise.all(tail);
    const bytes = await zip.finish();
    return { fileName, path: file, documents: count, bytes };
  } catch (e) {
    zip.abort();
    throw e;
  }
}
