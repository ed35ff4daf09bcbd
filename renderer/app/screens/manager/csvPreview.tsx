// SPDX-License-Identifier: UNLICENSED
// The preview of a CSV import (docs/catalog.md, "CSV import"): what each row will do (new product, or the product it
// updates), the decimal separator read from the file, the rows that are wrong (nothing can be imported then) and the
// duplicates to look at. Nothing is written until the manager confirms here.
import type { CsvImportPreview, CsvRowNote } from '../../../../app/contract/catalogTypes';
import type { ProductUnit } from '../../../../app/contract/types';
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import { textOf } from '../../state/services';

/** A product's unit in the screen's language (also the till's cart: quantities in kg, g or l). */
export function UnitWord({ unit }: { readonly unit: ProductUnit }) {
  const { t } = useI18n();
  return <>{unit === 'kg' ? t('unitKg') : unit === 'g' ? t('unitG') : unit === 'l' ? t('unitL') : t('unitPiece')}</>;
}

function Notes({ notes, cls, test }: { readonly notes: readonly CsvRowNote[]; readonly cls: string; readonly test: string }) {
  const { locale } = useI18n();
  return (
    <ul class={cls} data-test={test}>
      {notes.map((n, i) => (
        <li key={i}>{`${n.line}${n.field ? ` (${n.field})` : ''}: ${textOf(n, locale)}`}</li>
      ))}
    </ul>
  );
}

export function CsvPreview({
  preview,
  onConfirm,
  onCancel,
}: {
  readonly preview: CsvImportPreview;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const wrong = preview.errors.length > 0;
  return (
    <section class="csv-preview" role="dialog" aria-label={t('csvPreviewTitle')} data-test="csv-preview">
      <h4>{t('csvPreviewTitle')}</h4>
      <p class="muted" data-test="csv-decimal">
        {preview.decimalSeparator ? t('csvDecimal', { s: preview.decimalSeparator }) : t('csvDecimalNone')}
      </p>
      {wrong ? (
        <>
          <p class="error">{t('csvErrors')}</p>
          <Notes notes={preview.errors} cls="error" test="csv-preview-errors" />
        </>
      ) : null}
      {preview.warnings.length > 0 ? (
        <>
          <p class="warn">{t('csvWarnings')}</p>
          <Notes notes={preview.warnings} cls="warn" test="csv-preview-warnings" />
        </>
      ) : null}
      <table class="products">
        <thead>
          <tr>
            <th>{t('csvLine')}</th>
            <th>{t('name')}</th>
            <th>{t('barcodes')}</th>
            <th>{t('price')}</th>
            <th>{t('csvUnit')}</th>
            <th>{t('csvAction')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} data-test="csv-preview-row">
              <td>
                <Num text={String(r.line)} />
              </td>
              <td>{r.nameAr ? `${r.name} · ${r.nameAr}` : r.name}</td>
              <td>
                <Num text={r.barcodes.join(' ')} />
              </td>
              <td>
                <Num text={r.price} />
              </td>
              <td>
                <UnitWord unit={r.unit} />
              </td>
              <td>{r.existing ? t('csvWillUpdate', { p: r.existing.name }) : t('csvWillCreate')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-test="csv-confirm" disabled={wrong || preview.rows.length === 0} onClick={onConfirm}>
        {t('csvConfirm', { n: preview.rows.length })}
      </button>
      <button type="button" data-test="csv-cancel" onClick={onCancel}>
        {t('csvCancel')}
      </button>
    </section>
  );
}
