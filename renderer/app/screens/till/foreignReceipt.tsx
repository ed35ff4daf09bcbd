// SPDX-License-Identifier: UNLICENSED
// A sale of another till found at the store server, on the receipts screen (state: ForeignReceiptStore;
// docs/store-server.md, "Returns at another till"): each line with what the shop's tills already returned, the
// quantities to return, the reason and the refund, or why the server could not be asked.
import { Form, Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { ForeignReceiptStore } from '../../state/foreignReceiptStore';
import { ReturnLinesTable } from '../returnLinesTable';

export function ForeignReceiptPanel({ store }: { readonly store: ForeignReceiptStore }) {
  const { t } = useI18n();
  const problem = store.problem.value;
  if (problem) {
    return (
      <p class="error" data-test="foreign-problem">
        {problem}
      </p>
    );
  }
  const found = store.found.value;
  if (!found) return null;
  const r = found.receipt;
  return (
    <div class="foreign-receipt" data-test="foreign-receipt">
      <h2>
        <Num text={r.number} cls="num doc-number" />
      </h2>
      <p>
        {t('foreignSale', { till: r.till, branch: r.branch })} <Num text={`${r.issueDate} ${r.issueTime}`} />
        {' · '}
        {t('total')} <Num text={r.total} />
      </p>
      <ReturnLinesTable lines={r.lines} rows={found.rows} testPrefix="foreign-" pickable withExtra={false} />
      <Form class="note-form" onSubmit={() => void store.issueCredit()}>
        <label class="field">
          <span>{t('reason')}</span>
          <input
            type="text"
            autocomplete="off"
            aria-label={t('reason')}
            data-test="foreign-reason"
            value={store.reason.value}
            onInput={(e) => (store.reason.value = e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{t('refundBy')}</legend>
          {(['cash', 'card'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="foreign-refund" value={m} checked={store.refund.value === m} onChange={() => (store.refund.value = m)} />
              {m === 'cash' ? t('cash') : t('card')}
            </label>
          ))}
        </fieldset>
        <div class="buttons">
          <button type="submit" data-test="foreign-issue-credit">
            {t('issueCredit')}
          </button>
        </div>
      </Form>
    </div>
  );
}
