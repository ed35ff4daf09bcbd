// SPDX-License-Identifier: UNLICENSED
// One handler per contract method. Arguments arrive parsed and the caller's role checked (main/ipc/dispatcher);
// handlers only call services. Nothing returned here carries a key, a secret, a PIN hash or SQL.
import path from 'node:path';
import type { AppMode, OnboardingEnvironment, OnboardingProgress, ReceiptDetails, SessionInfo, StatusSnapshot, UserSummary } from '../../app/contract/types';
import { encodeQr } from '../../app/qr/tlv';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { importProductsCsv } from '../catalog/importProductsCsv';
import type { CatalogStore } from '../catalog/catalogStore';
import { exportDocuments } from '../export/exportDocuments';
import { ApiFailure } from '../ipc/apiFailure';
import type { ApiHandlers } from '../ipc/dispatcher';
import type { ParsedInput } from '../../app/contract/api';
import type { ClientSession, SessionStore } from '../users/sessions';
import { DEFAULT_PINS, type User, type UserStore } from '../users/userStore';
import type { Counter } from './counter';
import type { ModeServices } from './modeServices';
import type { PrintingService } from './printingService';
import { deviceStatus, problems, syncLog } from './statusModel';
import type { TerminalSettings } from './terminalSettings';

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
  /** The services of the mode in use (training or live). */
  current(): ModeServices;
  counter(): Counter;
  status(): StatusSnapshot;
  onboardingProgress(): OnboardingProgress;
  startOnboarding(input: ParsedInput<'onboarding.start'>): Promise<OnboardingProgress>;
}

function summary(u: User): UserSummary {
  return { id: u.id, name: u.name, role: u.role, active: u.active };
}

const untilText = (d: Date) => d.toISOString().slice(11, 16);

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
      shopName: shop ? (s.locale === 'ar' ? shop.sellerName.ar : shop.sellerName.en) : 'Dukkan',
      onboardingEnvironments: core.onboardingEnvironments,
    };
  };

  const counter = (): Counter => core.counter();

  return {
    'session.get': (_, { session: s }) => session(s),
    async 'session.login'({ userId, pin }, { session: s }) {
      const check = await core.users.checkPin(userId, pin);
      if (!check.ok) {
        if (check.reason === 'locked') throw new ApiFailure('locked', `Too many wrong PINs: try again after ${untilText(check.until)} UTC.`, { messageAr: `محاولات خاطئة كثيرة: حاول بعد ${untilText(check.until)} بتوقيت UTC.` });
        throw new ApiFailure('wrong-pin', 'Wrong PIN.', { messageAr: 'الرقم السري غير صحيح.' });
      }
      core.sessions.signOut(s);
      s.user = check.user;
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
      if (lock) throw new ApiFailure('locked', `Too many wrong manager PINs at this till: try again after ${untilText(lock)} UTC.`, { messageAr: `محاولات خاطئة كثيرة لرقم المدير: حاول بعد ${untilText(lock)} بتوقيت UTC.` });
      const check = await core.users.findManagerByPin(pin);
      if (!check.ok) {
        const locked = core.sessions.recordApprovalFailure(s);
        if (locked) throw new ApiFailure('locked', `Too many wrong manager PINs at this till: try again after ${untilText(locked)} UTC.`, { messageAr: `محاولات خاطئة كثيرة لرقم المدير: حاول بعد ${untilText(locked)} بتوقيت UTC.` });
        throw new ApiFailure('wrong-pin', 'That is not a manager PIN.', { messageAr: 'هذا ليس الرقم السري للمدير.' });
      }
      const granted = core.sessions.grant(s, check.user, purpose);
      return { approvalId: granted.id, managerName: granted.managerName, expiresAt: new Date(granted.expiresAt).toISOString() };
    },
    'sale.quote': (input, { session: s }) => counter().quote(input, s),
    'sale.complete': (input, { session: s }) => counter().completeSale(input, s),
    'receipts.find': ({ query }): ReceiptDetails | null => counter().find(query),
    'receipts.reprint': ({ number }) => counter().reprint(number),
    'receipts.preview': ({ number }) => counter().preview(number),
    'returns.create': (input, { session: s }) => counter().creditNote(input, s),
    'debitNotes.create': (input, { session: s }) => counter().debitNote(input, s),

    'onboarding.get': () => core.onboardingProgress(),
    'onboarding.start': (input) => core.startOnboarding(input),
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
      return exportDocuments(core.current().db, { from, to, dir: path.join(core.dataDir, ...(training ? ['training'] : []), 'exports'), now: core.clock(), training });
    },

    'users.list': () => core.users.list().map(summary),
    'users.save': async (input) => summary(await core.users.save(input)),
  };
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
