// SPDX-License-Identifier: UNLICENSED
// Fakes for the renderer's unit tests: main's API answered by functions the test gives (every call recorded, an
// unanswered method fails loudly), a session, products, and a quote that adds up whole quantities. Never bundled:
// nothing the app imports reaches this file.
import type { DukkanApi } from '../../../app/contract/api';
import type { ApiError, ApiErrorCode, ErrorText } from '../../../app/contract/errors';
import type { AppEvent } from '../../../app/contract/events';
import type { MethodName } from '../../../app/contract/methodNames';
import type { ShiftView } from '../../../app/contract/shiftTypes';
import type { DeviceStatus, IssueResult, Product, Quote, SessionInfo, UserSummary } from '../../../app/contract/types';
import { errorText, type ErrorCode, type ErrorParams } from '../../../app/errors/index';
import { ApiCallError, type Connection } from '../api';

type Handlers = { [M in MethodName]?: (input: Parameters<DukkanApi[M]>[0]) => ReturnType<DukkanApi[M]> | Awaited<ReturnType<DukkanApi[M]>> };

export interface FakeApi {
  readonly api: DukkanApi;
  /** Every call, in order. */
  readonly calls: { readonly method: MethodName; readonly input: unknown }[];
  /** Replaces or adds answers. */
  answer(handlers: Handlers): void;
  callsOf<M extends MethodName>(method: M): Parameters<DukkanApi[M]>[0][];
}

export function fakeApi(initial: Handlers = {}): FakeApi {
  const handlers: Handlers = { ...initial };
  const calls: { method: MethodName; input: unknown }[] = [];
  const api = new Proxy({} as DukkanApi, {
    get(_, method: string) {
      return async (input: unknown) => {
        calls.push({ method: method as MethodName, input });
        const handler = handlers[method as MethodName] as ((i: unknown) => unknown) | undefined;
        if (!handler) throw new Error(`fake API: nothing answers ${method}`);
        return handler(input);
      };
    },
  });
  return {
    api,
    calls,
    answer: (more) => Object.assign(handlers, more),
    callsOf: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as Parameters<DukkanApi[M]>[0]),
  };
}

/** A refusal as main answers it: its category, catalog code and parameters, and any fields at fault. */
export function refused(code: ApiErrorCode, reason: ErrorCode, params: ErrorParams = {}, extra: Pick<ApiError, 'field' | 'fields'> = {}): ApiCallError {
  return new ApiCallError({ code, reason, params, message: errorText(reason, params, 'en'), ...extra });
}

export const MANAGER: UserSummary = { id: 1, name: 'Manager', role: 'manager', active: true };
export const CASHIER: UserSummary = { id: 2, name: 'Cashier', role: 'cashier', active: true };

export function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    user: null,
    locale: 'en',
    mode: 'training',
    users: [MANAGER, CASHIER, { id: 3, name: 'Gone', role: 'cashier', active: false }],
    defaultPinsHint: { manager: '1234', cashier: '0000' },
    pinChangeRequired: false,
    shopName: 'Al Nakheel Grocery',
    onboardingEnvironments: ['simulation', 'production', 'local-simulator'],
    ...overrides,
  };
}

export function product(id: number, name: string, price: string, extra: Partial<Product> = {}): Product {
  return {
    id,
    name,
    nameAr: null,
    barcodes: [`62${String(id).padStart(11, '0')}`],
    price,
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    exemptionCode: null,
    active: true,
    unit: 'piece',
    ...extra,
  };
}

export const MILK = product(1, 'Fresh milk', '6.50', { nameAr: 'حليب طازج' });
export const BREAD = product(2, 'Bread', '3.00', { nameAr: 'خبز' });
export const DATES = product(3, 'Dates 1 kg', '39.99');

const cents = (text: string) => Math.round(Number(text) * 100);
const money = (c: number) => (c / 100).toFixed(2);

/**
 * A quote as main would give it for whole quantities at shelf prices (VAT included at 15 %), enough for the
 * renderer's tests: the renderer never computes money, it shows these strings.
 */
export function quoteFor(input: Parameters<DukkanApi['sale.quote']>[0], catalog: readonly Product[] = [MILK, BREAD, DATES]): Quote {
  const lines = input.lines.map((l) => {
    const p = catalog.find((c) => c.id === l.productId)!;
    const unit = l.unitPrice ?? p.price;
    const total = cents(unit) * Number(l.quantity) - (l.discount ? cents(l.discount) : 0);
    return {
      productId: p.id,
      name: p.name,
      quantity: l.quantity,
      unitPrice: unit,
      catalogPrice: p.price,
      unit: p.unit,
      discount: l.discount ?? null,
      lineTotal: money(total),
      vatRate: '15',
      overridden: l.unitPrice !== undefined,
    };
  });
  const total = lines.reduce((s, l) => s + cents(l.lineTotal), 0);
  const paid = input.payments.reduce((s, p) => s + cents(p.amount), 0);
  const vat = Math.round((total * 15) / 115);
  const needsApproval = input.lines.some((l) => l.unitPrice !== undefined || l.discount !== undefined) && !input.approvalId;
  const problems: ErrorText[] = [
    ...(paid < total && paid > 0 ? [{ reason: 'sale.amount-due' as const, params: { due: money(total - paid) } }] : []),
    ...(needsApproval ? [{ reason: 'sale.approval-needed' as const, params: {} }] : []),
  ];
  return {
    lines,
    pricesIncludeVat: true,
    taxExclusive: money(total - vat),
    vat: money(vat),
    total: money(total),
    paid: money(paid),
    due: money(Math.max(0, total - paid)),
    change: money(Math.max(0, paid - total)),
    needsApproval,
    complete: paid >= total && !needsApproval,
    problems,
  };
}

export function issued(number: string, total: string, change: string, print: IssueResult['print'] = { state: 'printed', message: null }): IssueResult {
  return {
    document: { number, kind: 'invoice', issueDate: '2026-11-23', issueTime: '14:05:09', total, vat: '0.00', training: true },
    change,
    print,
  };
}

/** A connection whose events the test sends. */
export function fakeConnection(api: DukkanApi): Connection & { emit(event: AppEvent): void } {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    api,
    transport: 'http',
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
  };
}

/** Timers the test moves by hand. */
export function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout: (run: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          pending.delete(id);
          t.run();
        }
      }
    },
  };
}

/** Lets every settled promise's continuations run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** A till's shift as main shows it (open, blind to the cashier), with what a test changes. */
export const shiftView = (over: Partial<ShiftView> = {}): ShiftView => ({
  id: 1,
  till: 'TR',
  cashier: 'Cashier',
  openedAt: '2026-12-04T06:00:00.000Z',
  closedAt: null,
  openingFloat: '150.00',
  documents: 0,
  cash: null,
  counted: null,
  difference: null,
  movements: [],
  notes: [],
  zNumber: null,
  ...over,
});

/** A live, onboarded terminal as the manager's status tab shows it, with what a test changes. */
export const deviceStatus = (over: Partial<DeviceStatus> = {}): DeviceStatus => ({
  mode: 'live',
  environment: 'simulation',
  onboarded: true,
  egsName: 'EGS1',
  certificate: null,
  chainHead: null,
  queue: { queued: 0, inFlight: 0, reported: 0, warnings: 0, rejected: 0, failed: 0, overdue: 0 },
  dataDir: '/data',
  backups: { warning: false, targets: [] },
  ...over,
});
