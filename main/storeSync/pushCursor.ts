// SPDX-License-Identifier: UNLICENSED
// How far a push moved each cursor (docs/store-server.md, "Push"): documents advance over every one the server
// stored or already had, up to the first it refused; an ICV gap the server names sends the cursor back to the
// document it expects (a server restored from an older backup gets the rest again, answered "duplicate" where it
// had them). A refused record is logged and passed: the same id can never be stored differently later.
import type { PushAnswer } from '../../app/contract/storeSync';
import type { PushDocumentRow, PushRecordRow } from './storeSyncStore';

export interface DocumentAdvance {
  /** The new cursor (a local document id). */
  readonly position: number;
  /** The first refusal that stopped it, if any. */
  readonly refusal?: { readonly code: string; readonly params: Readonly<Record<string, string | number>> };
}

export function documentAdvance(
  cursor: number,
  rows: readonly PushDocumentRow[],
  answer: PushAnswer['documents'],
  documentAt: (chain: string, icv: number) => number | undefined,
): DocumentAdvance {
  const outcome = new Map(answer.map((a) => [`${a.chain}#${a.icv}`, a]));
  let position = cursor;
  for (const row of rows) {
    const a = outcome.get(`${row.chain}#${row.icv}`);
    if (a && (a.outcome === 'stored' || a.outcome === 'duplicate')) {
      position = row.id;
      continue;
    }
    if (a?.outcome === 'refused' && a.code === 'store.icv-gap' && typeof a.params.expected === 'number' && a.params.expected < row.icv) {
      const from = documentAt(row.chain, a.params.expected);
      if (from !== undefined && from - 1 < position) return { position: from - 1, refusal: a };
    }
    return { position, ...(a?.outcome === 'refused' ? { refusal: a } : {}) };
  }
  return { position };
}

/** The records' cursor after a push: the highest id answered at all (a refusal is final for its id). */
export function recordAdvance(cursor: number, rows: readonly PushRecordRow[], answered: ReadonlySet<string>, prefix: string): number {
  let position = cursor;
  for (const row of rows) {
    if (!answered.has(`${prefix}:${row.id}`)) break;
    position = row.id;
  }
  return position;
}
