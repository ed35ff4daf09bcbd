// SPDX-License-Identifier: UNLICENSED
// Reservations of returned quantities (docs/store-server.md, "Returns at another till"). Before an enrolled till
// issues a credit note — for its own sale or another till's — it reserves here what it returns, per line of the
// invoice. Under one lock per invoice (returnReservationStore.lockOriginal), in one transaction, the server grants it
// only while sold − returned − the active reservations of the others ≥ asked for every line, or refuses naming the
// line, its item, sold, returned, reserved and the rule: of two tills returning the same line at once, the second is
// refused. A reservation is the till's id: asked again, it is answered as before. The credit note's push consumes it,
// matched by invoice and line (landed(), called by the push's own transaction); a till whose issuance failed releases
// it; one never consumed holds nothing after RESERVATION_MINUTES.
//
// A till cut off from the server still returns its own sale (a shop cannot stop refunds at its own till for a
// network fault). Such a note may take a line beyond what was sold when another till credited it meanwhile; its push
// is stored all the same — the note is signed and reported to ZATCA already — and the line is recorded in
// over_returns, which the manager page shows.
import { RESERVATION_MINUTES, releaseRequest, reserveRequest, type ReservationAnswer, type ReservationState } from '../app/contract/storeReturnReservation';
import type { PushedDocument } from '../app/contract/storeSync';
import { DukkanError } from '../app/errors/index';
import { Decimal } from '../app/money/decimal';
import type { Queryable, Storage } from './db/storage';
import { parsePayload } from './http/payload';
import { returnReservationStore, type ReservationRow } from './stores/returnReservationStore';
import type { TerminalRow } from './stores/terminalStore';

const dec = (text: string | undefined) => (text === undefined ? Decimal.ZERO : Decimal.parse(text));

function answerOf(row: Pick<ReservationRow, 'reservation_id' | 'state' | 'expires_at'>, now: Date): ReservationAnswer {
  const state: ReservationState = row.state === 'active' && row.expires_at.getTime() <= now.getTime() ? 'expired' : row.state;
  return { reservationId: row.reservation_id, state, expiresAt: row.expires_at.toISOString() };
}

/** The sold quantity and item name of each line of an invoice's stored sale (its lines are numbered from 1). */
function soldLines(sale: { readonly lines: readonly Record<string, unknown>[] } | null): Map<number, { sold: string; name: string }> {
  const lines = new Map<number, { sold: string; name: string }>();
  sale?.lines.forEach((l, i) => {
    if (typeof l.quantity === 'string' && Decimal.isValid(l.quantity)) lines.set(i + 1, { sold: l.quantity, name: typeof l.name === 'string' ? l.name : '' });
  });
  return lines;
}

export async function reserveReturn(storage: Storage, terminal: TerminalRow, body: unknown, now: Date): Promise<ReservationAnswer> {
  const asked = parsePayload(reserveRequest, body);
  // one line of the request per invoice line: a cart naming a line twice asks for the sum
  const wanted = new Map<number, { quantity: Decimal; index: number; sold?: string; name?: string }>();
  asked.lines.forEach((l, index) => {
    const seen = wanted.get(l.line);
    if (seen) seen.quantity = seen.quantity.add(Decimal.parse(l.quantity));
    else wanted.set(l.line, { quantity: Decimal.parse(l.quantity), index, ...(l.sold ? { sold: l.sold } : {}), ...(l.name ? { name: l.name } : {}) });
  });
  const lines = [...wanted].map(([line, w]) => ({ line, quantity: w.quantity.toMinimal() }));
  return storage.transaction(async (tx) => {
    await returnReservationStore.lockOriginal(tx, asked.originalUuid);
    const existing = await returnReservationStore.find(tx, terminal.id, asked.reservationId);
    if (existing && existing.row.original_uuid !== asked.originalUuid) {
      throw new DukkanError('return.reservation-conflict', { reservation: asked.reservationId }, { field: 'reservationId' });
    }
    if (existing) {
      const answer = answerOf(existing.row, now);
      // consumed: the note is at the server already; active with the same lines: the first answer again
      if (answer.state === 'consumed') return answer;
      const same =
        existing.lines.length === lines.length &&
        existing.lines.every((l) => lines.some((x) => x.line === l.original_line && Decimal.parse(l.quantity).eq(Decimal.parse(x.quantity))));
      if (answer.state === 'active' && same) return answer;
    }
    const invoice = await returnReservationStore.invoice(tx, asked.originalUuid);
    const held = soldLines(invoice?.sale ?? null);
    const number = invoice?.number ?? asked.originalNumber;
    const returned = await returnReservationStore.returned(tx, asked.originalUuid);
    const reserved = await returnReservationStore.reservedByOthers(tx, asked.originalUuid, terminal.id, asked.reservationId, now);
    for (const [line, w] of wanted) {
      const field = `lines.${w.index}.quantity`;
      // the server's copy of the invoice decides; the selling till's own figures only while the server has none
      const known = invoice?.sale ? held.get(line) : w.sold !== undefined ? { sold: w.sold, name: w.name ?? '' } : undefined;
      if (!known && invoice?.sale) throw new DukkanError('return.reservation-no-line', { number, line }, { field: `lines.${w.index}.line` });
      if (!known) throw new DukkanError('return.reservation-unknown', { number }, { field });
      const sold = Decimal.parse(known.sold);
      const back = dec(returned.get(line));
      const held_ = dec(reserved.get(line));
      const left = sold.sub(back).sub(held_);
      if (w.quantity.cmp(left) > 0) {
        throw new DukkanError(
          'return.reservation-refused',
          {
            line,
            name: known.name,
            number,
            quantity: w.quantity.toMinimal(),
            sold: sold.toMinimal(),
            returned: back.toMinimal(),
            reserved: held_.toMinimal(),
            left: (left.isNegative() ? Decimal.ZERO : left).toMinimal(),
          },
          { field },
        );
      }
    }
    const expiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
    await returnReservationStore.grant(
      tx,
      { terminalId: terminal.id, reservationId: asked.reservationId, originalUuid: asked.originalUuid, originalNumber: number, now, expiresAt },
      lines,
    );
    return { reservationId: asked.reservationId, state: 'active', expiresAt: expiresAt.toISOString() };
  });
}

/** The till's issuance failed: the quantities are free again at once. A reservation consumed or unknown is answered as it is. */
export async function releaseReturn(storage: Storage, terminal: TerminalRow, body: unknown, now: Date): Promise<ReservationAnswer> {
  const { reservationId } = parsePayload(releaseRequest, body);
  const row = await returnReservationStore.release(storage, terminal.id, reservationId, now);
  return row ? answerOf(row, now) : { reservationId, state: 'released', expiresAt: now.toISOString() };
}

/**
 * In the push's transaction, after its credit notes' returns are recorded (ingestStore.insertDocuments): each note
 * consumes its till's active reservations of the invoice, line by line, oldest first; and a line now returned beyond
 * what was sold — a note issued offline — is recorded in over_returns for the manager page.
 */
export async function returnsLanded(tx: Queryable, terminalId: string, accepted: readonly PushedDocument[], now: Date): Promise<void> {
  const notes = accepted.filter((d) => d.kind === 'credit-note' && d.returns);
  if (notes.length === 0) return;
  // invoices locked in one order in every push: two pushes never wait on each other crosswise
  const originals = [...new Set(notes.map((d) => d.returns!.originalUuid))].sort();
  for (const uuid of originals) await returnReservationStore.lockOriginal(tx, uuid);
  for (const uuid of originals) {
    const mine = notes.filter((d) => d.returns!.originalUuid === uuid);
    const open = (await returnReservationStore.openLines(tx, terminalId, uuid)).map((o) => ({ ...o, left: Decimal.parse(o.open) }));
    const touched = new Set<string>();
    for (const r of mine.flatMap((d) => d.returns!.lines)) {
      let due = Decimal.parse(r.quantity);
      for (const o of open) {
        if (due.isZero()) break;
        if (o.original_line !== r.line || o.left.isZero()) continue;
        const take = o.left.cmp(due) < 0 ? o.left : due;
        await returnReservationStore.consume(tx, terminalId, o.reservation_id, r.line, take.toMinimal());
        o.left = o.left.sub(take);
        due = due.sub(take);
        touched.add(o.reservation_id);
      }
    }
    if (touched.size > 0) await returnReservationStore.settleConsumed(tx, terminalId, [...touched], now);

    const invoice = await returnReservationStore.invoice(tx, uuid);
    const sold = soldLines(invoice?.sale ?? null);
    if (sold.size === 0) continue; // the invoice is not here with its lines: nothing to compare with
    // what was returned before this push, then each note of it in its chain's order: the note that crossed is named
    const running = await returnReservationStore.returned(tx, uuid);
    const total = new Map([...running].map(([line, q]) => [line, Decimal.parse(q)]));
    for (const l of mine.flatMap((d) => d.returns!.lines)) total.set(l.line, (total.get(l.line) ?? Decimal.ZERO).sub(Decimal.parse(l.quantity)));
    for (const note of mine) {
      for (const l of note.returns!.lines) total.set(l.line, (total.get(l.line) ?? Decimal.ZERO).add(Decimal.parse(l.quantity)));
      for (const line of new Set(note.returns!.lines.map((l) => l.line))) {
        const s = sold.get(line);
        const back = total.get(line) ?? Decimal.ZERO;
        if (!s || back.cmp(Decimal.parse(s.sold)) <= 0) continue;
        await returnReservationStore.recordOverReturn(tx, {
          terminalId,
          chain: note.chain,
          icv: note.icv,
          originalUuid: uuid,
          line,
          sold: s.sold,
          returned: back.toMinimal(),
          now,
        });
      }
    }
  }
}
