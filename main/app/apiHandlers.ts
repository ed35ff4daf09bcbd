// SPDX-License-Identifier: UNLICENSED
// One handler per contract method. Arguments arrive parsed and the caller's role checked (main/ipc/dispatcher);
// handlers only call services. Nothing returned here carries a key, a secret, a PIN hash or SQL.
import path from 'node:path';
import type { AppMode, OnboardingEnvironment, ReceiptDetails, SessionInfo, StatusSnapshot, UserSummary } from '../../app/contract/types';
import { encodeQr } from '../../app/qr/tlv';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { importProductsCsv } from '../catalog/importProductsCsv';
import type { CatalogStore } from '../catalog/catalogStore';
import { exportDocuments } from '../export/exportDocuments';
import { ApiFailure } from '../ipc/apiFailure';
import { createDispatcher, type ApiHandlers, type Dispatcher } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import { newPinProblem, weakPinProblem, type PinProblem } from '../users/pinPolicy';
import type { ClientSession, SessionStore } from '../users/sessions';
import { DEFAULT_PINS, type PinCheck, type User, type UserStore } from '../users/userStore';
import type { SaleDesk } from '../sale/index';
import type { ModeServices } from './modeServices';
import type { OnboardingSession } from './onboardingSession';
import type { PrintingService } from './printingService';
import { deviceStatus, problems, syncLog } from './statusModel';
import type { TerminalSettings } from './terminalSettings';
import { translateError } from './translateError';

/** What the handlers need from the composition root (main/app/openApp.ts). */
export interface AppCore {
  readonly dataDir: string;
  readonly users: UserStore;
  readonly catalog: CatalogStore;
  readonly settings: TerminalSettings;
  readonly printing: PrintingService;
  readonly sessions: SessionStore;
  readonly onboardingEnvironments: readonly OnboardingEnvironment[];
  readonly clock: () => Date;
  mode(): AppMode;
  /**
   * Whether this user must choose a new PIN before anything else: a live terminal and a PIN still the factory one.
   * Read from the database at each call, so a PIN reset by a manager or a switch to live mode counts at once.
   */
  pinChangeRequired(user: User | null): boolean;
  /** The services of the mode in use (training or live). */
  current(): ModeServices;
  /** The counter and receipts of the mode in use. */
  sale(): SaleDesk;
  status(): StatusSnapshot;
  /** The onboarding wizard's run (main/app/onboardingSession). */
  readonly onboarding: OnboardingSession;
}

function summary(u: User): UserSummary {
  return { id: u.id, name: u.name, role: u.role, active: u.active };
}

const untilText = (d: Date) => d.toISOString().slice(11, 16);

/** A failed PIN check as the cashier reads it: locked (with until when) or wrong. */
function pinRefusal(check: Exclude<PinCheck, { ok: true }>, wrong: PinProblem): ApiFailure {
  if (check.reason === 'locked')
    return new ApiFailure('locked', `Too many wrong PINs: try again after ${untilText(check.until)} UTC.`, {
      messageAr: `محاولات خاطئة كثيرة: حاول بعد ${untilText(check.until)} بتوقيت UTC.`,
    });
  return new ApiFailure('wrong-pin', wrong.en, { messageAr: wrong.ar });
}

function badPin(field: string, problem: PinProblem): ApiFailure {
  return new ApiFailure('invalid-input', problem.en, { messageAr: problem.ar, fields: [{ path: field, message: problem.en }] });
}

export function createApiHandlers(core: AppCore): ApiHandlers {
  const session = (s: ClientSession): SessionInfo => {
    const mode = core.mode();
    const users = core.users.list();
    const shop = core.current().shop();
    return {
      user: s.user ? summary(s.user) : null,
      locale: s.locale,
      mode,
      users: users.filter((u) => u.active).map(summary),
      defaultPinsHint: mode === 'training' && users.some((u) => u.defaultPin) ? { ...DEFAULT_PINS } : null,
      pinChangeRequired: core.pinChangeRequired(s.user),
      shopName: shop ? (s.locale === 'ar' ? shop.sellerName.ar : shop.sellerName.en) : 'Dukkan',
      onboardingEnvironments: core.onboardingEnvironments,
    };
  };

  return {
    'session.get': (_, { session: s }) => session(s),
    async 'session.login'({ userId, pin }, { session: s }) {
      const check = await core.users.checkPin(userId, pin);
      if (!check.ok) throw pinRefusal(check, { en: 'Wrong PIN.', ar: 'الرقم السري غير صحيح.' });
      core.sessions.signOut(s);
      // with a factory PIN on a live terminal this session can only choose a new PIN (pinChangeRequired below)
      s.user = check.user;
      return session(s);
    },
    async 'session.changePin'({ oldPin, newPin }, { session: s }) {
      if (!s.user) throw new ApiFailure('not-signed-in', 'Sign in first.', { messageAr: 'سجّل الدخول أولاً.' });
      // the rules first: a typing mistake in the new PIN does not count as a wrong current PIN
      const problem = newPinProblem(newPin, oldPin);
      if (problem) throw badPin('newPin', problem);
      const changed = await core.users.changePin(s.user.id, oldPin, newPin);
      if (!changed.ok) throw pinRefusal(changed, { en: 'The current PIN is wrong.', ar: 'الرقم السري الحالي غير صحيح.' });
      s.user = changed.user;
      return session(s);
    },
    'session.logout'(_, { session: s }) {
      core.sessions.signOut(s);
      return session(s);
    },
    'session.setLocale'({ locale }, { session: s }) {
      s.locale = locale;
      core.settings.set('locale', locale);
      return session(s);
    },
    'status.get': () => core.status(),

    'catalog.search': ({ query }) => core.catalog.search(query),
    'catalog.lookup': ({ barcode }) => {
      const p = core.catalog.lookup(barcode);
      return p && p.active ? p : null;
    },
    'catalog.list': () => core.catalog.list(),
    'catalog.save': (input) => core.catalog.save(input),
    'catalog.importCsv': ({ csv }) => importProductsCsv(core.catalog, csv),

    async 'approval.request'({ pin, purpose }, { session: s }) {
      const lock = core.sessions.approvalLock(s);
      if (lock)
        throw new ApiFailure('locked', `Too many wrong manager PINs at this till: try again after ${untilText(lock)} UTC.`, {
          messageAr: `محاولات خاطئة كثيرة لرقم المدير: حاول بعد ${untilText(lock)} بتوقيت UTC.`,
        });
      const check = await core.users.findManagerByPin(pin);
      if (!check.ok) {
        const locked = core.sessions.recordApprovalFailure(s);
        if (locked)
          throw new ApiFailure('locked', `Too many wrong manager PINs at this till: try again after ${untilText(locked)} UTC.`, {
            messageAr: `محاولات خاطئة كثيرة لرقم المدير: حاول بعد ${untilText(locked)} بتوقيت UTC.`,
          });
        throw new ApiFailure('wrong-pin', 'That is not a manager PIN.', { messageAr: 'هذا ليس الرقم السري للمدير.' });
      }
      // a factory manager PIN approves nothing on a live terminal: anyone could type it
      if (core.pinChangeRequired(check.user)) {
        throw new ApiFailure(
          'pin-change-required',
          'This manager still has the factory PIN, which approves nothing on a live terminal: the manager signs in and chooses a new PIN first.',
          {
            messageAr:
              'ما زال المدير يستخدم الرقم السري الافتراضي، ولا يوافق على شيء في وضع التشغيل الفعلي: على المدير تسجيل الدخول واختيار رقم سري جديد أولاً.',
          },
        );
      }
      const granted = core.sessions.grant(s, check.user, purpose);
      return { approvalId: granted.id, managerName: granted.managerName, expiresAt: new Date(granted.expiresAt).toISOString() };
    },
    'sale.quote': (input, { session: s }) => core.sale().counter.quote(input, s),
    'sale.complete': (input, { session: s }) => core.sale().counter.completeSale(input, s),
    'receipts.find': ({ query }): ReceiptDetails | null => core.sale().receipts.find(query),
    'receipts.reprint': ({ number }) => core.sale().receipts.reprint(number),
    'receipts.preview': ({ number }) => core.sale().receipts.preview(number),
    'returns.create': (input, { session: s }) => core.sale().counter.creditNote(input, s),
    'debitNotes.create': (input, { session: s }) => core.sale().counter.debitNote(input, s),

    'onboarding.get': () => core.onboarding.progress(),
    'onboarding.start': (input) => core.onboarding.start(input),
    'device.status': () => {
      const m = core.current();
      return deviceStatus(core.mode(), m.onboarding.status(), m.worker, m.documents, core.dataDir);
    },
    'sync.log': ({ limit }) => syncLog(core.current().documents, limit),
    'sync.problems': () => problems(core.current().worker),
    'sync.retryNow': () => {
      core.current().worker?.nudge();
      return core.status();
    },

    'printer.get': () => core.printing.settings(),
    'printer.save': (input) => core.printing.save(input),
    'printer.testPrint': () => core.printing.print(testPage(core), {}),

    'reports.daily': ({ kind }, { session: s }) => (kind === 'X' ? core.current().reports.x() : core.current().reports.z(s.user?.id ?? null)),
    'export.documents': ({ from, to }) => {
      const training = core.mode() === 'training';
      return exportDocuments(core.current().db, {
        from,
        to,
        dir: path.join(core.dataDir, ...(training ? ['training'] : []), 'exports'),
        now: core.clock(),
        training,
      });
    },

    'users.list': () => core.users.list().map(summary),
    'users.save': async (input) => {
      // a live terminal takes no PIN that a factory PIN or one repeated digit would be (training keeps any)
      const problem = input.pin !== undefined && core.mode() === 'live' ? weakPinProblem(input.pin) : null;
      if (problem) throw badPin('pin', problem);
      return summary(await core.users.save(input));
    },
  };
}

/** The one entry point of every call (Electron IPC, browser-mode HTTP) to these handlers. */
export function createAppDispatcher(core: AppCore, logger: Logger): Dispatcher {
  const handlers = createApiHandlers(core);
  return createDispatcher({
    handlers: () => handlers,
    translate: translateError,
    pinChangeRequired: (session) => core.pinChangeRequired(session.user),
    logger,
  });
}

/** A test page through the real pipeline (template, QR self-check, ESC/POS bands); marked as not a tax invoice. */
function testPage(core: AppCore): ReceiptModel {
  const shop = core.current().shop();
  const now = core.clock().toISOString();
  const qr = encodeQr({
    sellerName: shop ? `${shop.sellerName.ar} | ${shop.sellerName.en}` : 'Dukkan',
    vatNumber: shop?.vatNumber ?? '300000000000003',
    timestamp: now.slice(0, 19),
    totalWithVat: '0.00',
    vatTotal: '0.00',
    invoiceHash: 'TEST',
    signature: 'TEST',
    publicKey: new Uint8Array([0]),
  });
  return {
    kind: 'invoice',
    shop: { nameAr: shop?.sellerName.ar ?? 'دكّان', nameEn: shop?.sellerName.en ?? 'Dukkan', vatNumber: shop?.vatNumber ?? '—', branch: shop?.branch ?? '' },
    number: 'TEST',
    issueDate: now.slice(0, 10),
    issueTime: now.slice(11, 19),
    lines: [{ name: 'طباعة تجريبية | Test print — أبجد هوز ١٢٣ 123', quantity: '1', unitPrice: '0.00', lineTotal: '0.00', vatRate: '15', vatCategory: 'S' }],
    vatBreakdown: [],
    totals: { taxExclusive: '0.00', vat: '0.00', taxInclusive: '0.00', payable: '0.00' },
    payments: [],
    qr,
    training: true,
  };
}
