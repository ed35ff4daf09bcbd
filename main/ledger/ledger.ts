// SPDX-License-Identifier: UNLICENSED
// The device ledger: the only writer of the invoice hash chain (reference §11).
//
// Issuance: take the clock once → read the chain head and the next number → build and stamp with the engine
// (asynchronous: signing may go to the key custody service) → one IMMEDIATE transaction that re-checks the head and
// the number, then stores the document, its lines and its reporting job. If another process moved the head in the
// meantime the document is rebuilt on the new head; nothing is ever written until the final transaction, so a crash
// at any point leaves either the whole document or nothing. The call returns after the WAL commit with
// synchronous=FULL, i.e. when the document is durable — printing comes after that.
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { parseDocumentInput, type DocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { buildAndStamp, type Signing, type StampedDocument } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { nativeSha256 } from '../zatca/nativeSha256';
import { Decimal } from '../../app/money/decimal';
import { riyadhDateTime } from '../../app/time/riyadhTime';
import { DukkanError } from '../../app/errors/index';
import { LedgerError, storageError } from './ledgerErrors';
import { checkBeforeStoring } from './stampChecks';
import { ledgerStatements, type ChainRow, type DocumentRow, type LedgerStatements } from './ledgerStore';
import type { LedgerAnchorGuard } from './ledgerAnchor';

export interface LedgerOptions {
  /** Prefix of human invoice numbers, e.g. "T1" → T1-000123. One prefix per terminal. */
  readonly numberPrefix: string;
  /** The device clock; injected so tests can move it. */
  readonly clock?: () => Date;
  /** Environment the signing certificate belongs to (recorded with its chain). */
  readonly environment?: string;
  /**
   * Longest plausible gap between two documents. A clock further ahead than this past the last document is refused
   * rather than producing a future-dated document (BR-KSA-04; GUIDE §5.6 "inaccurate timestamps").
   */
  readonly maxGapMs?: number;
  /**
   * The chain anchor outside the database (main/ledger/ledgerAnchor.ts): checked before each issue, moved after each
   * durable commit. Without one (`dukkan issue`, tests of the chain itself) a rolled-back database is not detected.
   */
  readonly anchor?: LedgerAnchorGuard;
}

/** A sale to issue: the document JSON without the fields the ledger assigns (number, UUID, issue date and time). */
export type SaleInput = Omit<DocumentInputJson, 'number' | 'uuid' | 'issueDate' | 'issueTime'>;

export interface IssueHooks {
  /** Runs inside the issuance transaction, after the document, its lines and its reporting job are written. */
  readonly withinCommit?: (documentId: number) => void;
}

export interface IssuedDocument {
  readonly id: number;
  readonly icv: number;
  readonly number: string;
  readonly uuid: string;
  readonly hash: string;
  readonly pih: string;
  readonly qr: string;
  readonly xml: Uint8Array;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly kind: DocumentInput['kind'];
  readonly document: DocumentInput;
  readonly stamped: StampedDocument;
}

const DEFAULT_MAX_GAP_MS = 400 * 24 * 3600 * 1000;
/** Clock steps backwards smaller than this are tolerated (NTP slews, two processes' reads racing). */
const BACKWARD_TOLERANCE_MS = 1000;
const MAX_HEAD_RETRIES = 20;

export class Ledger {
  private readonly q: LedgerStatements;
  private readonly clock: () => Date;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: SqliteDatabase,
    private readonly options: LedgerOptions,
  ) {
    if (!/^[A-Za-z0-9]{1,10}$/.test(options.numberPrefix)) throw new Error('numberPrefix must be 1–10 letters or digits');
    this.q = ledgerStatements(db);
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Issues a new invoice, credit note or debit note. Serialised: one issuance at a time per process.
   * `hooks.withinCommit` runs inside the issuance transaction on the same connection (e.g. to record how the sale was
   * paid): it commits with the document or, if it throws, nothing is issued.
   */
  issue(sale: SaleInput, signing: Signing, hooks: IssueHooks = {}): Promise<IssuedDocument> {
    return this.serialised(() => this.issueNow(sale, signing, undefined, hooks));
  }

  /**
   * After Fatoora rejected a document (400): issue the corrected document as a new one — new UUID, ICV and PIH — that
   * keeps the original number and issue date/time (reference §11). The rejected document stays in the chain.
   */
  reissueRejected(documentId: number, corrected: SaleInput | undefined, signing: Signing): Promise<IssuedDocument> {
    return this.serialised(() => {
      const original = this.q.documentById.get(documentId);
      if (!original) throw new LedgerError('ledger.original-not-found', { id: documentId });
      if (this.q.jobState.get(documentId)?.state !== 'rejected') throw new LedgerError('ledger.not-rejected', { number: original.number });
      if (this.q.correctionOf.get(documentId)) throw new LedgerError('ledger.already-reissued', { number: original.number });
      const sale = corrected ?? (JSON.parse(original.input_json) as SaleInput);
      return this.issueNow(sale, signing, original, {});
    });
  }

  private serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async issueNow(sale: SaleInput, signing: Signing, corrects: DocumentRow | undefined, hooks: IssueHooks): Promise<IssuedDocument> {
    const uuid = randomUUID();
    const certificate = { issuer: signing.certificate.issuerName, serial: signing.certificate.serialDecimal };
    // a database behind its anchor would sign an ICV it already used, with another hash: refused before anything
    await this.options.anchor?.verify(certificate);
    let rulesChecked = false;
    for (let attempt = 0; attempt < MAX_HEAD_RETRIES; attempt++) {
      // the one clock reading for this attempt's document; a retry after another process issued reads it again, or
      // a slow attempt would carry a time earlier than the document that overtook it. Read after the ledger: a
      // document another process commits between the two readings would otherwise look newer than the clock, and a
      // till starved of CPU for a second between them was refused as if its clock were behind
      const snapshot = this.readSnapshot(signing);
      const now = this.clock();
      this.checkCertificate(signing, now);
      this.checkClock(now, snapshot.lastCommittedAt);
      const number = corrects ? corrects.number : formatNumber(this.options.numberPrefix, snapshot.nextNumber);
      const when = corrects ? { issueDate: corrects.issue_date, issueTime: corrects.issue_time } : riyadhDateTime(now);
      const document = parseDocumentInput({ ...sale, number, uuid, ...when });
      const resolved = this.resolveOriginal(document);
      const stamped = await buildAndStamp(document, { icv: snapshot.icv, pih: snapshot.pih }, signing, { selfCheck: 'structural', sha256: nativeSha256 });
      // the stamp on every build; the rules once per issuance: a rebuild after the head moved changes only what the
      // ledger writes itself (ICV, PIH, number, date and time) and the stamp, which is checked on every build; checking
      // the rules again would lengthen every retry's race with the other writer by the check's cost (BENCHMARKS.md)
      checkBeforeStoring(stamped, signing, { rules: !rulesChecked });
      rulesChecked = true;
      const id = this.commit(snapshot, stamped, resolved, corrects, now, signing, hooks);
      if (id === undefined) continue; // the head moved under us (another process issued): rebuild on the new head
      await this.options.anchor?.advance({ ...certificate, icv: stamped.icv, hash: stamped.hash });
      return {
        id,
        icv: stamped.icv,
        number,
        uuid: stamped.uuid,
        hash: stamped.hash,
        pih: stamped.pih,
        qr: stamped.qr,
        xml: stamped.bytes,
        issueDate: document.issueDate,
        issueTime: document.issueTime,
        kind: document.kind,
        document,
        stamped,
      };
    }
    throw new LedgerError('ledger.head-moving');
  }

  private checkCertificate(signing: Signing, now: Date): void {
    const { notAfter, notBefore } = signing.certificate;
    if (now.getTime() > notAfter.getTime()) throw new LedgerError('ledger.certificate-expired', { notAfter: notAfter.toISOString() });
    if (now.getTime() < notBefore.getTime()) throw new LedgerError('ledger.certificate-not-yet-valid', { notBefore: notBefore.toISOString() });
  }

  private chainFor(signing: Signing): ChainRow | undefined {
    return this.q.chainByCertificate.get(signing.certificate.issuerName, signing.certificate.serialDecimal);
  }

  private readSnapshot(signing: Signing) {
    const last = this.q.lastCommittedAt.get()?.at ?? null;
    const chain = this.chainFor(signing);
    const head = chain ? this.q.chainHead.get(chain.id) : undefined;
    const nextNumber = this.q.peekNumber.get(this.options.numberPrefix)?.next_value ?? 1;
    return { chainId: chain?.id, headId: head?.id, icv: (head?.icv ?? 0) + 1, pih: head?.hash ?? INITIAL_PIH, nextNumber, lastCommittedAt: last };
  }

  private checkClock(now: Date, lastCommittedAt: number | null): void {
    if (lastCommittedAt === null) return;
    const times = { now: now.toISOString(), last: new Date(lastCommittedAt).toISOString() };
    if (now.getTime() < lastCommittedAt - BACKWARD_TOLERANCE_MS) throw new LedgerError('ledger.clock-behind', times);
    const maxGap = this.options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
    if (now.getTime() - lastCommittedAt > maxGap) throw new LedgerError('ledger.clock-ahead', times);
  }

  /** Notes must reference an invoice of this device, unless marked external (a legacy receipt). */
  private resolveOriginal(document: DocumentInput): ResolvedOriginal {
    const given = document.lines.map((l) => l.originalLine);
    if (document.kind === 'invoice' || !document.billingReference || document.billingReference.external) return { targets: given };
    const original = this.q.documentByNumber.get(document.billingReference.number);
    if (!original || original.kind !== 'invoice') {
      throw new LedgerError('ledger.unknown-original', { number: document.billingReference.number }, { field: 'billingReference.number' });
    }
    if (document.kind === 'credit-note') return { original, targets: this.checkReturnLimits(document, original) };
    return { original, targets: given };
  }

  /** Returned quantity per line cannot exceed sold minus already returned. Returns the original line of each line. */
  private checkReturnLimits(note: DocumentInput, original: DocumentRow): number[] {
    const sold = this.q.linesOf.all(original.id);
    const returned = new Map<number, Decimal>();
    for (const r of this.q.returnedQuantities.all(original.id)) {
      returned.set(r.original_line_id, (returned.get(r.original_line_id) ?? Decimal.ZERO).add(Decimal.parse(r.quantity)));
    }
    const thisNote = new Map<number, Decimal>();
    return note.lines.map((line, i) => {
      const target = line.originalLine ?? matchOriginalLine(line, sold, i);
      const soldLine = sold.find((s) => s.line_id === target);
      if (!soldLine) throw new LedgerError('ledger.original-line-missing', { number: original.number, line: target }, { field: `lines.${i}.originalLine` });
      const total = (thisNote.get(target) ?? Decimal.ZERO).add(Decimal.parse(line.quantity));
      thisNote.set(target, total);
      const already = returned.get(target) ?? Decimal.ZERO;
      const left = Decimal.parse(soldLine.quantity).sub(already);
      if (total.cmp(left) > 0) {
        throw new LedgerError(
          'ledger.return-exceeds-sale',
          {
            quantity: total.toMinimal(),
            name: soldLine.name,
            number: original.number,
            sold: soldLine.quantity,
            returned: already.toMinimal(),
            left: left.toMinimal(),
          },
          { field: `lines.${i}.quantity` },
        );
      }
      return target;
    });
  }

  /** The final, synchronous transaction. Returns undefined when the snapshot is stale (the head moved). */
  private commit(
    snapshot: ReturnType<Ledger['readSnapshot']>,
    stamped: StampedDocument,
    resolved: ResolvedOriginal,
    corrects: DocumentRow | undefined,
    now: Date,
    signing: Signing,
    hooks: IssueHooks,
  ): number | undefined {
    const q = this.q;
    const prefix = this.options.numberPrefix;
    const document = stamped.document;
    try {
      return this.db
        .transaction((): number | undefined => {
          this.checkClock(now, q.lastCommittedAt.get()?.at ?? null);
          let chain = this.chainFor(signing);
          if (!chain) {
            if (snapshot.chainId !== undefined) return undefined;
            const c = signing.certificate;
            q.insertChain.run(c.issuerName, c.serialDecimal, c.base64Der, this.options.environment ?? 'unknown', now.getTime());
            chain = this.chainFor(signing)!;
          } else if (chain.id !== snapshot.chainId) return undefined;
          if (q.chainHead.get(chain.id)?.id !== snapshot.headId) return undefined;
          if (!corrects) {
            const seq = q.peekNumber.get(prefix);
            if ((seq?.next_value ?? 1) !== snapshot.nextNumber) return undefined;
            if (seq) q.bumpSequence.run(prefix, seq.next_value);
            else q.startSequence.run(prefix);
          }
          // another process may have credited the same invoice meanwhile
          if (resolved.original && document.kind === 'credit-note') this.resolveOriginal(document);
          const t = stamped.totals;
          const info = q.insertDocument.run({
            chain_id: chain.id,
            icv: stamped.icv,
            uuid: stamped.uuid,
            number: stamped.number,
            kind: document.kind,
            profile: document.profile,
            issue_date: document.issueDate,
            issue_time: document.issueTime,
            issued_at: corrects ? corrects.issued_at : now.getTime(),
            pih: stamped.pih,
            hash: stamped.hash,
            qr: stamped.qr,
            xml: Buffer.from(stamped.bytes),
            input_json: JSON.stringify(withoutAssignedFields(document)),
            tax_exclusive: t.taxExclusive.toFixed(2),
            vat: t.vat.toFixed(2),
            tax_inclusive: t.taxInclusive.toFixed(2),
            payable: t.payable.toFixed(2),
            billing_reference: document.billingReference?.number ?? null,
            original_document_id: resolved.original?.id ?? null,
            corrects_document_id: corrects?.id ?? null,
            committed_at: now.getTime(),
          });
          const id = Number(info.lastInsertRowid);
          document.lines.forEach((line, i) =>
            q.insertLine.run({
              document_id: id,
              line_id: i + 1,
              name: line.name,
              quantity: line.quantity,
              unit_price: line.unitPrice,
              vat_category: line.vat.category,
              vat_rate: line.vat.rate,
              original_line_id: resolved.targets[i] ?? null,
            }),
          );
          q.insertJob.run(id, now.getTime(), now.getTime());
          hooks.withinCommit?.(id);
          return id;
        })
        .immediate();
    } catch (err) {
      // a refusal raised inside the commit (a store-credit voucher too small, main/storeCredit) rolled the document
      // back with it and is said as itself, not as a storage failure
      if (err instanceof DukkanError) throw err;
      return storageError(err);
    }
  }
}

interface ResolvedOriginal {
  readonly original?: DocumentRow;
  /** Per note line: the original invoice line it adjusts, when known. */
  readonly targets: readonly (number | undefined)[];
}

/** What is kept to rebuild a document after a rejection: the sale, without the fields the ledger assigns. */
function withoutAssignedFields(document: DocumentInput): SaleInput {
  const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = document;
  return sale;
}

function formatNumber(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** A note line without originalLine is matched to the one original line with the same name, price and VAT. */
function matchOriginalLine(
  line: DocumentInput['lines'][number],
  sold: { line_id: number; name: string; unit_price: string; vat_category: string; vat_rate: string }[],
  index: number,
): number {
  const matches = sold.filter(
    (s) =>
      s.name === line.name &&
      Decimal.parse(s.unit_price).eq(Decimal.parse(line.unitPrice)) &&
      s.vat_category === line.vat.category &&
      Decimal.parse(s.vat_rate).eq(Decimal.parse(line.vat.rate)),
  );
  const field = `lines.${index}.originalLine`;
  if (matches.length === 0) throw new LedgerError('ledger.no-matching-line', { name: line.name, price: line.unitPrice }, { field });
  if (matches.length > 1) throw new LedgerError('ledger.ambiguous-line', { name: line.name }, { field });
  return matches[0]!.line_id;
}
