// SPDX-License-Identifier: UNLICENSED
// One push from one terminal (docs/store-server.md, "Push"): documents and till records, in one transaction.
// Idempotent on (terminal, chain, ICV) and on the record's event id: a push repeated after a lost answer is answered
// "duplicate" item by item and stores nothing twice. Documents of a chain must arrive in ICV order with their
// previous-invoice hash matching the one stored (reference §11); a gap or a broken link is refused for that item and
// every later one of its chain, naming the ICV the server expects, so the till resends from there. Each new document's
// hash, ICV, PIH, UUID, number and signature are checked against its own XML first (server/pushedXmlCheck.ts), in
// the checking threads (server/checks/documentCheckPool.ts), and its certificate against the chain's (chainPins.ts).
import { pushRequest, type PushAnswer, type PushedDocument, type TerminalStatus } from '../app/contract/storeSync';
import { chainPin } from './chainPins';
import type { DocumentCheckPool } from './checks/documentCheckPool';
import type { Storage } from './db/storage';
import { parsePayload } from './http/payload';
import type { CheckedFields, PushedXmlVerdict } from './pushedXmlCheck';
import { returnsLanded } from './returnReservations';
import { dayTotalsStore } from './stores/dayTotalsStore';
import { ingestStore, type StoredHead } from './stores/ingestStore';
import { terminalStore, type TerminalRow } from './stores/terminalStore';

type DocumentOutcome = PushAnswer['documents'][number];
type Refusal = Extract<DocumentOutcome, { outcome: 'refused' }>;

export async function ingest(storage: Storage, terminal: TerminalRow, body: unknown, now: Date, checks: DocumentCheckPool): Promise<PushAnswer> {
  const push = parsePayload(pushRequest, body);
  const chains = byChain(push.documents);
  const verdicts = await verdictsOf(storage, terminal.id, chains, checks);
  return storage.transaction(async (tx) => {
    await ingestStore.lockTerminal(tx, terminal.id);
    const documents: DocumentOutcome[] = [];
    for (const [chain, docs] of chains) {
      const stored = await ingestStore.storedHashes(
        tx,
        terminal.id,
        chain,
        docs.map((d) => d.icv),
      );
      let head: StoredHead | undefined = await ingestStore.head(tx, terminal.id, chain);
      let refusal: Refusal | undefined;
      const certificateRefusal = await chainPin(tx, terminal.id, chain, now);
      const accepted: PushedDocument[] = [];
      for (const d of docs) {
        const previous = stored.get(d.icv);
        if (previous !== undefined) {
          documents.push(
            previous === d.hash
              ? { chain, icv: d.icv, outcome: 'duplicate' }
              : { chain, icv: d.icv, outcome: 'refused', code: 'store.icv-conflict', params: { chain, icv: d.icv } },
          );
          continue;
        }
        if (!refusal && head && d.icv !== head.icv + 1) {
          refusal = { chain, icv: d.icv, outcome: 'refused', code: 'store.icv-gap', params: { chain, icv: d.icv, expected: head.icv + 1 } };
        } else if (!refusal && head && d.pih !== head.hash) {
          refusal = { chain, icv: d.icv, outcome: 'refused', code: 'store.chain-broken', params: { chain, icv: d.icv, previous: head.icv } };
        }
        // only documents new to the server were checked: a push resent after a lost answer costs no XML work (one
        // stored before but gone since — a restored server — is checked here)
        const verdict = refusal ? undefined : (verdicts.get(d) ?? (await checks.check([checkedFieldsOf(d)]))[0]!);
        const docRefusal = verdict && ('refusal' in verdict ? verdict.refusal : await certificateRefusal(verdict.certificate, d.icv));
        if (docRefusal) {
          documents.push({ chain, icv: d.icv, outcome: 'refused', ...docRefusal });
          // the chain waits at this ICV: later documents of the push are refused as arriving before it
          refusal = { chain, icv: d.icv, outcome: 'refused', code: 'store.icv-gap', params: { chain, icv: d.icv, expected: d.icv } };
          continue;
        }
        if (refusal) {
          // everything after the first refusal of a chain waits for the missing link
          documents.push({ ...refusal, icv: d.icv, params: { ...refusal.params, icv: d.icv } });
          continue;
        }
        accepted.push(d);
        documents.push({ chain, icv: d.icv, outcome: 'stored' });
        head = { icv: d.icv, hash: d.hash };
      }
      // one statement per table for the whole chain's batch: ingest speed is round trips (BENCHMARKS.md)
      await ingestStore.insertDocuments(tx, terminal.id, terminal.branch, accepted);
      // the credit notes' returns consume their till's reservations; a line returned beyond what was sold is recorded
      await returnsLanded(tx, terminal.id, accepted, now);
      await dayTotalsStore.add(
        tx,
        terminal.id,
        chain,
        accepted.map((d) => d.icv),
      );
    }
    const records: PushAnswer['records'][number][] = [];
    for (const r of push.records) {
      const outcome = await ingestStore.insertRecord(tx, terminal.id, r);
      records.push(
        outcome === 'conflict'
          ? { eventId: r.eventId, outcome: 'refused', code: 'store.record-conflict', params: { eventId: r.eventId } }
          : { eventId: r.eventId, outcome },
      );
    }
    await terminalStore.seen(tx, terminal.id, now, push.status satisfies TerminalStatus | undefined);
    return { documents, records };
  });
}

const checkedFieldsOf = ({ chain, icv, uuid, number, pih, hash, xml }: PushedDocument): CheckedFields => ({ chain, icv, uuid, number, pih, hash, xml });

/**
 * The check of every document not stored yet, before the transaction: the checking threads work (about a millisecond
 * of CPU per document) while no lock or connection is held, and a document already stored is not checked again.
 */
async function verdictsOf(
  storage: Storage,
  terminalId: string,
  chains: ReadonlyMap<string, readonly PushedDocument[]>,
  checks: DocumentCheckPool,
): Promise<Map<PushedDocument, PushedXmlVerdict>> {
  const unknown: PushedDocument[] = [];
  for (const [chain, docs] of chains) {
    const stored = await ingestStore.storedHashes(
      storage,
      terminalId,
      chain,
      docs.map((d) => d.icv),
    );
    unknown.push(...docs.filter((d) => !stored.has(d.icv)));
  }
  const verdicts = await checks.check(unknown.map(checkedFieldsOf));
  return new Map(unknown.map((d, i) => [d, verdicts[i]!]));
}

/** The push's documents per chain, each chain in ascending ICV order (a till may send them in any order). */
function byChain(documents: readonly PushedDocument[]): Map<string, PushedDocument[]> {
  const chains = new Map<string, PushedDocument[]>();
  for (const d of documents) {
    const list = chains.get(d.chain);
    if (list) list.push(d);
    else chains.set(d.chain, [d]);
  }
  for (const docs of chains.values()) docs.sort((a, b) => a.icv - b.icv);
  return chains;
}
