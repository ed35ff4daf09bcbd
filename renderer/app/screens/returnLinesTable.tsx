// SPDX-License-Identifier: UNLICENSED
// The lines of a past sale with what can be done to each: picked for a return, the quantity to return, and — for a
// sale of this till — the undercharge per unit a debit note charges. One table for both receipts the receipts
// screen shows: this till's own (receipts.tsx) and another till's found at the store server (till/foreignReceipt.tsx).
import type { RefObject } from 'preact';
import type { Signal } from '@preact/signals';
import { Num } from '../components/common';
import { useI18n } from '../components/hooks';
import type { ReceiptRow } from '../state/receiptsStore';

/** What the table shows of a sold line. */
export interface SoldLine {
  readonly lineId: number;
  readonly name: string;
  readonly unitPrice: string;
  readonly quantity: string;
  /** What the shop's tills have already returned of it. */
  readonly returned: string;
}

interface ReturnLinesTableProps {
  readonly lines: readonly SoldLine[];
  /** One row of inputs per line, in the same order. */
  readonly rows: readonly ReceiptRow[];
  /** Put before every data-test name (another till's sale: `foreign-`), so both tables can be on one screen. */
  readonly testPrefix: string;
  /** Lines can be picked (a credit or debit note needs an invoice to refer to). */
  readonly pickable: boolean;
  /** The undercharge column (debit notes are issued only for this till's own sales). */
  readonly withExtra: boolean;
  readonly firstPick?: RefObject<HTMLInputElement | null> | undefined;
}

export function ReturnLinesTable({ lines, rows, testPrefix, pickable, withExtra, firstPick }: ReturnLinesTableProps) {
  const { t } = useI18n();
  return (
    <table class="lines">
      <thead>
        <tr>
          <th></th>
          <th>{t('item')}</th>
          <th>{t('price')}</th>
          <th>{t('sold')}</th>
          <th>{t('returned')}</th>
          <th>{t('returnQty')}</th>
          {withExtra ? <th>{t('extraPerUnit')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <ReturnLine
            key={l.lineId}
            line={l}
            row={rows[i]!}
            test={testPrefix}
            pickable={pickable}
            withExtra={withExtra}
            pickRef={i === 0 ? firstPick : undefined}
          />
        ))}
      </tbody>
    </table>
  );
}

interface ReturnLineProps {
  readonly line: SoldLine;
  readonly row: ReceiptRow;
  readonly test: string;
  readonly pickable: boolean;
  readonly withExtra: boolean;
  readonly pickRef: RefObject<HTMLInputElement | null> | undefined;
}

function ReturnLine({ line: l, row, test, pickable, withExtra, pickRef }: ReturnLineProps) {
  const { t } = useI18n();
  return (
    <tr>
      <td>
        <input
          ref={pickRef}
          type="checkbox"
          aria-label={l.name}
          data-test={`${test}pick-${l.lineId}`}
          disabled={!pickable}
          checked={row.pick.value}
          onChange={(e) => (row.pick.value = e.currentTarget.checked)}
        />
      </td>
      <td>{l.name}</td>
      <td>
        <Num text={l.unitPrice} />
      </td>
      <td>
        <Num text={l.quantity} />
      </td>
      <td data-test={`${test}returned-${l.lineId}`}>
        <Num text={l.returned} />
      </td>
      <td>
        <LineAmount label={`${t('returnQty')} ${l.name}`} test={`${test}qty-${l.lineId}`} value={row.quantity} />
      </td>
      {withExtra ? (
        <td>
          <LineAmount label={`${t('extraPerUnit')} ${l.name}`} test={`${test}extra-${l.lineId}`} value={row.extra} />
        </td>
      ) : null}
    </tr>
  );
}

/** A quantity or amount typed for one line. */
function LineAmount({ label, test, value }: { readonly label: string; readonly test: string; readonly value: Signal<string> }) {
  return (
    <input
      class="qty"
      type="text"
      inputMode="decimal"
      aria-label={label}
      data-test={test}
      dir="ltr"
      value={value.value}
      onInput={(e) => (value.value = e.currentTarget.value)}
    />
  );
}
