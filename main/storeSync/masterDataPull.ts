// SPDX-License-Identifier: UNLICENSED
// The till's pull of master data (docs/store-server.md, "Tills' reads"): every change after the till's version
// cursor, page by page, in version order, so none is missed or applied twice. What the till does with each change
// is the caller's (`apply`); the cursor it returns is the last version applied.
import type { MasterDataChange, PullAnswer } from '../../app/contract/storeSync';
import { signedRequest, type StoreCredentials } from './storeClient';

export async function pullMasterData(credentials: StoreCredentials, after: number, apply: (change: MasterDataChange) => void): Promise<number> {
  let cursor = after;
  for (;;) {
    const page = (await signedRequest(credentials, 'GET', `/api/pull?after=${cursor}`)) as PullAnswer;
    for (const change of page.changes) {
      apply(change);
      cursor = change.version;
    }
    if (!page.more) return cursor;
  }
}
