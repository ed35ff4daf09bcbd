// SPDX-License-Identifier: UNLICENSED
// `dukkan audit`: re-verifies every stored document (hash, signature, certificate references, SignedProperties, QR)
// and the chain (ICV contiguous from 1 per CSID, each PIH = the previous document's hash, the first = the initial
// PIH, no duplicate UUID or number), and reports every break, the first one first. Reads only.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { checkStamp } from '../../app/verify/checkStamp';
import { readInvoiceFields } from '../../app/verify/readInvoiceFields';
import { withXml } from '../../app/xml/parseXml';
import { ledgerStatements, type DocumentRow } from './ledgerStore';

export interface AuditBreak {
  readonly documentId: number;
  readonly chainId: number;
  readonly icv: number;
  readonly number: string;
  readonly check: 'icv' | 'pih' | 'duplicate-uuid' | 'duplicate-number' | 'stored-fields' | 'stamp' | 'xml';
  readonly message: string;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly chains: number;
  readonly documents: number;
  /** Documents whose stamp was re-verified (all of them unless `stampFromId` was given). */
  readonly stampsVerified: number;
  readonly breaks: AuditBreak[];
}

export interface AuditOptions {
  /** Re-verify stamps only of documents with id ≥ this (chain links are always checked for every document). */
  readonly stampFromId?: number;
  /** Stop collecting after this many breaks. */
  readonly maxBreaks?: number;
}

export function auditLedger(db: SqliteDatabase, options: AuditOptions = {}): AuditReport {
  const q = ledgerStatements(db);
  const breaks: AuditBreak[] = [];
  const maxBreaks = options.maxBreaks ?? 100;
  const seenUuid = new Map<string, number>();
  const seenNumber = new Map<string, number>();
  let previous: DocumentRow | undefined;
  let documents = 0;
  let stampsVerified = 0;
  const chains = new Set<number>();
  const report = (row: DocumentRow, check: AuditBreak['check'], message: string) => {
    if (breaks.length < maxBreaks) breaks.push({ documentId: row.id, chainId: row.chain_id, icv: row.icv, number: row.number, check, message });
  };
  // read in one snapshot: WAL readers see a consistent state while the counter keeps selling
  db.transaction(() => {
    for (const row of q.allInChainOrder.iterate()) {
      documents++;
      chains.add(row.chain_id);
      const firstOfChain = previous?.chain_id !== row.chain_id;
      const expectedIcv = firstOfChain ? 1 : previous!.icv + 1;
      if (row.icv !== expectedIcv)
        report(
          row,
          'icv',
          `ICV ${row.icv} follows ${firstOfChain ? 'the start of the chain' : `ICV ${previous!.icv}`}: expected ${expectedIcv} (a gap or a repeat)`,
        );
      const expectedPih = firstOfChain ? INITIAL_PIH : previous!.hash;
      if (row.pih !== expectedPih) {
        report(
          row,
          'pih',
          `PIH ${row.pih} does not equal ${firstOfChain ? 'the initial PIH' : `the hash of ICV ${previous!.icv} (${previous!.hash})`}: the chain forks here`,
        );
      }
      const uuidAt = seenUuid.get(row.uuid);
      if (uuidAt !== undefined) report(row, 'duplicate-uuid', `UUID ${row.uuid} was already used by document ${uuidAt}`);
      seenUuid.set(row.uuid, row.id);
      if (row.corrects_document_id === null) {
        const numberAt = seenNumber.get(row.number);
        if (numberAt !== undefined) report(row, 'duplicate-number', `number ${row.number} was already used by document ${numberAt}`);
        seenNumber.set(row.number, row.id);
      }
      if (options.stampFromId === undefined || row.id >= options.stampFromId) {
        stampsVerified++;
        verifyStoredDocument(row, (check, message) => report(row, check, message));
      }
      previous = row;
    }
  })();
  return { ok: breaks.length === 0, chains: chains.size, documents, stampsVerified, breaks };
}

/** The stored signed bytes must verify and agree with the row's own columns. */
function verifyStoredDocument(row: DocumentRow, report: (check: AuditBreak['check'], message: string) => void): void {
  const bytes = new Uint8Array(row.xml.buffer, row.xml.byteOffset, row.xml.byteLength);
  let fields;
  try {
    fields = withXml(bytes, (doc) => readInvoiceFields(doc));
  } catch (err) {
    report('xml', `the stored XML does not parse: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const stamp = checkStamp(bytes, fields);
  for (const f of stamp.findings.filter((x) => x.severity === 'error')) report('stamp', `${f.rule}: ${f.message}`);
  const mismatches: string[] = [];
  if (stamp.invoiceHash !== row.hash) mismatches.push(`hash column ${row.hash} ≠ document hash ${stamp.invoiceHash}`);
  if (fields.icv !== String(row.icv)) mismatches.push(`icv column ${row.icv} ≠ XML ICV ${fields.icv}`);
  if (fields.pih !== row.pih) mismatches.push(`pih column ≠ XML PIH`);
  if (fields.uuid !== row.uuid) mismatches.push(`uuid column ${row.uuid} ≠ XML UUID ${fields.uuid}`);
  if (fields.number !== row.number) mismatches.push(`number column ${row.number} ≠ XML ID ${fields.number}`);
  if (fields.qr !== row.qr) mismatches.push('qr column ≠ XML QR');
  if (mismatches.length > 0) report('stored-fields', mismatches.join('; '));
}
