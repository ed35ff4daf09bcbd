// SPDX-License-Identifier: UNLICENSED
// Products: list, add/edit (prices with or without VAT, VAT category and rate, exemption code, barcodes), CSV import.
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CsvImportPreview } from '../../../../app/contract/catalogTypes';
import type { CsvImportResult, Product } from '../../../../app/contract/types';
import { Check, Field, Form, Num, SaveFooter } from '../../components/common';
import { useApp, useEditing, useI18n, useLoaded, useSave } from '../../components/hooks';
import { textOf } from '../../state/services';
import { CsvPreview } from './csvPreview';
import { QuickKeysPanel } from './quickKeysPanel';

export function CatalogTab() {
  const app = useApp();
  const { t } = useI18n();
  const products = useLoaded(() => app.api['catalog.list']({}));
  const editing = useEditing<Product>();
  const saved = () => {
    editing.close();
    void products.reload();
  };
  const e = editing.current;
  return (
    <div class="catalog">
      <button type="button" data-test="new-product" onClick={() => editing.open(null)}>
        {t('newProduct')}
      </button>
      {e ? <ProductForm key={e.n} product={e.item} onSaved={saved} /> : <form class="product-form" />}
      <table class="products">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('barcodes')}</th>
            <th>{t('price')}</th>
            <th>{t('vat')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody data-test="catalog">
          {(products.value ?? []).map((p) => (
            <ProductRow key={p.id} product={p} onEdit={() => editing.open(p)} />
          ))}
        </tbody>
      </table>
      <CsvImport onImported={() => void products.reload()} />
      <QuickKeysPanel products={products.value ?? undefined} />
    </div>
  );
}

function ProductRow({ product: p, onEdit }: { readonly product: Product; readonly onEdit: () => void }) {
  const { t } = useI18n();
  return (
    <tr class={p.active ? undefined : 'inactive'}>
      <td>
        {p.name}
        {p.nameAr ? (
          <div class="muted" lang="ar">
            {p.nameAr}
          </div>
        ) : null}
      </td>
      <td>
        <Num text={p.barcodes.join(' ')} />
      </td>
      <td>
        <Num text={p.price} /> {p.priceIncludesVat ? t('priceInclVat') : ''}
      </td>
      <td>
        <Num text={`${p.vatCategory} ${p.vatRate}%`} />
        {p.exemptionCode ? (
          <>
            {' '}
            <Num text={p.exemptionCode} />
          </>
        ) : null}
      </td>
      <td>
        <button type="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </td>
    </tr>
  );
}

function ProductForm({ product: p, onSaved }: { readonly product: Product | null; readonly onSaved: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const name = useSignal(p?.name ?? '');
  const nameAr = useSignal(p?.nameAr ?? '');
  const barcodes = useSignal(p?.barcodes.join(' ') ?? '');
  const price = useSignal(p?.price ?? '');
  const incl = useSignal(p?.priceIncludesVat ?? true);
  const category = useSignal<string>(p?.vatCategory ?? 'S');
  const rate = useSignal(p?.vatRate ?? '15');
  const exemption = useSignal(p?.exemptionCode ?? '');
  const active = useSignal(p?.active ?? true);
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const save = useSave(
    () =>
      app.api['catalog.save']({
        ...(p ? { id: p.id } : {}),
        name: name.peek(),
        ...(nameAr.peek().trim() ? { nameAr: nameAr.peek() } : {}),
        barcodes: barcodes
          .peek()
          .split(/\s+/)
          .filter((b) => b.length > 0),
        price: price.peek(),
        priceIncludesVat: incl.peek(),
        vatCategory: category.peek() as 'S',
        vatRate: rate.peek() as '15',
        ...(exemption.peek().trim() ? { exemptionCode: exemption.peek().trim() } : {}),
        active: active.peek(),
      }),
    onSaved,
  );
  return (
    <Form class="product-form" onSubmit={() => void save.submit()}>
      <h3>{p ? p.name : t('newProduct')}</h3>
      <div class="grid">
        <Field label={t('name')}>
          <input ref={first} type="text" data-test="p-name" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('nameAr')}>
          <input type="text" lang="ar" dir="rtl" data-test="p-name-ar" value={nameAr.value} onInput={(e) => (nameAr.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('barcodes')}>
          <input type="text" dir="ltr" data-test="p-barcodes" value={barcodes.value} onInput={(e) => (barcodes.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('price')}>
          <input type="text" inputMode="decimal" dir="ltr" data-test="p-price" value={price.value} onInput={(e) => (price.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('vatCategory')}>
          <select data-test="p-category" value={category.value} onChange={(e) => (category.value = e.currentTarget.value)}>
            {['S', 'Z', 'E', 'O'].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('vatRate')}>
          <select data-test="p-rate" value={rate.value} onChange={(e) => (rate.value = e.currentTarget.value)}>
            {['15', '5', '0'].map((r) => (
              <option key={r} value={r}>{`${r}%`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('exemptionCode')}>
          <input
            type="text"
            dir="ltr"
            placeholder="VATEX-SA-29"
            data-test="p-exemption"
            value={exemption.value}
            onInput={(e) => (exemption.value = e.currentTarget.value)}
          />
        </Field>
      </div>
      <Check label={t('priceInclVat')} value={incl} test="p-incl" />
      <Check label={t('active')} value={active} />
      <SaveFooter error={save.error} test="p-save" label={t('save')} />
    </Form>
  );
}

function CsvImport({ onImported }: { readonly onImported: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const text = useSignal('');
  const result = useSignal<CsvImportResult | null>(null);
  // first what the file would do (nothing written), then the import once the manager confirms (docs/catalog.md)
  const preview = useSignal<{ readonly csv: string; readonly preview: CsvImportPreview } | null>(null);
  const previewCsv = async (csv: string) => {
    result.value = null;
    const p = await app.attempt(() => app.api['catalog.previewCsv']({ csv }));
    if (p) preview.value = { csv, preview: p };
  };
  const importCsv = async (csv: string) => {
    preview.value = null;
    const r = await app.attempt(() => app.api['catalog.importCsv']({ csv }));
    if (!r) return;
    result.value = r;
    if (r.errors.length === 0) onImported();
  };
  return (
    <section class="csv">
      <h3>{t('importCsv')}</h3>
      <p class="muted">{t('csvHelp')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label={t('importCsv')}
        data-test="csv-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void file.text().then(previewCsv);
        }}
      />
      <textarea
        rows={4}
        aria-label={t('importCsv')}
        data-test="csv-text"
        dir="ltr"
        placeholder="name,name_ar,barcode,price,price_includes_vat,vat_category,vat_rate"
        value={text.value}
        onInput={(e) => (text.value = e.currentTarget.value)}
      />
      <button type="button" data-test="csv-import" onClick={() => void previewCsv(text.peek())}>
        {t('csvPreview')}
      </button>
      {preview.value ? (
        <CsvPreview preview={preview.value.preview} onConfirm={() => void importCsv(preview.value!.csv)} onCancel={() => (preview.value = null)} />
      ) : null}
      <div role="status" data-test="csv-result">
        {result.value ? <CsvOutcome result={result.value} /> : null}
      </div>
    </section>
  );
}

function CsvOutcome({ result }: { readonly result: CsvImportResult }) {
  const { t, locale } = useI18n();
  if (result.errors.length === 0) return <p class="ok">{t('csvResult', { c: result.created, u: result.updated })}</p>;
  return (
    <>
      <p class="error">{t('csvErrors')}</p>
      <ul class="error">
        {result.errors.map((e) => (
          <li key={e.line}>{`${e.line}${e.field ? ` (${e.field})` : ''}: ${textOf(e, locale)}`}</li>
        ))}
      </ul>
    </>
  );
}
