// SPDX-License-Identifier: UNLICENSED
// The till's store-server link (main/storeSync, docs/store-server.md): what it is enrolled as, and enrolment. A
// manager's PIN typed at this till is checked first, counted like an approval's (main/users/pinChecks.ts); only a
// live till enrols, so training's practice sales never reach the shop's books.
import { STORE_METHOD_NAMES } from '../../../app/contract/storeMethodNames';
import type { ShopDocumentView, StoreLinkView } from '../../../app/contract/storeApi';
import { DukkanError } from '../../../app/errors/index';
import type { SecretStore } from '../../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { findShopDocuments } from '../../storeSync/shopSearch';
import { enrolTill } from '../../storeSync/storeEnrolment';
import { StoreSyncStore, type StoreLinkRow } from '../../storeSync/storeSyncStore';
import type { PinChecks } from '../../users/pinChecks';
import type { User } from '../../users/userStore';
import { untilText } from './userAnswers';

export const STORE_METHODS = STORE_METHOD_NAMES;

export interface StoreServices {
  folder(): { readonly db: SqliteDatabase; readonly secrets: SecretStore; readonly options: { readonly training: boolean } };
  readonly pins: Pick<PinChecks, 'approve'>;
  pinChangeRequired(user: User | null): boolean;
  readonly clock: () => Date;
}

/** The link as the screens see it, with the certificate fingerprint pinned at enrolment. */
export function linkView(link: StoreLinkRow): StoreLinkView {
  return {
    url: link.url,
    terminalId: link.terminal_id,
    name: link.name,
    branch: link.branch,
    enrolledAt: new Date(link.enrolled_at).toISOString(),
    fingerprint: link.server_fingerprint,
  };
}

function view(db: SqliteDatabase): StoreLinkView | null {
  const link = new StoreSyncStore(db).link();
  return link ? linkView(link) : null;
}

export function storeHandlers(app: StoreServices): Pick<ApiHandlers, (typeof STORE_METHODS)[number]> {
  return {
    'store.get': () => view(app.folder().db),
    async 'store.enrol'({ url, code, pin }, { session }) {
      const folder = app.folder();
      if (folder.options.training) throw new DukkanError('store.training');
      const check = await app.pins.approve(pin, session.clientId);
      if (!check.ok)
        throw check.reason === 'locked' ? new DukkanError('approval.locked', { until: untilText(check.until) }) : new DukkanError('approval.wrong-pin');
      if (app.pinChangeRequired(check.user)) throw new DukkanError('approval.factory-pin');
      await enrolTill({ db: folder.db, secrets: folder.secrets, url, code, now: app.clock });
      return view(folder.db)!;
    },
    async 'store.findDocument'({ number, qr }) {
      const found = await findShopDocuments(app.folder(), number !== undefined ? { number } : { qr: qr! }, app.clock);
      return found.map((d): ShopDocumentView => ({
        number: d.number,
        kind: d.kind,
        branch: d.branch,
        till: d.terminal_name,
        issueDate: d.issue_date,
        issueTime: d.issue_time,
        cashier: d.cashier,
        total: d.tax_inclusive,
        xml: d.xml,
      }));
    },
  };
}
