// SPDX-License-Identifier: UNLICENSED
// Cash control and the audit trail at the till (main/shifts, main/audit): open a shift with its float, paid-in and
// paid-out, the blind close, a manager's note, the drawer, the trail, and the X/Z reports on paper. Also the two
// wrappers that put sign-ins and Z reports into the trail without touching their own handler modules.
import { SHIFT_METHOD_NAMES } from '../../../app/contract/shiftMethodNames';
import type { ApiHandlers, CallContext } from '../../ipc/dispatcher';
import { DukkanError } from '../../../app/errors/index';
import { Decimal } from '../../../app/money/decimal';
import type { AuditTrail } from '../../audit/auditTrail';
import type { ReportPrinter } from '../../printing/reportPrinter';
import type { DailyReports } from '../../reports/dailyReport';
import type { ShiftBook, ShiftUser } from '../../shifts/shiftBook';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { Counter } from '../../sale/counter';
import { openCartsOf } from '../../sale/openCartStore';
import type { PinChecks } from '../../users/pinChecks';
import type { SessionStore } from '../../users/sessions';
import type { TerminalSettings } from '../terminalSettings';
import { pinRefusal } from './userAnswers';

export const SHIFT_METHODS = SHIFT_METHOD_NAMES;

export interface ShiftServices {
  /** The mode in use's till: its shifts, trail and reports. */
  folder(): {
    readonly db: SqliteDatabase;
    readonly shifts: ShiftBook;
    readonly audit: AuditTrail;
    readonly reports: Pick<DailyReports, 'x' | 'list' | 'zReport'>;
  };
  /** Whether a sale is being completed at the counter right now. */
  saleInProgress(): boolean;
  readonly paper: Pick<ReportPrinter, 'print' | 'kickDrawer'>;
  readonly sessions: Pick<SessionStore, 'approval' | 'consume'>;
  /** Where the idle lock's time is kept. */
  readonly settings: Pick<TerminalSettings, 'get' | 'set'>;
  /** The unlock PIN is checked and counted as at sign-in (main/users/pinChecks.ts). */
  readonly pins: Pick<PinChecks, 'signIn'>;
  /** The counter of the mode in use, for returns without this till's receipt. */
  counter(): Pick<Counter, 'externalReturn'>;
  readonly clock: () => Date;
}

/** The caller as the shift book knows them (the role check of the contract has already passed: someone is signed in). */
function userOf({ session }: CallContext): ShiftUser {
  const u = session.user;
  if (!u) throw new DukkanError('approval.missing');
  return { id: u.id, name: u.name, role: u.role };
}

export function shiftHandlers(app: ShiftServices): Pick<ApiHandlers, (typeof SHIFT_METHODS)[number]> {
  return {
    'shift.current': (_, c) => app.folder().shifts.current(userOf(c)),
    'shift.open': ({ openingFloat }, c) => app.folder().shifts.open(userOf(c), openingFloat),
    'shift.move': ({ kind, amount, reason }, c) => app.folder().shifts.move(userOf(c), kind, amount, reason, null),
    'shift.close': (count, c) => {
      const { db, shifts } = app.folder();
      // a sale still open at the till: items in the shift's cashier's cart (kept in main, main/sale/openCartStore.ts)
      const open = shifts.openShift();
      const cart = open ? openCartsOf(db, app.clock).get(open.cashier_id) : null;
      if (open && cart && cart.lines.length > 0) throw new DukkanError('shift.cart-open', { cashier: open.cashier_name, items: cart.lines.length });
      return shifts.close(userOf(c), count, app.saleInProgress());
    },
    'shift.annotate': ({ id, note }, c) => app.folder().shifts.annotate(userOf(c), id, note),
    'shift.list': (_, c) => app.folder().shifts.list(userOf(c)),
    async 'drawer.open'({ reason, approvalId }, c) {
      const user = userOf(c);
      // a manager opens the drawer; a cashier needs a manager's approval, good for this one opening only
      const approval = user.role === 'manager' ? undefined : app.sessions.approval(c.session, approvalId, ['drawer-open']);
      if (user.role !== 'manager' && !approval) throw new DukkanError('approval.missing', {}, { field: 'approvalId' });
      if (approval) app.sessions.consume(c.session, approval.id);
      await app.paper.kickDrawer();
      const { shifts, audit } = app.folder();
      audit.record({ kind: 'drawer-open', user, approvedBy: approval?.managerName ?? null, shiftId: shifts.openShift()?.id ?? null, reason });
      return { opened: true };
    },
    'audit.list': ({ day, user, kind }) => app.folder().audit.list({ day, user, kind }),
    'audit.void'({ item, before, reason }, c) {
      const { shifts, audit } = app.folder();
      audit.record({
        kind: 'void',
        user: userOf(c),
        shiftId: shifts.openShift()?.id ?? null,
        before: `${item}: ${before}`,
        after: null,
        reason,
      });
      return { recorded: true };
    },
    'reports.zList': () => app.folder().reports.list(),
    'returns.external'(input, c) {
      // a day's returns without this till's receipt are limited (terminal setting), counted from the trail
      const limit = app.settings.get('externalReturnsPerDay');
      if (app.folder().audit.externalRefundsOn(app.clock()) >= limit) throw new DukkanError('return.daily-limit', { limit });
      return app.counter().externalReturn(input, c.session);
    },
    'returns.limit': ({ perDay }) => {
      app.settings.set('externalReturnsPerDay', perDay);
      return { perDay: app.settings.get('externalReturnsPerDay') };
    },
    'discount.limit': () => ({ percent: app.settings.get('discountFreePercent') }),
    'discount.limitSave'({ percent }, c) {
      // stored in its shortest exact form ('10.50' → '10.5'), and the change is in the trail with who made it
      const before = app.settings.get('discountFreePercent');
      const after = Decimal.parse(percent).toMinimal();
      app.settings.set('discountFreePercent', after);
      if (after !== before) app.folder().audit.record({ kind: 'discount-limit', user: userOf(c), before: `${before}%`, after: `${after}%` });
      return { percent: after };
    },
    'lock.settings': () => ({ seconds: app.settings.get('idleLockSeconds') }),
    'lock.save': ({ seconds }) => {
      app.settings.set('idleLockSeconds', seconds);
      return { seconds: app.settings.get('idleLockSeconds') };
    },
    async 'lock.unlock'({ pin }, c) {
      const user = userOf(c);
      // the screen stays as it was under the lock (the cart too): only the one signed in, by their PIN, lifts it
      const check = await app.pins.signIn(user.id, pin, c.session.clientId);
      if (!check.ok) throw pinRefusal(check, () => new DukkanError('user.wrong-pin'));
      return { unlocked: true };
    },
    async 'reports.print'(input) {
      const reports = app.folder().reports;
      const report = input.kind === 'X' ? reports.x() : reports.zReport(input.number);
      return { report, print: await app.paper.print(report) };
    },
  };
}

/** Sign-ins, time-boxed approval sessions and Z reports into the trail: the session and report modules' own handlers, wrapped. */
export function auditedHandlers(
  handlers: Pick<ApiHandlers, 'session.login' | 'reports.daily' | 'approval.request'>,
  audit: () => AuditTrail,
): Pick<ApiHandlers, 'session.login' | 'reports.daily' | 'approval.request'> {
  return {
    async 'approval.request'(input, c) {
      const granted = await handlers['approval.request'](input, c);
      // a time-boxed session approves every change until it expires: the grant itself is on record
      const u = c.session.user;
      if (granted.session)
        audit().record({
          kind: 'approval-session',
          user: u ? { id: u.id, name: u.name } : null,
          approvedBy: granted.managerName,
          after: granted.expiresAt,
          reason: input.purpose,
        });
      return granted;
    },
    async 'session.login'(input, c) {
      const answer = await handlers['session.login'](input, c);
      const u = c.session.user;
      if (u) audit().record({ kind: 'sign-in', user: { id: u.id, name: u.name }, after: u.role });
      return answer;
    },
    async 'reports.daily'(input, c) {
      const report = await handlers['reports.daily'](input, c);
      const u = c.session.user;
      if (report.kind === 'Z') audit().record({ kind: 'z-report', user: u ? { id: u.id, name: u.name } : null, after: String(report.number) });
      return report;
    },
  };
}
