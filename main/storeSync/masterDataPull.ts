// SPDX-License-Identifier: UNLICENSED
// The till's pull of master data (docs/store-server.md, "Tills' reads"): every change after the till's version
// cursor, page by page, in version order, so none is missed or applied twice. What the till does with each change
// is the caller's (`apply`); the cursor it returns is the last version applied. The answer may carry the server's
// announcement of its next TLS certificate (docs/store-server.md, "Replacing the certificate"): handed to `announced`.
import type { MasterDataChange, PullAnswer } from '../../app/contract/storeSync';
import type { TlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import { signedRequest, type StoreCredentials } from './storeClient';

export async function pullMasterData(
  credentials: StoreCredentials,
  after: number,
  apply: (change: MasterDataChange) => void,
  announced?: (announcement: TlsAnnouncement) => void,
): Promise<number> {
  let cursor = after;
  for (;;) {
    const page = (await signedRequest(credentials, 'GET', `/api/pull?after=${cursor}`)) as PullAnswer;
    if (page.tlsNext) announced?.(page.tlsNext);
    for (const change of page.changes) {
      apply(change);
      cursor = change.version;
    }
    if (!page.more) return cursor;
  }
}
