// SPDX-License-Identifier: UNLICENSED
// The B2B tax invoice as a modal over the till: the buyer form, then ZATCA's clearance (main/sale/b2bCounter.ts).
// In progress → the cashier waits; CLEARED → ZATCA's cleared XML and the A4 PDF drawn from it (its QR is the cleared
// XML's) are downloaded for the buyer; NOT_CLEARED → ZATCA's messages, nothing to hand over; Fatoora unreachable →
// wait and retry, or a simplified invoice instead where main allows it (never when ZATCA may hold the standard one).
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ClearanceView } from '../../../../app/contract/b2bTypes';
import { saveClearedFile } from '../../components/clearedFiles';
import { Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import type { B2bStore } from '../../state/b2bStore';
import { textOf } from '../../state/services';
import { B2bBuyerForm } from './b2bBuyerForm';

type Props = { readonly b2b: B2bStore };

export function ClearanceDialog({ b2b }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const step = b2b.step.value;
  useLayoutEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="b2b-dialog"
      data-test="b2b-dialog"
      data-step={step}
      // the app's Alt keys (language, sign out) show the screen anew and would lose the form or ZATCA's answer
      onKeyDown={(e) => e.altKey && e.stopPropagation()}
      onCancel={(e) => {
        // Esc goes back to payment from the form only: once issued, the answer decides how the dialog ends
        e.preventDefault();
        b2b.cancel();
      }}
    >
      <h2>{t('b2bTitle')}</h2>
      {step === 'buyer' ? <B2bBuyerForm b2b={b2b} /> : step === 'clearing' ? <Clearing /> : <Answer b2b={b2b} />}
    </dialog>
  );
}

function Clearing() {
  const { t } = useI18n();
  return (
    <div class="clearance" data-test="clearance-clearing" aria-busy="true">
      <p class="clearance-title">{t('b2bClearing')}</p>
      <p>{t('b2bClearingWait')}</p>
    </div>
  );
}

function Answer({ b2b }: Props) {
  const { t } = useI18n();
  const view = b2b.clearance.value;
  const change = b2b.sale.value?.change ?? '0.00';
  if (!view) return null;
  return (
    <>
      {/* the sale is paid whatever ZATCA answers: the change is given now, once, and large (as after any sale) */}
      {change !== '0.00' ? (
        <p class="change-big" data-test="b2b-change">
          {t('changeLabel')} <Num text={change} />
        </p>
      ) : null}
      {view.state === 'cleared' ? (
        <Cleared b2b={b2b} view={view} />
      ) : view.state === 'rejected' ? (
        <Rejected b2b={b2b} view={view} />
      ) : (
        <Unreachable b2b={b2b} view={view} />
      )}
    </>
  );
}

/** ZATCA's own words, as it wrote them (code and message). */
function Messages({ view }: { readonly view: ClearanceView }) {
  if (view.messages.length === 0) return null;
  return (
    <ul class="zatca-messages" data-test="zatca-messages" dir="auto">
      {view.messages.map((m, i) => (
        <li key={i}>
          {m.code ? <b dir="ltr">{`${m.code}: `}</b> : null}
          {m.message}
        </li>
      ))}
    </ul>
  );
}

function Cleared({ b2b, view }: Props & { readonly view: ClearanceView }) {
  const app = useApp();
  const { t } = useI18n();
  const save = async (kind: 'pdf' | 'xml') => {
    const files = await b2b.clearedFiles();
    if (files) saveClearedFile(files, kind, () => app.toast(textOf({ reason: 'b2b.pdf-unavailable', params: {} }, app.i18n.peek().locale), 'error'));
  };
  return (
    <div class="clearance ok" data-test="clearance-cleared">
      <p class="clearance-title">{t('b2bCleared', { n: view.number })}</p>
      <p>{t('b2bClearedHint')}</p>
      <Messages view={view} />
      <div class="touch-row">
        <button type="button" class="touch" data-test="cleared-pdf" onClick={() => void save('pdf')}>
          {t('b2bPdf')}
        </button>
        <button type="button" class="touch" data-test="cleared-xml" onClick={() => void save('xml')}>
          {t('b2bXml')}
        </button>
        <button type="button" class="primary touch" data-test="b2b-done" onClick={() => b2b.finish()}>
          {t('b2bDone')}
        </button>
      </div>
    </div>
  );
}

function Rejected({ b2b, view }: Props & { readonly view: ClearanceView }) {
  const { t } = useI18n();
  return (
    <div class="clearance bad" data-test="clearance-rejected" role="alert">
      <p class="clearance-title">{t('b2bRejected', { n: view.number })}</p>
      <p>{t('b2bRejectedHint')}</p>
      <Messages view={view} />
      <Choices b2b={b2b} view={view} retry={false} />
    </div>
  );
}

function Unreachable({ b2b, view }: Props & { readonly view: ClearanceView }) {
  const { t, locale } = useI18n();
  return (
    <div class="clearance bad" data-test="clearance-awaiting" role="alert">
      <p class="clearance-title">{t('b2bUnreachable', { n: view.number })}</p>
      <p>{t('b2bUnreachableHint')}</p>
      {view.reason ? <p data-test="clearance-reason">{textOf(view.reason, locale)}</p> : null}
      <Messages view={view} />
      <p class="muted" data-test="clearance-attempts">
        {t('b2bAttempts', { n: view.attempts })}
      </p>
      <Choices b2b={b2b} view={view} retry={true} />
    </div>
  );
}

function Choices({ b2b, view, retry }: Props & { readonly view: ClearanceView; readonly retry: boolean }) {
  const { t } = useI18n();
  const busy = b2b.busy.value;
  return (
    <div class="touch-row">
      {retry ? (
        <button type="button" class="primary touch" data-test="clearance-retry" disabled={busy} onClick={() => void b2b.retry()}>
          {t('b2bRetry')}
        </button>
      ) : null}
      {view.canIssueSimplified ? (
        <button type="button" class="touch" data-test="clearance-simplified" disabled={busy} onClick={() => void b2b.issueSimplified()}>
          {t('b2bSimplified')}
        </button>
      ) : null}
      <button type="button" class="touch" data-test="b2b-close" disabled={busy} onClick={() => b2b.finish()}>
        {retry ? t('b2bLater') : t('b2bDone')}
      </button>
    </div>
  );
}

/** At payment: the sale as a standard tax invoice for a business buyer instead of a simplified receipt. */
export function B2bChoice({ b2b }: Props) {
  const { t } = useI18n();
  return (
    <button type="button" class="touch b2b-choice" data-test="b2b" onClick={() => b2b.start()}>
      {t('b2bChoice')}
    </button>
  );
}
