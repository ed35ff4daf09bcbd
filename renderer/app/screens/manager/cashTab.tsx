// SPDX-License-Identifier: UNLICENSED
// Cash control and the audit trail (state/cashStore.ts): the till's shift, the drawer, X/Z on paper, closed shifts
// with over/short and notes, Z reports to reprint, and the trail filtered by cashier, day and kind.
import { useEffect, useState } from 'preact/hooks';
import type { AuditKind } from '../../../../app/contract/shiftTypes';
import { Field, Form, Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import type { Label } from '../../labels';
import { CashStore, type FilterKind } from '../../state/cashStore';
import { DiscountLimitForm } from './discountLimitForm';

/** Names of the kinds this tab offers as filters; a kind added elsewhere shows under its own id until named here. */
const KIND: Readonly<Partial<Record<AuditKind, Label>>> = {
  'sign-in': (t) => t('kindSignIn'),
  'approval-session': (t) => t('kindApprovalSession'),
  void: (t) => t('kindVoid'),
  'price-override': (t) => t('kindPriceOverride'),
  discount: (t) => t('kindDiscount'),
  refund: (t) => t('kindRefund'),
  'drawer-open': (t) => t('kindDrawerOpen'),
  'paid-in': (t) => t('kindPaidIn'),
  'paid-out': (t) => t('kindPaidOut'),
  'shift-open': (t) => t('kindShiftOpen'),
  'shift-close': (t) => t('kindShiftClose'),
  'shift-note': (t) => t('kindShiftNote'),
  'z-report': (t) => t('kindZReport'),
  backup: (t) => t('kindBackup'),
  restore: (t) => t('kindRestore'),
  'discount-limit': (t) => t('kindDiscountLimit'),
};

export function CashTab() {
  const app = useApp();
  const [store] = useState(() => new CashStore(app));
  useEffect(() => {
    void store.load();
    void store.loadLock();
    void store.loadProducts();
  }, [store]);
  return (
    <div class="cash-tab">
      <ShiftPanel store={store} />
      <PaperPanel store={store} />
      <ShiftsTable store={store} />
      <TrailPanel store={store} />
      <ReturnPanel store={store} />
      <LockPanel store={store} />
      <DiscountLimitForm onSaved={() => void store.loadTrail()} />
    </div>
  );
}

function ShiftPanel({ store }: { readonly store: CashStore }) {
  const app = useApp();
  const { t, dateTime } = useI18n();
  const shift = store.shift.value;
  if (!shift)
    return (
      <Form onSubmit={() => void store.open()}>
        <p data-test="shift-none">{t('shiftNone')}</p>
        <Field label={t('openingFloat')}>
          <input data-test="shift-float" inputMode="decimal" value={store.float.value} onInput={(e) => (store.float.value = e.currentTarget.value)} />
        </Field>
        <button class="primary" type="submit" data-test="shift-open">
          {t('openShift')}
        </button>
      </Form>
    );
  const drawer = async () => {
    const reason = await app.prompt({ title: t('openDrawer'), label: t('drawerReason') });
    if (reason) await store.openDrawer(reason);
  };
  return (
    <div data-test="shift-current">
      <p>{t('shiftOpenBy', { id: shift.id, t: dateTime(shift.openedAt), c: shift.cashier, f: shift.openingFloat })}</p>
      <Form onSubmit={() => void store.move()}>
        <div class="grid">
          <Field label={t('kindLabel')}>
            <select
              data-test="move-kind"
              value={store.moveKind.value}
              onChange={(e) => (store.moveKind.value = e.currentTarget.value as 'paid-in' | 'paid-out')}
            >
              <option value="paid-out">{t('paidOut')}</option>
              <option value="paid-in">{t('paidIn')}</option>
            </select>
          </Field>
          <Field label={t('amount')}>
            <input
              data-test="move-amount"
              inputMode="decimal"
              value={store.moveAmount.value}
              onInput={(e) => (store.moveAmount.value = e.currentTarget.value)}
            />
          </Field>
          <Field label={t('reasonLabel')}>
            <input data-test="move-reason" value={store.moveReason.value} onInput={(e) => (store.moveReason.value = e.currentTarget.value)} />
          </Field>
        </div>
        <button type="submit" data-test="move-record">
          {t('recordMove')}
        </button>
      </Form>
      <Form onSubmit={() => void store.close()}>
        <Field label={t('countedCash')}>
          <input data-test="shift-counted" inputMode="decimal" value={store.counted.value} onInput={(e) => (store.counted.value = e.currentTarget.value)} />
        </Field>
        <button class="primary" type="submit" data-test="shift-close">
          {t('closeShift')}
        </button>
      </Form>
      <button type="button" data-test="drawer-open" onClick={() => void drawer()}>
        {t('openDrawer')}
      </button>
    </div>
  );
}

function PaperPanel({ store }: { readonly store: CashStore }) {
  const { t } = useI18n();
  const printed = store.printed.value;
  const report = store.report.value;
  return (
    <div>
      <div class="buttons">
        <button type="button" data-test="print-x" onClick={() => void store.printX()}>
          {t('printX')}
        </button>
        <button type="button" data-test="close-day" onClick={() => void store.closeDay(t('confirmCloseDay'))}>
          {t('closeDayZ')}
        </button>
      </div>
      {report ? (
        <p role="status" data-test="paper-status">
          {report.kind === 'Z' ? `Z ${report.number ?? ''}` : 'X'} ·{' '}
          {printed?.state === 'printed'
            ? t('printedOk')
            : printed?.state === 'no-printer'
              ? t('noPrinterShort')
              : t('printedNot', { m: printed?.message ?? '' })}
          {report.cashControl ? (
            <>
              {' · '}
              {t('overShortCol')} <Num text={report.cashControl.overShort} />
            </>
          ) : null}
        </p>
      ) : null}
      <h4>{t('zTitle')}</h4>
      <ul data-test="z-list">
        {store.zReports.value.map((z) => (
          <li key={z.number}>
            Z {z.number} · <Num text={z.net} />{' '}
            <button type="button" data-test={`z-reprint-${z.number}`} onClick={() => void store.reprintZ(z.number)}>
              {t('zReprint')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ShiftsTable({ store }: { readonly store: CashStore }) {
  const app = useApp();
  const { t } = useI18n();
  const note = async (id: number) => {
    const text = await app.prompt({ title: t('addNote'), label: t('noteLabel') });
    if (text) await store.annotate(id, text);
  };
  return (
    <>
      <h4>{t('shiftsTitle')}</h4>
      <table data-test="shifts">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('cashierCol')}</th>
            <th>{t('expectedCol')}</th>
            <th>{t('countedCol')}</th>
            <th>{t('overShortCol')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {store.shifts.value.map((s) => (
            <tr key={s.id} data-test={`shift-${s.id}`}>
              <td>{s.id}</td>
              <td>{s.cashier}</td>
              <td>
                <Num text={s.cash?.expected ?? ''} />
              </td>
              <td>
                <Num text={s.counted ?? ''} />
              </td>
              <td data-test="over-short">
                <Num text={s.difference ?? ''} />
              </td>
              <td>
                {s.notes.map((n) => n.note).join(' · ')}
                {s.closedAt ? (
                  <button type="button" onClick={() => void note(s.id)}>
                    {t('addNote')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ReturnPanel({ store }: { readonly store: CashStore }) {
  const app = useApp();
  const { t } = useI18n();
  const askPin = () => app.prompt({ title: t('returnNoReceipt'), label: t('managerPinLabel'), type: 'password', inputMode: 'numeric', test: 'return-pin' });
  const text = (s: typeof store.returnNumber, test: string, label: string) => (
    <Field label={label}>
      <input data-test={test} value={s.value} onInput={(e) => (s.value = e.currentTarget.value)} />
    </Field>
  );
  return (
    <Form onSubmit={() => void store.externalReturn(askPin)}>
      <h4>{t('returnNoReceipt')}</h4>
      <div class="grid">
        <Field label={t('item')}>
          <select data-test="return-product" value={store.returnProduct.value} onChange={(e) => (store.returnProduct.value = e.currentTarget.value)}>
            <option value="" />
            {store.products.value.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {text(store.returnQuantity, 'return-quantity', t('qty'))}
        {text(store.returnNumber, 'return-number', t('receiptNumber'))}
        <Field label={t('receiptDate')}>
          <input type="date" data-test="return-date" value={store.returnDate.value} onInput={(e) => (store.returnDate.value = e.currentTarget.value)} />
        </Field>
        {text(store.returnQr, 'return-qr', t('receiptQr'))}
        {text(store.returnReason, 'return-reason', t('reasonLabel'))}
        <Field label={t('refundBy')}>
          <select
            data-test="return-method"
            value={store.returnMethod.value}
            onChange={(e) => (store.returnMethod.value = e.currentTarget.value as 'cash' | 'card')}
          >
            <option value="cash">{t('cash')}</option>
            <option value="card">{t('card')}</option>
          </select>
        </Field>
      </div>
      <button class="primary" type="submit" data-test="return-issue">
        {t('issueReturn')}
      </button>
      {store.returned.value ? (
        <p role="status" data-test="return-result">
          <Num text={store.returned.value} />
        </p>
      ) : null}
    </Form>
  );
}

function LockPanel({ store }: { readonly store: CashStore }) {
  const { t } = useI18n();
  return (
    <Form onSubmit={() => void store.saveLock()}>
      <Field label={t('idleLockLabel')}>
        <input
          data-test="lock-seconds"
          inputMode="numeric"
          value={store.lockSeconds.value}
          onInput={(e) => (store.lockSeconds.value = e.currentTarget.value)}
        />
      </Field>
      <button type="submit" data-test="lock-save">
        {t('save')}
      </button>
    </Form>
  );
}

function TrailPanel({ store }: { readonly store: CashStore }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h4>{t('trailTitle')}</h4>
      <Form onSubmit={() => void store.loadTrail()}>
        <div class="grid">
          <Field label={t('dayLabel')}>
            <input type="date" data-test="trail-day" value={store.filterDay.value} onInput={(e) => (store.filterDay.value = e.currentTarget.value)} />
          </Field>
          <Field label={t('cashierCol')}>
            <input data-test="trail-user" value={store.filterUser.value} onInput={(e) => (store.filterUser.value = e.currentTarget.value)} />
          </Field>
          <Field label={t('kindLabel')}>
            <select data-test="trail-kind" value={store.filterKind.value} onChange={(e) => (store.filterKind.value = e.currentTarget.value as FilterKind | '')}>
              <option value="">{t('allKinds')}</option>
              {(Object.keys(KIND) as FilterKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND[k]?.(t)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" data-test="trail-filter">
          {t('filter')}
        </button>
      </Form>
      <table data-test="trail">
        <thead>
          <tr>
            <th>{t('whenCol')}</th>
            <th>{t('kindLabel')}</th>
            <th>{t('whoCol')}</th>
            <th>{t('approvedCol')}</th>
            <th>{t('saleCol')}</th>
            <th>{t('beforeCol')}</th>
            <th>{t('afterCol')}</th>
            <th>{t('reasonLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {store.trail.value.map((e) => (
            <tr key={e.id} data-test={`trail-${e.kind}`}>
              <td>{dateTime(e.at)}</td>
              <td>{KIND[e.kind]?.(t) ?? e.kind}</td>
              <td>{e.user ?? ''}</td>
              <td>{e.approvedBy ?? ''}</td>
              <td>
                <Num text={e.document ?? ''} />
              </td>
              <td dir="auto">{e.before ?? ''}</td>
              <td dir="auto">{e.after ?? ''}</td>
              <td dir="auto">{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
