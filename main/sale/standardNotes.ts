// SPDX-License-Identifier: UNLICENSED
// Credit and debit notes against a standard (B2B) tax invoice are standard documents too (main/sale/notes.ts keeps
// the invoice's profile, buyer and billing reference), so they are cleared by ZATCA before they are handed over,
// exactly as their invoice was (reference §9 #6; main/clearance): the note awaits clearance from its commit, is sent
// at once, and the buyer gets ZATCA's cleared XML and A4 PDF (clearance.files), never a thermal receipt. Only an
// invoice ZATCA cleared can be corrected: one awaiting, rejected or withdrawn is no valid invoice.
import type { ClearanceView } from '../../app/contract/b2bTypes';
import { DukkanError } from '../../app/errors/index';
import { clearanceView, type ClearanceDesk } from '../clearance/clearanceDesk';
import type { ClearanceStore } from '../clearance/clearanceStore';
import type { DocumentRow } from '../ledger/ledgerStore';

export interface StandardNotes {
  /** Before anything is signed: refuses a note against a standard invoice ZATCA has not cleared. */
  check(original: DocumentRow): void;
  /** Inside the note's issuance transaction: the note awaits clearance, for its invoice's customer. */
  committed(documentId: number, original: DocumentRow): void;
  /** After the commit: the note is sent to clearance at once; what the cashier sees of ZATCA's answer. */
  clear(note: DocumentRow): Promise<ClearanceView>;
}

export interface StandardNotesOptions {
  readonly clearances: Pick<ClearanceStore, 'get' | 'insertAwaiting'>;
  readonly desk: Pick<ClearanceDesk, 'clear'>;
  readonly numberOf: (documentId: number) => string | undefined;
  readonly clock: () => Date;
}

export function standardNotes(o: StandardNotesOptions): StandardNotes {
  return {
    check(original) {
      const state = o.clearances.get(original.id)?.state ?? 'awaiting';
      if (state !== 'cleared') throw new DukkanError('b2b.note-original-not-cleared', { number: original.number, state }, { field: 'originalNumber' });
    },
    committed(documentId, original) {
      o.clearances.insertAwaiting(documentId, o.clearances.get(original.id)?.customer_id ?? null, o.clock());
    },
    async clear(note) {
      const settled = await o.desk.clear(note);
      return clearanceView(settled, note.number, o.numberOf);
    },
  };
}
