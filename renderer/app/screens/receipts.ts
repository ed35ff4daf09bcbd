// SPDX-License-Identifier: UNLICENSED
// Find a past receipt by its number or by scanning its QR code, then: return chosen lines (credit note), charge an
// undercharge (debit note), reprint a copy or preview it. Notes need a manager's approval.
import type { IssueResult, ReceiptDetails } from '../../../app/contract/types';
import type { AppContext, Screen } from '../app';
import { h, mount, num } from '../dom';
import { dateTime, t, tk } from '../i18n';
import { attempt, errorText, prompt, toast } from '../ui';
import { printMessage } from './cashier';

const QUANTITY = /^\d{1,6}(\.\d{1,3})?$/;
const PRICE = /^\d{1,9}(\.\d{1,4})?$/;

export function receiptsScreen(ctx: AppContext): Screen {
  const api = ctx.api;
  let details: ReceiptDetails | null = null;
  let requestId = crypto.randomUUID();
  const query = h('input', {
    attrs: {
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: t('receiptQuery'),
      'aria-label': t('receiptQuery'),
      'data-test': 'receipt-query',
      dir: 'ltr',
    },
  });
  const body = h('div', { class: 'receipt-details', attrs: { 'data-test': 'receipt-details' } });
  const preview = h('div', { class: 'preview' });
  const reason = h('input', { attrs: { type: 'text', autocomplete: 'off', 'aria-label': t('reason'), 'data-test': 'reason' } });
  const refundCash = h('input', { attrs: { type: 'radio', name: 'refund', value: 'cash', 'data-test': 'refund-cash' }, checked: true });
  const refundCard = h('input', { attrs: { type: 'radio', name: 'refund', value: 'card', 'data-test': 'refund-card' } });
  let rows: { lineId: number; pick: HTMLInputElement; qty: HTMLInputElement; extra: HTMLInputElement }[] = [];

  async function find(): Promise<void> {
    const q = query.value.trim();
    if (!q) return;
    const found = await attempt(() => api['receipts.find']({ query: q }));
    if (found === undefined) return;
    if (found === null) {
      details = null;
      mount(body, h('p', { class: 'error' }, t('receiptNotFound', { q: q.length > 40 ? `${q.slice(0, 40)}…` : q })));
      return;
    }
    details = found;
    requestId = crypto.randomUUID();
    render();
  }

  function render(): void {
    const d = details;
    mount(preview);
    if (!d) return mount(body);
    rows = d.lines.map((l) => ({
      lineId: l.lineId,
      pick: h('input', { attrs: { type: 'checkbox', 'aria-label': l.name, 'data-test': `pick-${l.lineId}` }, disabled: d.document.kind !== 'invoice' }),
      qty: h('input', {
        class: 'qty',
        attrs: { type: 'text', inputmode: 'decimal', 'aria-label': `${t('returnQty')} ${l.name}`, 'data-test': `qty-${l.lineId}`, dir: 'ltr' },
        value: l.returnable === '0' ? '0' : l.returnable,
      }),
      extra: h('input', {
        class: 'qty',
        attrs: { type: 'text', inputmode: 'decimal', 'aria-label': `${t('extraPerUnit')} ${l.name}`, 'data-test': `extra-${l.lineId}`, dir: 'ltr' },
      }),
    }));
    const invoice = d.document.kind === 'invoice';
    mount(
      body,
      h(
        'header',
        {},
        h('h2', {}, tk(`kind_${d.document.kind}`), ' ', num(d.document.number, 'num doc-number')),
        h(
          'p',
          {},
          num(`${d.document.issueDate} ${d.document.issueTime}`),
          ' · ',
          t('total'),
          ' ',
          num(d.document.total),
          ' · ',
          h('span', { attrs: { 'data-test': 'reporting-state' } }, tk(`reporting_${d.reporting}`)),
        ),
        d.originalNumber ? h('p', {}, num(d.originalNumber), ' — ', d.reason ?? '') : null,
      ),
      h(
        'table',
        { class: 'lines' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, ''),
            h('th', {}, t('item')),
            h('th', {}, t('price')),
            h('th', {}, t('sold')),
            h('th', {}, t('returned')),
            h('th', {}, t('returnQty')),
            h('th', {}, t('extraPerUnit')),
          ),
        ),
        h(
          'tbody',
          {},
          d.lines.map((l, i) =>
            h(
              'tr',
              {},
              h('td', {}, rows[i]!.pick),
              h('td', {}, l.name),
              h('td', {}, num(l.unitPrice)),
              h('td', {}, num(l.quantity)),
              h('td', {}, num(l.returned)),
              h('td', {}, rows[i]!.qty),
              h('td', {}, rows[i]!.extra),
            ),
          ),
        ),
      ),
      d.notes.length > 0
        ? h(
            'p',
            {},
            t('notesIssued'),
            ': ',
            d.notes.map((n) => h('span', { class: 'note-ref' }, tk(`kind_${n.kind}`), ' ', num(n.number), ' (', num(n.total), ') ')),
          )
        : null,
      invoice
        ? h(
            'div',
            { class: 'note-form' },
            h('label', { class: 'field' }, h('span', {}, t('reason')), reason),
            h('fieldset', {}, h('legend', {}, t('refundBy')), h('label', {}, refundCash, t('cash')), h('label', {}, refundCard, t('card'))),
            h(
              'div',
              { class: 'buttons' },
              h('button', { attrs: { type: 'button', 'data-test': 'issue-credit' }, on: { click: () => void issueNote('credit') } }, t('issueCredit')),
              h('button', { attrs: { type: 'button', 'data-test': 'issue-debit' }, on: { click: () => void issueNote('debit') } }, t('issueDebit')),
            ),
          )
        : null,
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button', 'data-test': 'reprint' }, on: { click: () => void reprint() } }, t('reprint')),
        h('button', { attrs: { type: 'button', 'data-test': 'preview' }, on: { click: () => void showPreview() } }, t('preview')),
      ),
    );
    rows[0]?.pick.focus();
  }

  async function approve(purpose: 'return' | 'debit-note'): Promise<string | undefined> {
    const pin = await prompt({ title: t('managerPin'), label: t('pin'), type: 'password', inputMode: 'numeric', pattern: /^\d{4,8}$/, test: 'manager-pin' });
    if (!pin) return undefined;
    return (await attempt(() => api['approval.request']({ pin, purpose })))?.approvalId;
  }

  function issued(result: IssueResult): void {
    const p = printMessage(result);
    toast(`${t('noteDone', { k: tk(`kind_${result.document.kind}`), n: result.document.number })} · ${p.text}`, p.ok ? 'ok' : 'error');
    void find();
  }

  const positive = (text: string, pattern: RegExp) => pattern.test(text.trim()) && /[1-9]/.test(text);

  /** Credit note: the chosen lines and quantities back. Debit note: the chosen lines with the undercharge per unit. */
  async function issueNote(kind: 'credit' | 'debit'): Promise<void> {
    if (!details) return;
    const picked = rows.filter((r) => r.pick.checked && positive(r.qty.value, QUANTITY) && (kind === 'credit' || positive(r.extra.value, PRICE)));
    if (picked.length === 0) return toast(t('chooseLines'), 'error');
    if (!reason.value.trim()) return (toast(t('needReason'), 'error'), reason.focus());
    const approvalId = await approve(kind === 'credit' ? 'return' : 'debit-note');
    if (!approvalId) return;
    const common = { originalNumber: details.document.number, reason: reason.value.trim(), approvalId, requestId };
    const method = refundCard.checked ? 'card' : 'cash';
    try {
      issued(
        kind === 'credit'
          ? await api['returns.create']({ ...common, refundMethod: method, lines: picked.map((r) => ({ lineId: r.lineId, quantity: r.qty.value.trim() })) })
          : await api['debitNotes.create']({
              ...common,
              paymentMethod: method,
              lines: picked.map((r) => ({ lineId: r.lineId, quantity: r.qty.value.trim(), unitAmount: r.extra.value.trim() })),
            }),
      );
    } catch (e) {
      toast(errorText(e), 'error');
    }
  }

  async function reprint(): Promise<void> {
    if (!details) return;
    const outcome = await attempt(() => api['receipts.reprint']({ number: details!.document.number }));
    if (outcome)
      toast(
        outcome.state === 'printed' ? t('printed') : outcome.state === 'no-printer' ? t('printerNone') : t('printFailed', { m: outcome.message ?? '' }),
        outcome.state === 'failed' ? 'error' : 'ok',
      );
  }

  async function showPreview(): Promise<void> {
    if (!details) return;
    const p = await attempt(() => api['receipts.preview']({ number: details!.document.number }));
    if (p)
      mount(
        preview,
        h('img', {
          attrs: {
            src: p.dataUrl,
            alt: `${tk(`kind_${details.document.kind}`)} ${details.document.number} — ${dateTime(new Date().toISOString())}`,
            'data-test': 'preview-image',
          },
        }),
      );
  }

  const el = h(
    'section',
    { class: 'screen-receipts' },
    h('h1', {}, t('receiptsTitle')),
    h('form', { class: 'find', on: { submit: (e) => (e.preventDefault(), void find()) } }, query, h('button', { attrs: { type: 'submit' } }, t('find'))),
    h('div', { class: 'receipt-layout' }, body, preview),
  );
  return {
    el,
    keys: 'keysReceipts',
    focus: () => query.focus(),
    keydown(e) {
      switch (e.key) {
        case 'Escape':
          ctx.go('cashier');
          return true;
        case 'F8':
          void issueNote('credit');
          return true;
        case 'F9':
          void issueNote('debit');
          return true;
        case 'F3':
          void reprint();
          return true;
        case 'F4':
          void showPreview();
          return true;
        default:
          return false;
      }
    },
  };
}
