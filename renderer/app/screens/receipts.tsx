// SPDX-License-Identifier: UNLICENSED
// Find a past receipt by its number or by scanning its QR code, then: return chosen lines (credit note), charge an
// undercharge (debit note), reprint a copy or preview it. State: ReceiptsStore.
import { useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { ReceiptDetails } from '../../../app/contract/types';
import { ClearanceOfDocument } from '../components/clearedFiles';
import { Form, Num } from '../components/common';
import { useApp, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import { ReceiptsStore } from '../state/receiptsStore';
import { ForeignReceiptPanel } from './till/foreignReceipt';
import { ReturnLinesTable } from './returnLinesTable';
import { DOCUMENT_KIND, REPORTING } from '../labels';

type Store = { readonly store: ReceiptsStore };

export function ReceiptsScreen() {
  const app = useApp();
  const { t } = useI18n();
  const [store] = useState(() => new ReceiptsStore(app));
  const query = useRef<HTMLInputElement>(null);
  const reason = useRef<HTMLInputElement>(null);
  const firstPick = useRef<HTMLInputElement>(null);
  useFocusRequests(store.focus, (field) => ({ query, reason, 'first-pick': firstPick })[field].current);
  useScreenKeys((press) => store.keydown(press));
  return (
    <section class="screen-receipts">
      <h1>{t('receiptsTitle')}</h1>
      <Form class="find" onSubmit={() => void store.find()}>
        <input
          ref={query}
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('receiptQuery')}
          aria-label={t('receiptQuery')}
          data-test="receipt-query"
          dir="ltr"
          value={store.query.value}
          onInput={(e) => (store.query.value = e.currentTarget.value)}
        />
        <button type="submit">{t('find')}</button>
      </Form>
      <div class="receipt-layout">
        <div class="receipt-details" data-test="receipt-details">
          <ReceiptBody store={store} reason={reason} firstPick={firstPick} />
          <ForeignReceiptPanel store={store.foreign} />
        </div>
        <div class="preview">
          <Preview store={store} />
        </div>
      </div>
    </section>
  );
}

function ReceiptBody({
  store,
  reason,
  firstPick,
}: Store & { readonly reason: RefObject<HTMLInputElement | null>; readonly firstPick: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  const view = store.view.value;
  if (view.kind === 'none') return null;
  if (view.kind === 'not-found') return <p class="error">{t('receiptNotFound', { q: view.query })}</p>;
  const d = view.details;
  return (
    <>
      <ReceiptHeader details={d} />
      <ReturnLinesTable lines={d.lines} rows={view.rows} testPrefix="" pickable={d.document.kind === 'invoice'} withExtra firstPick={firstPick} />
      <NotesIssued details={d} />
      {d.archive ? (
        <p class="archived" data-test="archived">
          {t('archivedDocument', { name: d.archive.name, egs: d.archive.egsSerial ?? '—' })}
        </p>
      ) : null}
      {d.document.kind === 'invoice' && !d.archive ? <NoteForm store={store} reason={reason} /> : null}
      {d.clearance ? (
        // a standard (B2B) document: ZATCA's cleared files, never a receipt copy
        <ClearanceOfDocument view={d.clearance} />
      ) : (
        <div class="buttons">
          <button type="button" data-test="reprint" onClick={() => void store.reprint()}>
            {t('reprint')}
          </button>
          <button type="button" data-test="preview" onClick={() => void store.showPreview()}>
            {t('preview')}
          </button>
        </div>
      )}
    </>
  );
}

function ReceiptHeader({ details: d }: { readonly details: ReceiptDetails }) {
  const { t } = useI18n();
  return (
    <header>
      <h2>
        {DOCUMENT_KIND[d.document.kind](t)} <Num text={d.document.number} cls="num doc-number" />
      </h2>
      <p>
        <Num text={`${d.document.issueDate} ${d.document.issueTime}`} />
        {' · '}
        {t('total')} <Num text={d.document.total} />
        {' · '}
        <span data-test="reporting-state">{REPORTING[d.reporting](t)}</span>
      </p>
      {d.originalNumber ? (
        <p>
          <Num text={d.originalNumber} />
          {' — '}
          {d.reason ?? ''}
        </p>
      ) : null}
    </header>
  );
}

function NotesIssued({ details: d }: { readonly details: ReceiptDetails }) {
  const { t } = useI18n();
  if (d.notes.length === 0) return null;
  return (
    <p>
      {t('notesIssued')}
      {': '}
      {d.notes.map((n) => (
        <span key={n.number} class="note-ref">
          {DOCUMENT_KIND[n.kind](t)} <Num text={n.number} /> (<Num text={n.total} />){' '}
        </span>
      ))}
    </p>
  );
}

function NoteForm({ store, reason }: Store & { readonly reason: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  const refund = store.refund.value;
  return (
    <div class="note-form">
      <label class="field">
        <span>{t('reason')}</span>
        <input
          ref={reason}
          type="text"
          autocomplete="off"
          aria-label={t('reason')}
          data-test="reason"
          value={store.reason.value}
          onInput={(e) => (store.reason.value = e.currentTarget.value)}
        />
      </label>
      <fieldset>
        <legend>{t('refundBy')}</legend>
        <label>
          <input type="radio" name="refund" value="cash" data-test="refund-cash" checked={refund === 'cash'} onChange={() => (store.refund.value = 'cash')} />
          {t('cash')}
        </label>
        <label>
          <input type="radio" name="refund" value="card" data-test="refund-card" checked={refund === 'card'} onChange={() => (store.refund.value = 'card')} />
          {t('card')}
        </label>
        <label>
          <input
            type="radio"
            name="refund"
            value="store-credit"
            data-test="refund-store-credit"
            checked={refund === 'store-credit'}
            onChange={() => (store.refund.value = 'store-credit')}
          />
          {t('storeCredit')}
        </label>
      </fieldset>
      {store.voucher.value ? (
        <p class="voucher" data-test="voucher-issued" role="status">
          {t('voucherIssued', { code: store.voucher.value.code, amount: store.voucher.value.amount })}
        </p>
      ) : null}
      <div class="buttons">
        <button type="button" data-test="issue-credit" onClick={() => void store.issueNote('credit')}>
          {t('issueCredit')}
        </button>
        <button type="button" data-test="issue-debit" onClick={() => void store.issueNote('debit')}>
          {t('issueDebit')}
        </button>
      </div>
    </div>
  );
}

function Preview({ store }: Store) {
  const preview = store.preview.value;
  return preview ? <img src={preview.src} alt={preview.alt} data-test="preview-image" /> : null;
}
