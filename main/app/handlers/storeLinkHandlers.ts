// SPDX-License-Identifier: UNLICENSED
// The manager's store-server tab at the till (docs/store-server.md, "The till's store-server tab"): the link's
// status — terminal, last push, backlog, master-data version, last failure by catalog code — and removal of the
// enrolment with a manager's PIN. While enrolled, the server manages the shop's master data, so this till's own
// edits of it are refused with a bilingual message saying where to make them (the guard below); enrolling twice
// is refused, and a new enrolment pulls the server's master data at once.
import type { StoreStatusView } from '../../../app/contract/storeLinkApi';
import { DukkanError, type ErrorCode, type FieldProblem } from '../../../app/errors/index';
import { RIYADH_OFFSET_MS } from '../../../app/time/riyadhTime';
import type { SecretStore } from '../../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { StorePush } from '../../storeSync/startStorePush';
import { PinOutboxStore } from '../../storeSync/pinOutboxStore';
import { STORE_KEY_ENTRY } from '../../storeSync/storeEnrolment';
import { StoreLinkStore } from '../../storeSync/storeLinkStore';
import { StoreSyncStore } from '../../storeSync/storeSyncStore';
import { TillMasterDataStore } from '../../storeSync/tillMasterDataStore';
import type { PinChecks } from '../../users/pinChecks';
import type { User } from '../../users/userStore';
import { linkView } from './storeHandlers';
import { untilText } from './userAnswers';

export interface StoreLinkServices {
  folder(): { readonly db: SqliteDatabase; readonly secrets: SecretStore; readonly storeSync: StorePush | null };
  readonly pins: Pick<PinChecks, 'approve'>;
  pinChangeRequired(user: User | null): boolean;
}

/** The methods that edit what the store server manages while this till is enrolled. */
type ManagedEdit = 'catalog.save' | 'catalog.importCsv' | 'quickKeys.save' | 'users.save' | 'receiptFooter.save' | 'printer.save';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
/** "2026-12-04 16:05", Riyadh wall clock, as the refusal names the last contact. */
const riyadhMinute = (ms: number): string => new Date(ms + RIYADH_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

function status(db: SqliteDatabase): StoreStatusView | null {
  const link = new StoreSyncStore(db).link();
  if (!link) return null;
  const links = new StoreLinkStore(db);
  const pull = new TillMasterDataStore(db).pullState();
  const detail = pull.error_params === null ? {} : (JSON.parse(pull.error_params) as { params?: Record<string, string | number>; problems?: FieldProblem[] });
  return {
    link: linkView(link),
    lastPushAt: iso(links.lastPushAt()),
    backlog: links.backlog(),
    masterDataVersion: pull.version,
    lastPullAt: iso(pull.pulled_at),
    lastError:
      pull.error_code === null
        ? null
        : {
            reason: pull.error_code as ErrorCode,
            params: detail.params ?? {},
            fields: (detail.problems ?? []).map((p) => ({ path: p.path, reason: p.code, params: p.params ?? {} })),
            at: new Date(pull.error_at ?? 0).toISOString(),
          },
  };
}

async function checkManagerPin(app: StoreLinkServices, pin: string, clientId: string): Promise<void> {
  const check = await app.pins.approve(pin, clientId);
  if (!check.ok)
    throw check.reason === 'locked' ? new DukkanError('approval.locked', { until: untilText(check.until) }) : new DukkanError('approval.wrong-pin');
  if (app.pinChangeRequired(check.user)) throw new DukkanError('approval.factory-pin');
}

export const STORE_LINK_METHODS = ['store.status', 'store.remove'] as const;

export function storeLinkHandlers(app: StoreLinkServices): Pick<ApiHandlers, (typeof STORE_LINK_METHODS)[number]> {
  return {
    'store.status': () => status(app.folder().db),
    async 'store.remove'({ pin }, { session }) {
      const folder = app.folder();
      if (!new StoreSyncStore(folder.db).link()) throw new DukkanError('store.not-enrolled');
      await checkManagerPin(app, pin, session.clientId);
      // the link first: without it the workers idle, and a key left behind is simply unused
      new StoreLinkStore(folder.db).unlink();
      await folder.secrets.delete(STORE_KEY_ENTRY);
      return null;
    },
  };
}

/**
 * Refuses an edit of master data the store server manages for this till. The printer is the server's only once it
 * has sent printer settings (a till keeps its own printer otherwise). With the server out of reach the refusal
 * says so, and when it was last reached: a shop's tills must keep one catalog, so the edit waits for the server
 * (docs/store-server.md, "Master data at the till").
 */
function refuseManagedEdit(db: SqliteDatabase, method: ManagedEdit): void {
  const link = new StoreSyncStore(db).link();
  if (!link) return;
  const entries = new TillMasterDataStore(db);
  if (method === 'printer.save' && !entries.sentBody('setting', 'printer') && !entries.sentBody('setting', `printer:${link.terminal_id}`)) return;
  const pull = entries.pullState();
  if (pull.error_code === 'store.unreachable')
    throw new DukkanError('store.managed-server-unreachable', { url: link.url, since: riyadhMinute(pull.pulled_at ?? link.enrolled_at) });
  throw new DukkanError('store.managed-by-server', { url: link.url });
}

/** The handlers of `handlers` that the store-server link changes: master-data edits and enrolment. */
export function storeLinkGuard(handlers: ApiHandlers, app: StoreLinkServices): Pick<ApiHandlers, ManagedEdit | 'store.enrol' | 'session.changePin'> {
  const db = () => app.folder().db;
  /** A PIN just changed here travels to the server when the user is one of its own (docs/store-server.md). */
  const travel = (userId: number) => {
    const folder = app.folder();
    if (new PinOutboxStore(folder.db).queue(userId, Date.now())) folder.storeSync?.worker.nudge();
  };
  return {
    'catalog.save': (input, c) => (refuseManagedEdit(db(), 'catalog.save'), handlers['catalog.save'](input, c)),
    'catalog.importCsv': (input, c) => (refuseManagedEdit(db(), 'catalog.importCsv'), handlers['catalog.importCsv'](input, c)),
    'quickKeys.save': (input, c) => (refuseManagedEdit(db(), 'quickKeys.save'), handlers['quickKeys.save'](input, c)),
    async 'users.save'(input, c) {
      // a manager's new PIN for one of the server's users is allowed: it travels like a user's own change
      const pinOnly = new StoreSyncStore(db()).link() !== undefined && new PinOutboxStore(db()).isPinOnlyChange(input);
      if (!pinOnly) refuseManagedEdit(db(), 'users.save');
      const saved = await handlers['users.save'](input, c);
      if (pinOnly) travel(saved.id);
      return saved;
    },
    async 'session.changePin'(input, c) {
      const answer = await handlers['session.changePin'](input, c);
      if (c.session.user) travel(c.session.user.id);
      return answer;
    },
    'receiptFooter.save': (input, c) => (refuseManagedEdit(db(), 'receiptFooter.save'), handlers['receiptFooter.save'](input, c)),
    'printer.save': (input, c) => (refuseManagedEdit(db(), 'printer.save'), handlers['printer.save'](input, c)),
    async 'store.enrol'(input, c) {
      const folder = app.folder();
      const link = new StoreSyncStore(folder.db).link();
      if (link) throw new DukkanError('store.already-enrolled', { url: link.url, name: link.name });
      const view = await handlers['store.enrol'](input, c);
      // the server's catalog, users and settings now, not at the next tick
      folder.storeSync?.pull.nudge();
      folder.storeSync?.worker.nudge();
      return view;
    },
  };
}
